import { REASONS, VULNERABILITIES } from '../../common/vocabulary.js';
import type { Reason, Stream } from './profiles.js';
import type { Rng, Weighted } from './random.js';

export type Vulnerability = (typeof VULNERABILITIES)[number];

export interface People {
  total: number;
  male: number;
  female: number;
  children: number;
  uac: number;
  vulnerabilities: Vulnerability[];
}

// Base rates per group (invented, order-of-magnitude). Informal crossings see more of every
// vulnerability, and far more trafficking indicators: people avoid the post for a reason.
const PREGNANT = 0.04;
const DISABILITY = 0.012;
const ELDERLY = 0.025;
const TRAFFICKING = 0.003;
const INFORMAL = { other: 1.5, trafficking: 2.5, uac: 1.5, unrecordedSex: 0.08 };
const UNRECORDED_SEX = 0.03;

/**
 * Who is in one observed group. Every count obeys the schema: male + female ≤ total
 * (monitors sometimes record no sex breakdown), children ≤ total, unaccompanied ≤ children,
 * and 'unaccompanied_child' is listed exactly when unaccompanied children were counted.
 */
export function drawPeople(rng: Rng, s: Stream, informal: boolean): People {
  const [min, mean, max] = s.group;
  const total = rng.skewed(min, mean, Math.min(max, 40));
  const children = rng.binomial(total, s.child);
  let female = rng.binomial(total, s.female);
  let male = total - female;
  if (rng.chance(informal ? INFORMAL.unrecordedSex : UNRECORDED_SEX)) {
    male = 0;
    female = 0;
  } else if (total > 2 && rng.chance(0.02)) {
    if (male > 0) male--; // one person's sex not noted
    else female--;
  }
  const uacChance = (s.uac ?? 0.01) * (informal ? INFORMAL.uac : 1);
  const uac = children > 0 && rng.chance(uacChance) ? 1 + rng.binomial(children - 1, 0.5) : 0;

  const k = informal ? INFORMAL.other : 1;
  const vulnerabilities: Vulnerability[] = [];
  if (uac > 0) vulnerabilities.push('unaccompanied_child');
  const adultWomenPossible = female > 0 || male + female < total;
  if (adultWomenPossible && total > children && rng.chance(PREGNANT * k)) vulnerabilities.push('pregnant_lactating');
  if (rng.chance(DISABILITY * k)) vulnerabilities.push('disability');
  if (total > children && rng.chance(ELDERLY * k)) vulnerabilities.push('elderly');
  const trafficking = (s.trafficking ?? TRAFFICKING) * (informal ? INFORMAL.trafficking : 1) * (uac > 0 ? 2 : 1);
  if (rng.chance(Math.min(0.9, trafficking))) vulnerabilities.push('trafficking_indicators');
  return { total, male, female, children, uac, vulnerabilities };
}

/** One main reason, sometimes a second; in the schema's order so equal sets look equal. */
export function drawReasons(rng: Rng, reasons: Weighted<Reason>): Reason[] {
  const first = reasons.pick(rng);
  const second = rng.chance(0.15) ? reasons.pick(rng) : first;
  return first === second ? [first] : REASONS.filter((r) => r === first || r === second);
}
