/**
 * Numbers as people read them. A suppressed count (null from the API, below the disclosure
 * threshold k) is shown as "<k": never as 0, which would be a false statement.
 */
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatCount(count: number | null, k: number): string {
  return count === null ? `<${k}` : whole.format(count);
}

/** For sorting: a suppressed count sorts just below k (it lies in 1…k−1). */
export function sortValue(count: number | null, k: number): number {
  return count === null ? k - 0.5 : count;
}

export function plural(n: number, one: string, many: string): string {
  return `${whole.format(n)} ${n === 1 ? one : many}`;
}

/** Enum values as labels: `unaccompanied_child` → "Unaccompanied child". */
export function humanize(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
