import { apiParams } from '../flows/filters.js';
import type { AppState } from '../state.js';
import { PAPER_MM, type Orientation, type Paper, type Section } from '../../common/briefs.js';

/**
 * The brief's view state and options, as the API takes them (server/briefs/schemas.ts).
 * Pure: the composer, its preview and the download all start from these.
 */
export interface BriefOptions {
  title: string;
  subtitle: string;
  notes: string;
  sections: Section[];
  paper: Paper;
  orientation: Orientation;
  /** The awareness section's indicator and survey (issue 16): the awareness view's, when it is on. */
  awareness?: { indicator: string; survey: number | null };
}

/** Share of the sheet's width the map takes (print.css: full width portrait, ~58 % landscape). */
const MAP_SHARE: Record<Orientation, number> = { portrait: 0.9, landscape: 0.53 };
const PX_PER_MM = 96 / 25.4;

/**
 * The view's filters, centre and zoom. The zoom is lowered by how much narrower the printed
 * map is than the map on screen, so the brief shows about the same area.
 */
export function briefView(state: AppState, screenWidthPx: number, o: Pick<BriefOptions, 'paper' | 'orientation'>): Record<string, string> {
  const f = state.flows.filters;
  const view: Record<string, string> = Object.fromEntries(apiParams(f));
  if (f.level !== 'place') view['level'] = f.level;
  const [w, h] = PAPER_MM[o.paper];
  const mapPx = (o.orientation === 'portrait' ? w : h) * MAP_SHARE[o.orientation] * PX_PER_MM;
  const zoom = state.view.zoom - Math.log2(Math.max(1, screenWidthPx / mapPx));
  Object.assign(view, { lat: String(state.view.lat), lon: String(state.view.lon), zoom: String(Math.max(2, Math.round(zoom * 100) / 100)) });
  // The outreach plan shown (`plan=<id>` in the link); none → no plan section.
  if (state.planner.plan !== null) view['plan'] = String(state.planner.plan);
  return view;
}

function optionParams(o: BriefOptions): Record<string, string> {
  const p: Record<string, string> = { title: o.title || 'Mixed-migration flows brief', sections: o.sections.join(','), paper: o.paper, orientation: o.orientation };
  if (o.subtitle) p['subtitle'] = o.subtitle;
  if (o.notes) p['notes'] = o.notes;
  if (o.awareness && o.sections.includes('awareness')) {
    p['awareness'] = o.awareness.indicator;
    if (o.awareness.survey !== null) p['awarenessSurvey'] = String(o.awareness.survey);
  }
  return p;
}

/** What the brief's awareness section shows: the awareness view's indicator (exposure for the gap), else the server's default. */
export function briefAwareness(state: AppState): BriefOptions['awareness'] {
  const a = state.awareness;
  if (a.mode === 'off') return undefined;
  return { indicator: a.mode === 'gap' ? 'exposure' : a.indicator, survey: a.mode === 'change' ? null : a.survey };
}

/** Query string for brief.html and GET /briefs/data. */
export function briefQuery(view: Record<string, string>, o: BriefOptions): string {
  return new URLSearchParams({ ...view, ...optionParams(o) }).toString();
}

/** JSON body for POST /briefs. */
export function briefBody(view: Record<string, string>, o: BriefOptions): Record<string, unknown> {
  return { view, ...optionParams(o), sections: o.sections };
}
