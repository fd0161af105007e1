import { describe, expect, it } from 'vitest';
import type { AwarenessEstimate } from '../../../common/awareness.js';
import { gapFill, GAP_RAMP, rankExposureGap } from '../../../client/awareness/gap.js';
import { changeClass, ciText, surveyLabel, estimateClass, estimateFill, estimateLegend, ESTIMATE_RAMP, isWideCi, pct, points, WITHHELD_FILL } from '../../../client/awareness/scale.js';
import { decodeAwarenessView, defaultAwarenessView, encodeAwarenessView } from '../../../client/awareness/view.js';
import { decodeState, encodeState } from '../../../client/state.js';
import { briefAwareness, briefQuery } from '../../../client/briefs/request.js';

const est = (key: string, estimate: number | null, over: Partial<AwarenessEstimate> = {}): AwarenessEstimate => ({
  key, name: key.toUpperCase(), estimate, se: 0.02, ci: estimate === null ? null : [estimate - 0.04, estimate + 0.04], df: 80, n: estimate === null ? null : 200,
  suppressed: estimate === null, wide: false, ...over,
});

describe('awareness colour scale', () => {
  it('when a proportion is classed, then the classes are fixed 20-point bands with 1.0 in the top one', () => {
    expect([0, 0.199, 0.2, 0.5, 0.8, 0.999, 1].map(estimateClass)).toEqual([0, 0, 1, 2, 4, 4, 4]);
    expect(estimateFill(est('a', 0.45))).toBe(ESTIMATE_RAMP[2]);
    expect(estimateLegend()[0]).toEqual([ESTIMATE_RAMP[0], '0–20 %']);
    expect(estimateLegend().at(-1)).toEqual([ESTIMATE_RAMP[4], '80–100 %']);
  });
  it('when an estimate is withheld, then it is grey whatever number it might have had', () => {
    expect(estimateFill(est('a', null))).toBe(WITHHELD_FILL);
    expect(estimateFill({ estimate: 0.9, suppressed: true })).toBe(WITHHELD_FILL);
  });
  it('when an interval is wider than ±10 points, then it is wide; exactly ±10 is not', () => {
    expect(isWideCi([0.3, 0.5])).toBe(false);
    expect(isWideCi([0.3, 0.5001])).toBe(true);
    expect(isWideCi([0.45, 0.55])).toBe(false);
    expect(isWideCi(null)).toBe(false);
    expect(isWideCi([0.3, 0.45], 0.05)).toBe(true);
  });
  it('when a change is classed, then only a significant one has a direction', () => {
    expect(changeClass({ difference: 0.12, significant: true, suppressed: false })).toBe('up');
    expect(changeClass({ difference: -0.08, significant: true, suppressed: false })).toBe('down');
    expect(changeClass({ difference: 0.12, significant: false, suppressed: false })).toBe('flat');
    expect(changeClass({ difference: null, significant: false, suppressed: true })).toBe('withheld');
  });
  it('when numbers are written, then intervals are clamped to 0–100 and changes carry a real minus sign', () => {
    expect(ciText([-0.02, 0.115])).toBe('0–12 %');
    expect(pct(0.625)).toBe('63 %');
    expect(points(-0.052)).toBe('\u22125 pts');
    expect(points(0.13)).toBe('+13 pts');
  });
});

describe('survey labels', () => {
  const survey = { id: 1, name: 'KBYG endline (synthetic)', round: 'endline' as const, periodStart: '2019-05-01', periodEnd: '2019-06-30', districts: [], design: { strata: true, clusters: true, weights: true, fpc: false }, respondents: 10, clusters: 1, hasGps: true, datasetId: 1, synthetic: true };
  it('when the name already says the round and synthetic, then neither is said twice', () => {
    expect(surveyLabel(survey)).toBe('KBYG endline (synthetic) \u00b7 2019');
    expect(surveyLabel({ ...survey, name: 'Round A' })).toBe('Round A (synthetic) \u00b7 endline 2019');
  });
});

