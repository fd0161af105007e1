import type { AlertSeries } from '../../common/alerts.js';

const NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * The alert's daily series: counts as a line, the detector's upper bound dashed, alarm days as
 * red dots, the alert's own day ringed. Suppressed counts (null for the caller) and gaps break
 * the line rather than pretend a value.
 */
export function sparkline(series: AlertSeries, day: string, width = 320, height = 100): SVGSVGElement {
  const pad = 12;
  const values = series.days.flatMap((d) => [d.value?.count ?? null, d.upperbound]).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const n = Math.max(1, series.days.length - 1);
  const x = (i: number) => pad + (i / n) * (width - 2 * pad);
  const y = (v: number) => height - pad - (Math.max(0, v) / max) * (height - 2 * pad);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'alert-spark', role: 'img' });
  const path = (pick: (d: AlertSeries['days'][number]) => number | null) => {
    let d = '';
    let pen = false;
    series.days.forEach((p, i) => {
      const v = pick(p);
      if (v === null) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  root.append(svg('path', { d: path((p) => p.upperbound), class: 'alert-spark-bound' }));
  root.append(svg('path', { d: path((p) => p.value?.count ?? null), class: 'alert-spark-line' }));
  series.days.forEach((p, i) => {
    // A suppressed count (below k for this caller) is marked on the axis: data exists, not shown.
    if (p.value?.suppressed) root.append(svg('rect', { x: x(i) - 1, y: height - pad - 3, width: 2, height: 3, class: 'alert-spark-suppressed' }));
    const v = p.value?.count ?? p.upperbound ?? 0;
    if (p.alarm) root.append(svg('circle', { cx: x(i), cy: y(v), r: 3, class: 'alert-spark-alarm' }));
    if (p.day === day) root.append(svg('circle', { cx: x(i), cy: y(v), r: 6, class: 'alert-spark-day' }));
  });
  const label = (tx: number, ty: number, text: string, anchor: string) => {
    const t = svg('text', { x: tx, y: ty, 'text-anchor': anchor, class: 'alert-spark-label' });
    t.textContent = text;
    root.append(t);
  };
  label(pad, 10, String(Math.round(max)), 'start');
  label(pad, height - 1, series.days[0]?.day.slice(5) ?? '', 'start');
  label(width - pad, height - 1, series.days.at(-1)?.day.slice(5) ?? '', 'end');
  const title = svg('title', {});
  const alarms = series.days.filter((d) => d.alarm).length;
  title.textContent = `Daily series ${series.days[0]?.day ?? ''} to ${series.days.at(-1)?.day ?? ''}: ${alarms} alarm day(s); dashed line: upper bound`;
  root.prepend(title);
  return root;
}
