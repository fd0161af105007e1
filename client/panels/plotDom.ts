/**
 * Observable Plot puts a <style> element inside every chart it makes; under the app's CSP
 * (style-src 'self') that is an inline style and would be blocked and reported. The chart
 * is still detached when this runs, so dropping it costs nothing: styles.css sizes the SVG.
 */
export function cspSafe<T extends Element>(chart: T): T {
  for (const s of chart.querySelectorAll('style')) s.remove();
  return chart;
}