describe('exposure gap ranking', () => {
  const volumes = new Map([
    ['A', { name: 'A', people: 1000 }],
    ['B', { name: 'B', people: 2000 }],
    ['C', { name: 'C', people: 500 }],
    ['D', { name: 'D', people: null }],
    ['E', { name: 'E', people: 300 }],
  ]);
  it('when districts have movement and exposure, then they rank by people × (1 − exposure)', () => {
    const g = rankExposureGap([est('A', 0.2), est('B', 0.7), est('C', 0.0)], volumes);
    expect(g.ranked.map((r) => [r.key, Math.round(r.score), r.rank])).toEqual([['A', 800, 1], ['B', 600, 2], ['C', 500, 3]]);
    expect(g.max).toBeCloseTo(800);
    expect(g.unranked).toEqual([{ key: 'E', name: 'E', why: 'not surveyed' }]);
  });
  it('when exposure is withheld or movement hidden, then the district is listed apart, never ranked as zero', () => {
    const g = rankExposureGap([est('A', null), est('D', 0.1)], volumes);
    expect(g.ranked).toEqual([]);
    expect(g.unranked.filter((u) => u.key !== 'B' && u.key !== 'C' && u.key !== 'E')).toEqual([
      { key: 'A', name: 'A', why: 'withheld' },
      { key: 'D', name: 'D', why: 'movement hidden' },
    ]);
  });
  it('when a surveyed district has no movement row, then it ranks with a score of 0', () => {
    const g = rankExposureGap([est('Z', 0.4)], new Map());
    expect(g.ranked).toEqual([{ key: 'Z', name: 'Z', volume: 0, exposure: 0.4, score: 0, rank: 1 }]);
  });
  it('when scores are coloured, then the largest takes the darkest class', () => {
    expect(gapFill(800, 800)).toBe(GAP_RAMP[3]);
    expect(gapFill(0, 800)).toBe(GAP_RAMP[0]);
    expect(gapFill(0, 0)).toBe(GAP_RAMP[0]);
  });
});

describe('awareness URL state', () => {
  it('when the view is off, then nothing is written and old links decode to off', () => {
    expect(encodeAwarenessView(defaultAwarenessView())).toEqual([]);
    expect(decodeState('#v=-15,28,6').awareness).toEqual(defaultAwarenessView());
  });
  it('when a view round-trips through the hash, then it comes back unchanged', () => {
    const s = decodeState('#v=-15,28,6&aw=change&aws=7&awi=would_report&awd=PRJ-ZM-SES');
    expect(s.awareness).toEqual({ mode: 'change', survey: 7, indicator: 'would_report', district: 'PRJ-ZM-SES' });
    expect(decodeState(encodeState(s)).awareness).toEqual(s.awareness);
  });
  it('when the hash holds garbage, then each bad part falls back to its default', () => {
    expect(decodeAwarenessView(new URLSearchParams('aw=pie&aws=-3&awi=DROP TABLE&awd=<x>'))).toEqual(defaultAwarenessView());
  });
});

describe('brief awareness options', () => {
  const options = { title: 'T', subtitle: '', notes: '', sections: ['awareness' as const], paper: 'A4' as const, orientation: 'portrait' as const };
  it('when the awareness view is on, then the brief asks for its indicator and survey; the gap asks for exposure', () => {
    const s = decodeState('#aw=estimate&aws=4&awi=trusts_action');
    const q = new URLSearchParams(briefQuery({}, { ...options, awareness: briefAwareness(s) }));
    expect([q.get('awareness'), q.get('awarenessSurvey')]).toEqual(['trusts_action', '4']);
    expect(briefAwareness(decodeState('#aw=gap&awi=trusts_action'))).toEqual({ indicator: 'exposure', survey: null });
  });
  it('when the view is off or the section is not asked for, then the server default stands', () => {
    expect(briefAwareness(decodeState('#v=1,2,3'))).toBeUndefined();
    const q = new URLSearchParams(briefQuery({}, { ...options, sections: [], awareness: { indicator: 'exposure', survey: 2 } }));
    expect(q.has('awareness')).toBe(false);
  });
});
