import { deriveSeed, Rng } from './random.js';

/**
 * Synthetic awareness surveys (issue 16, docs/awareness.md): a 2017 baseline and a 2019 endline
 * in Sesheke, Nakonde and Lusaka, stratified by district × urban/rural, 30 clusters per
 * district (12 urban, 18 rural), about 20 respondents per cluster. The baseline has the pattern
 * the "Know Before You Go" assessment found: high awareness of trafficking, low willingness to
 * report, low trust that a report leads to action. The endline moves where activities were
 * delivered (Sesheke and Nakonde, most in urban clusters); Lusaka barely changes. Each cluster
 * has its own random effect, so answers are correlated within clusters as in real surveys.
 */
export interface DemoRespondent {
  sourceRowId: string;
  survey: string;
  round: 'baseline' | 'endline';
  day: string;
  stratum: string;
  cluster: string;
  weight: number;
  district: string;
  sex: 'female' | 'male';
  age: number;
  lon: number;
  lat: number;
  answers: Record<string, string>;
}

export const DEMO_SURVEYS = [
  { name: 'Know Before You Go baseline (synthetic)', round: 'baseline', year: 2017 },
  { name: 'Know Before You Go endline (synthetic)', round: 'endline', year: 2019 },
] as const;

interface DistrictFrame {
  name: string;
  lon: number;
  lat: number;
  /** Direction (unit vector) rural clusters lie in from the town: away from the border. */
  inland: [number, number];
  /** Rural reach in degrees; Lusaka district is small. */
  reach: number;
  /** Households per stratum (urban, rural): the weights' numerators. */
  households: [number, number];
  /** Change from baseline to endline on the logit scale: where activities were delivered. */
  lift: number;
}

const DISTRICTS: readonly DistrictFrame[] = [
  { name: 'Sesheke', lon: 24.3, lat: -17.48, inland: [0.3, 0.95], reach: 0.35, households: [9_000, 14_000], lift: 1.0 },
  { name: 'Nakonde', lon: 32.75, lat: -9.33, inland: [-0.7, -0.7], reach: 0.35, households: [12_000, 16_000], lift: 0.8 },
  { name: 'Lusaka', lon: 28.28, lat: -15.42, inland: [0.6, -0.8], reach: 0.1, households: [280_000, 60_000], lift: 0.15 },
];

/** Baseline logits per question: awareness high, reporting and trust low. */
const BASELINE: Record<string, number> = {
  aware_risks: 1.4, knows_requirements: 0.2, knows_reporting: 0.6, would_report: -0.9, trusts_action: -1.2, knows_help: -0.5, exposure: -2.0,
};
/** How much each question responds to the activities (exposure most, trust least). */
const RESPONSE: Record<string, number> = {
  aware_risks: 0.5, knows_requirements: 0.9, knows_reporting: 0.9, would_report: 0.8, trusts_action: 0.5, knows_help: 1.0, exposure: 2.2,
};
const CHANNELS = ['drama', 'road_show', 'community_meeting', 'radio', 'poster'] as const;
const CLUSTERS = { urban: 12, rural: 18 } as const;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function demoRespondents(seed: number): DemoRespondent[] {
  const out: DemoRespondent[] = [];
  for (const s of DEMO_SURVEYS) {
    const rng = new Rng(deriveSeed(seed, `survey-${s.round}`));
    const endline = s.round === 'endline';
    for (const d of DISTRICTS) {
      for (const setting of ['urban', 'rural'] as const) {
        const clusters = CLUSTERS[setting];
        const sizes = Array.from({ length: clusters }, () => 16 + rng.int(9)); // 16…24
        const sample = sizes.reduce((a, b) => a + b, 0);
        const households = d.households[setting === 'urban' ? 0 : 1];
        for (let c = 0; c < clusters; c++) {
          const effect = 0.45 * rng.normal(); // cluster random effect: intra-cluster correlation
          const [lon, lat] = clusterCentre(rng, d, setting);
          const cluster = `${d.name.slice(0, 3).toUpperCase()}-${setting[0]?.toUpperCase()}${String(c + 1).padStart(2, '0')}`;
          const lift = endline ? d.lift * (setting === 'urban' ? 1.2 : 0.8) : 0;
          for (let i = 0; i < (sizes[c] ?? 20); i++) {
            const sex = rng.chance(0.52) ? 'female' : 'male';
            const age = 15 + Math.floor(rng.skewed(0, 14, 55));
            const youth = age < 25 ? -0.25 : 0;
            const answers: Record<string, string> = {};
            for (const q of Object.keys(BASELINE)) {
              if (rng.chance(0.03)) continue; // don't know / refused: missing
              const rural = setting === 'rural' ? -0.35 : 0;
              const p = logistic((BASELINE[q] ?? 0) + rural + youth + effect + lift * (RESPONSE[q] ?? 0) + (sex === 'female' && q === 'would_report' ? -0.2 : 0));
              const yes = rng.chance(p);
              if (q === 'exposure') answers.exposure_channels = yes ? channels(rng) : 'none';
              else answers[q] = yes ? 'yes' : 'no';
            }
            out.push({
              sourceRowId: `demo-${s.round}-${cluster}-${String(i + 1).padStart(2, '0')}`,
              survey: s.name,
              round: s.round,
              day: `${s.year}-${String(5 + rng.int(2)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
              stratum: `${d.name} ${setting}`,
              cluster,
              // design weight: households of the stratum over respondents sampled in it, ±10 % nonresponse adjustment
              weight: Math.round(((households / sample) * (0.9 + 0.2 * rng.next())) * 100) / 100,
              district: d.name,
              sex,
              age,
              lon: Math.round((lon + 0.002 * rng.normal()) * 1e5) / 1e5,
              lat: Math.round((lat + 0.002 * rng.normal()) * 1e5) / 1e5,
              answers,
            });
          }
        }
      }
    }
  }
  return out;
}

function clusterCentre(rng: Rng, d: DistrictFrame, setting: 'urban' | 'rural'): [number, number] {
  if (setting === 'urban') return [d.lon + 0.03 * rng.normal(), d.lat + 0.03 * rng.normal()];
  const along = d.reach * (0.25 + 0.75 * rng.next());
  const across = d.reach * 0.6 * (rng.next() - 0.5);
  const [ux, uy] = d.inland;
  return [d.lon + ux * along - uy * across, d.lat + uy * along + ux * across];
}

/** A select_multiple answer: one to three channels, space-separated as Kobo exports them. */
function channels(rng: Rng): string {
  const picked = CHANNELS.filter(() => rng.chance(0.35));
  return (picked.length > 0 ? picked : [rng.pick(CHANNELS)]).join(' ');
}
