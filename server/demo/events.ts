import { DEMO_DAYS } from './calendar.js';
import type { People } from './group.js';
import type { Rng } from './random.js';

/**
 * Planted events (issue 17): two invented incidents near the end of the synthetic demo period,
 * so the default alert rules have something to find in the demo. Synthetic like the rest of
 * the demo: they describe no real event.
 *
 * - a surge at the Sesheke pontoon: 3–5 times the usual groups on three days (EARS C3 on totals);
 * - a rise in unaccompanied children on the east footpaths at Nakonde: three days with three times
 *   the groups, most of them with children travelling alone (EARS C2 on UAC).
 * Both scale with the demo's size (they multiply its own volume), so any DEMO_ROWS shows them.
 */
export interface PlantedEvent {
  kind: 'surge' | 'uac_rise';
  point: string;
  /** Day indexes (0 = DEMO_START) and the volume factor on each. */
  days: Readonly<Record<number, number>>;
}

const end = DEMO_DAYS - 1;

export const PLANTED_EVENTS: readonly PlantedEvent[] = [
  { kind: 'surge', point: 'mp-sesheke-pontoon', days: { [end - 11]: 3, [end - 10]: 5, [end - 9]: 4 } },
  { kind: 'uac_rise', point: 'mp-nakonde-east-footpaths', days: { [end - 5]: 3, [end - 4]: 3, [end - 3]: 3 } },
];

/** Volume factor of a point on a day (1 outside the planted events). */
export function plantedFactor(point: string, day: number): number {
  let f = 1;
  for (const e of PLANTED_EVENTS) if (e.point === point) f *= e.days[day] ?? 1;
  return f;
}

const UAC_SHARE = 0.8;

/** On a UAC-rise day, most groups at the point are children travelling alone (schema rules kept). */
export function plantUac(rng: Rng, point: string, day: number, people: People): People {
  const rise = PLANTED_EVENTS.some((e) => e.kind === 'uac_rise' && e.point === point && e.days[day] !== undefined);
  if (!rise || !rng.chance(UAC_SHARE)) return people;
  const total = Math.max(people.total, 2);
  const children = Math.max(people.children, Math.min(total, 2 + rng.int(3)));
  const rest = people.vulnerabilities.filter((v) => v !== 'unaccompanied_child');
  // total only grows, so male + female ≤ total still holds; 'unaccompanied_child' comes first in the schema's order.
  return { ...people, total, children, uac: children, vulnerabilities: ['unaccompanied_child', ...rest] };
}
