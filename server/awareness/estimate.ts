import {
  AGE_BANDS, type AgeBand, type AwarenessBy, type AwarenessChange, type AwarenessEstimate, CHANGE_ALPHA, CONFIDENCE_LEVEL,
  type IndicatorDefinition, WIDE_CI_HALF_WIDTH,
} from '../../common/awareness.js';
import { type SurveyEstimate, surveyDesign, surveyDifference, surveyDomainMeans, surveyDomains } from '../analysis/survey.js';

/**
 * From respondent rows to published estimates: an indicator's 0/1/null per respondent, the
 * domain of each respondent, design-based estimates (server/analysis/survey.ts, R's svyby) and
 * disclosure control. Pure: the rows come from sql.ts.
 */
export interface Respondent {
  stratum: string | null;
  cluster: string | null;
  weight: number;
  district: string | null;
  districtCode: string | null;
  province: string | null;
  provinceName: string | null;
  sex: string | null;
  age: number | null;
  answers: Record<string, string>;
}

/** Whether any of an answer's words (select_multiple: space-separated choices) is a yes word. */
function matches(answer: string | undefined, yes: readonly string[]): boolean | null {
  if (answer === undefined) return null;
  return answer.split(' ').some((w) => yes.some((y) => y.toLowerCase() === w));
}

/** 1 yes, 0 no, null: outside the denominator (not answered under "answered", not among the subpopulation). */
export function indicatorValue(answers: Record<string, string>, ind: Pick<IndicatorDefinition, 'question' | 'yes' | 'denominator' | 'among'>): number | null {
  if (ind.among && matches(answers[ind.among.question], ind.among.yes) !== true) return null;
  const m = matches(answers[ind.question], ind.yes);
  if (m === null) return ind.denominator === 'all' ? 0 : null;
  return m ? 1 : 0;
}

export function ageBand(age: number | null): AgeBand | null {
  if (age === null || age < 15) return null;
  return age < 25 ? '15-24' : age < 35 ? '25-34' : age < 50 ? '35-49' : '50+';
}

/** Each respondent's domain key and the display name of each key. */
export function domainsOf(rows: readonly Respondent[], by: AwarenessBy): { keys: (string | null)[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const keys = rows.map((r) => {
    let key: string | null;
    let name: string | null;
    if (by === 'district') [key, name] = [r.districtCode ?? r.district, r.district];
    else if (by === 'province') [key, name] = [r.province, r.provinceName];
    else if (by === 'sex') key = name = r.sex;
    else if (by === 'age') key = name = ageBand(r.age);
    else key = name = r.cluster;
    if (key !== null && !names.has(key)) names.set(key, name ?? key);
    return key;
  });
  return { keys, names };
}

/** A design over the respondents: clusters as PSUs, nested in strata; missing ones as R reads them. */
export function designOf(rows: readonly Respondent[]) {
  return surveyDesign(rows.map((r) => ({ weight: r.weight, stratum: r.stratum ?? undefined, psu: r.cluster ?? undefined })));
}

export interface Disclose {
  /** Withhold estimates from fewer than k respondents. */
  suppress: boolean;
  k: number;
}

/** One estimate as published: every number null when fewer than k respondents are behind it. */
export function publish(key: string, name: string, e: SurveyEstimate | undefined, df: number, d: Disclose): AwarenessEstimate {
  const n = e?.n ?? 0;
  if (!e || (d.suppress && n < d.k)) return { key, name, estimate: null, se: null, ci: null, df, n: null, suppressed: true, wide: false };
  const wide = (e.ci[1] - e.ci[0]) / 2 > WIDE_CI_HALF_WIDTH;
  return { key, name, estimate: e.estimate, se: e.se, ci: [e.ci[0], e.ci[1]], df, n, suppressed: false, wide };
}

// A stratum with one cluster cannot give its own variance; imported surveys have them (a
// district with one urban cluster), so the API centres it at the overall mean as R's "adjust".
const OPTIONS = { level: CONFIDENCE_LEVEL, lonely: 'adjust' } as const;

/** Estimates of one indicator by `by`, with the whole survey as `overall`; rows sorted by name. */
export function estimateBy(rows: readonly Respondent[], ind: IndicatorDefinition, by: AwarenessBy, d: Disclose) {
  const design = designOf(rows);
  const y = rows.map((r) => indicatorValue(r.answers, ind));
  const { keys, names } = domainsOf(rows, by);
  const byDomain = surveyDomainMeans(design, surveyDomains(design, keys), y, OPTIONS);
  const all = surveyDomainMeans(design, surveyDomains(design, rows.map(() => 'all')), y, OPTIONS).get('all');
  const order = by === 'age' ? (k: string) => AGE_BANDS.indexOf(k as AgeBand) : () => 0;
  const published = [...names]
    .map(([key, name]) => publish(key, name, byDomain.get(key), design.df, d))
    .sort((a, b) => order(a.key) - order(b.key) || a.name.localeCompare(b.name));
  return { overall: publish('all', 'All respondents', all, design.df, d), rows: published };
}

/** Change to − from for one domain; null numbers when either side is missing or suppressed. */
export function change(key: string, name: string, from: AwarenessEstimate | null, to: AwarenessEstimate | null): AwarenessChange {
  if (!from || !to || from.estimate === null || to.estimate === null || from.se === null || to.se === null) {
    const suppressed = from?.suppressed === true || to?.suppressed === true;
    return { key, name, from, to, difference: null, se: null, z: null, p: null, significant: false, suppressed };
  }
  const diff = surveyDifference({ estimate: from.estimate, se: from.se }, { estimate: to.estimate, se: to.se });
  return { key, name, from, to, ...diff, significant: diff.p < CHANGE_ALPHA, suppressed: false };
}
