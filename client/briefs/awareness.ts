import { el } from '../panels/dom.js';
import type { AwarenessChange, AwarenessEstimate, BriefAwareness } from '../../common/awareness.js';
import { changeClass, ciText, pct, points, surveyLabel } from '../awareness/scale.js';

/**
 * The brief's awareness section (issue 16): the indicator by district with its 95 % interval
 * and respondents, and the change since the baseline with its significance. Estimates only,
 * as published (withheld ones say so); never microdata.
 */
const change = (c: AwarenessChange | undefined): string => {
  if (!c) return '—';
  const k = changeClass(c);
  if (k === 'withheld') return 'withheld';
  return `${k === 'up' ? '\u25b2 ' : k === 'down' ? '\u25bc ' : ''}${points(c.difference)}${k === 'flat' ? ' (n.s.)' : ''}`;
};

export function awarenessSection(a: BriefAwareness, k: number): HTMLElement {
  const byKey = new Map((a.change ?? []).map((c) => [c.key, c]));
  const n = (r: AwarenessEstimate) => (r.suppressed || r.n === null ? `<${k}` : r.n.toLocaleString('en'));
  const rows = a.rows.map((r) =>
    el('tr', {}, el('td', {}, r.name),
      el('td', { class: 'num' }, r.suppressed ? 'withheld' : `${pct(r.estimate)} (${ciText(r.ci)})`),
      el('td', { class: 'num' }, n(r)),
      ...(a.change ? [el('td', { class: 'num' }, change(byKey.get(r.key)))] : [])));
  const since = a.baseline && a.change ? `Change since ${surveyLabel(a.baseline)}: \u25b2/\u25bc significant at 5 %, n.s. not significant.` : 'No baseline to compare with.';
  return el('section', { class: 'b-sec b-awareness' },
    el('h2', {}, `Awareness \u2014 ${a.indicator.label}`),
    el('table', { class: 'b-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'District'), el('th', { class: 'num' }, 'Estimate (95 % CI)'), el('th', { class: 'num' }, 'n'), ...(a.change ? [el('th', { class: 'num' }, 'Change')] : []))),
      el('tbody', {}, ...rows)),
    el('p', { class: 'b-note' }, `${surveyLabel(a.survey)}. ${since}${a.synthetic ? ' Synthetic demo survey.' : ''}`));
}
