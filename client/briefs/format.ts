/**
 * How a brief writes its numbers and dates. Pure (unit-tested; the browser test formats the
 * API's numbers with these same functions to find them in the PDF text).
 */
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A count; suppressed (null) is "<k", never 0. */
export const count = (n: number | null, k: number): string => (n === null ? `<${k}` : whole.format(n));
export const average = (n: number | null): string => (n === null ? 'not shown' : oneDecimal.format(n));
/** A share 0…1 as a whole percentage. */
export const share = (x: number | null): string => (x === null ? 'not shown' : `${whole.format(x * 100)}%`);
/** A relative change with its sign ("+12.5%", "−3.0%"). */
export function change(x: number | null): string {
  if (x === null) return 'not comparable';
  const s = oneDecimal.format(Math.abs(x) * 100);
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${s}%`;
}
/** 2025-06-01 → "1 Jun 2025". */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? '?'} ${y}`;
}
export const span = (p: { from: string; to: string }): string => `${day(p.from)} – ${day(p.to)}`;
