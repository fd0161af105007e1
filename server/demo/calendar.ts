/**
 * The demo's period. A fixed end date, not "yesterday", so that the same seed gives the same
 * rows on any day the generator runs (tests hash the output; briefs quote demo figures).
 */
export const DEMO_END = '2026-10-31';
export const DEMO_DAYS = 730;

const DAY_MS = 86_400_000;
const endMs = Date.parse(`${DEMO_END}T00:00:00Z`);
const startMs = endMs - (DEMO_DAYS - 1) * DAY_MS;

export const DEMO_START = isoOf(startMs);

export interface DemoDay {
  index: number; // 0 = DEMO_START
  iso: string; // YYYY-MM-DD
  dow: number; // 0 = Sunday … 6 = Saturday
  month: number; // 0 = January
  dom: number; // day of month, 1…31
  t: number; // 0 at the start of the period, 1 at its end (for trends)
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every day of the period, oldest first. */
export function demoDays(): DemoDay[] {
  return Array.from({ length: DEMO_DAYS }, (_, index) => {
    const d = new Date(startMs + index * DAY_MS);
    return {
      index,
      iso: isoOf(d.getTime()),
      dow: d.getUTCDay(),
      month: d.getUTCMonth(),
      dom: d.getUTCDate(),
      t: index / (DEMO_DAYS - 1),
    };
  });
}

/** Days of month ≥ 25 or ≤ 2: salaries are paid, cross-border shopping picks up. */
export function isMonthEnd(day: DemoDay): boolean {
  return day.dom >= 25 || day.dom <= 2;
}

/** 18 December – 6 January: people travel home for Christmas and New Year. */
export function isFestive(day: DemoDay): boolean {
  return (day.month === 11 && day.dom >= 18) || (day.month === 0 && day.dom <= 6);
}
