import { type CsvValue, csvLine } from '../http/csv.js';
import type { BriefData } from '../../common/briefs.js';
import { type ZipEntry, zip } from './zip.js';

/**
 * The brief's data pack: its figures and tables as HXL-tagged CSV (header, then HXL hashtags)
 * and its mapped layers as GeoJSON, zipped with a README carrying sources and caveats. Counts
 * are the brief's own, already under export disclosure control (empty cell = suppressed).
 */
function csv(header: string[], hxl: string[], rows: CsvValue[][]): string {
  return `\uFEFF${csvLine(header)}${csvLine(hxl)}${rows.map(csvLine).join('')}`;
}

export function figureRows(d: BriefData): CsvValue[][] {
  const f = d.figures;
  const p = [d.period.from, d.period.to];
  return [
    ['total_movements', ...p, f.total], ['daily_average', ...p, f.dailyAverage], ['previous_period_total', d.previousPeriod.from, d.previousPeriod.to, f.previous],
    ['change_vs_previous', ...p, f.change], ['inbound', ...p, f.inbound], ['outbound', ...p, f.outbound],
    ['inbound_share', ...p, f.inboundShare], ['outbound_share', ...p, f.outboundShare], ['female_share', ...p, f.femaleShare],
    ['children_share', ...p, f.childrenShare], ['unaccompanied_children', ...p, f.unaccompanied],
  ];
}

/** The awareness section's estimates table (never microdata): one row per district, empty cells where withheld. */
export function awarenessRows(d: BriefData): CsvValue[][] {
  const a = d.awareness;
  if (!a) return [];
  const since = new Map((a.change ?? []).map((c) => [c.key, c]));
  return a.rows.map((r) => {
    const c = since.get(r.key);
    return [a.indicator.code, a.survey.name, a.survey.round, r.key, r.name, r.estimate, r.se, r.ci?.[0] ?? null, r.ci?.[1] ?? null, r.n,
      r.suppressed ? 'yes' : 'no', c?.difference ?? null, c?.se ?? null, c?.p ?? null, c ? (c.significant ? 'yes' : 'no') : null];
  });
}
const AWARENESS_HEADER = ['indicator', 'survey', 'round', 'district_code', 'district', 'estimate', 'se', 'ci_low', 'ci_high', 'respondents', 'suppressed',
  'change_since_baseline', 'change_se', 'change_p', 'change_significant'];
const AWARENESS_HXL = ['#indicator+code', '#meta+survey', '#meta+round', '#adm2+code', '#adm2+name', '#indicator+value+pct', '#indicator+se',
  '#indicator+ci+low', '#indicator+ci+high', '#reached+num', '#meta+suppressed', '#indicator+change', '#indicator+change+se', '#indicator+change+p',
  '#indicator+change+significant'];

type Feature = { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };
const collection = (features: Feature[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 1);

function flowsGeoJson(d: BriefData): string {
  const at = new Map(d.flows.locations.filter((l) => l.lat !== null && l.lon !== null).map((l) => [l.id, l]));
  const features: Feature[] = d.flows.flows.flatMap((f) => {
    const o = at.get(f.origin);
    const t = at.get(f.dest);
    if (!o || !t) return [];
    return [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[o.lon, o.lat], [t.lon, t.lat]] },
      properties: { origin: o.name, destination: t.name, people: f.count, suppressed: f.suppressed } }];
  });
  return collection(features);
}

function crossingsGeoJson(d: BriefData): string {
  return collection(d.crossings.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: { name: c.name, kind: c.kind, corridor: c.corridor, total: c.total, inbound: c.inbound, outbound: c.outbound } })));
}

export function readme(d: BriefData, notes: { disclaimer: string; protection: string }): string {
  return [
    `${d.title}${d.demo ? ' — SYNTHETIC DEMO DATA, not real movements' : ''}`,
    `Period: ${d.period.from} to ${d.period.to} (${d.period.days} days); generated ${d.generatedAt}`,
    `View: ${d.permalink}`,
    '',
    'Files: figures.csv, corridors.csv, timeseries.csv, crossings.csv (HXL-tagged: row 2 holds the hashtags);',
    'flows.geojson (origin → destination lines) and crossings.geojson (monitoring points).',
    ...(d.awareness ? [`awareness.csv: "${d.awareness.indicator.label}" by district from ${d.awareness.survey.name}, design-based 95 % CIs; estimates only, never respondents' answers.`] : []),
    'An empty count is suppressed (disclosure control), never zero.',
    '',
    'Sources:',
    ...d.sources.map((s) => `- ${s.name} (${s.kind}; ${s.provider ?? 'provider not recorded'}; ${s.periodStart ?? '?'} to ${s.periodEnd ?? '?'}; imported ${s.importedAt}${s.synthetic ? '; synthetic demo' : ''})`),
    '',
    notes.protection,
    notes.disclaimer,
    '',
  ].join('\r\n');
}

export function dataPack(d: BriefData, notes: { disclaimer: string; protection: string }): Buffer {
  const entries: ZipEntry[] = [
    { name: 'README.txt', data: readme(d, notes) },
    { name: 'figures.csv', data: csv(['indicator', 'period_start', 'period_end', 'value'], ['#indicator+name', '#date+start', '#date+end', '#indicator+value'], figureRows(d)) },
    { name: 'corridors.csv', data: csv(['rank', 'origin', 'crossing', 'destination', 'people', 'share'], ['#meta+rank', '#loc+origin+name', '#loc+crossing+name', '#loc+destination+name', '#affected+num', '#affected+pct'],
      d.corridors.map((c, i) => [i + 1, c.origin, c.crossing, c.dest, c.count, c.share])) },
    { name: 'timeseries.csv', data: csv(['date', 'people'], ['#date', '#affected+num'], d.series.points.map((p) => [p.t, p.count])) },
    { name: 'crossings.csv', data: csv(['name', 'kind', 'corridor', 'lat', 'lon', 'total', 'inbound', 'outbound'], ['#loc+name', '#loc+type', '#region+corridor', '#geo+lat', '#geo+lon', '#affected+num', '#affected+num+inbound', '#affected+num+outbound'],
      d.crossings.map((c) => [c.name, c.kind, c.corridor, c.lat, c.lon, c.total, c.inbound, c.outbound])) },
    ...(d.hotspots ? [{ name: 'hotspots.csv', data: csv(['h3', 'label', 'people', 'z', 'confidence'], ['#loc+code+h3', '#loc+name', '#affected+num', '#indicator+z', '#indicator+confidence'],
      d.hotspots.map((h) => [h.h3, h.label, h.people, h.z, h.confidence])) }] : []),
    ...(d.gaps ? [{ name: 'access-gaps.csv', data: csv(['rank', 'h3', 'label', 'gap', 'description'], ['#meta+rank', '#loc+code+h3', '#loc+name', '#indicator+gap', '#description'],
      d.gaps.map((g) => [g.rank, g.h3, g.label, g.gap, g.text])) }] : []),
    ...(d.awareness ? [{ name: 'awareness.csv', data: csv(AWARENESS_HEADER, AWARENESS_HXL, awarenessRows(d)) }] : []),
    { name: 'flows.geojson', data: flowsGeoJson(d) },
    { name: 'crossings.geojson', data: crossingsGeoJson(d) },
  ];
  return zip(entries);
}
