import { describe, expect, it } from 'vitest';
import { defaultFilters } from '../../../client/flows/filters.js';
import { analysisParams, unusableFilters } from '../../../client/hotspots/api.js';
import { formatMinutes, formatP } from '../../../client/hotspots/details.js';
import { CLASSES, classAlpha, classColor, classLabel, emergingColor, emergingLabel, gapBreaks, gapStep, GAP_COLORS } from '../../../client/hotspots/palette.js';
import { EMERGING_CATEGORIES } from '../../../common/analysis.js';
import { summarize } from '../../../client/hotspots/summary.js';
import { decodeAnalysisView, defaultAnalysisView, encodeAnalysisView } from '../../../client/hotspots/view.js';
import { decodeState, defaultState, encodeState } from '../../../client/state.js';

describe('analysis view in the URL', () => {
  it('when the analysis is untouched, then the hash gains nothing', () => {
    expect(encodeAnalysisView(defaultAnalysisView())).toEqual([]);
    expect(encodeState(defaultState())).toBe('#v=-13.5,27.5,4.6&l=points,services,labels');
  });

  it('when every setting is changed, then it survives the round trip through the hash', () => {
    const s = defaultState();
    s.analysis = { mode: 'access', measure: 'reports', res: 9, k: 3, step: 'month', kinds: ['health', 'shelter'], travel: 'motor', cell: '8796a1001ffffff' };
    s.flows = { ...s.flows, show: false };
    const hash = encodeState(s);
    expect(hash).toContain('an=access&hm=reports&hr=9&hk=3&hs=month&hsk=health,shelter&hmo=motor&hc=8796a1001ffffff');
    expect(decodeState(hash).analysis).toEqual(s.analysis);
    expect(decodeState(hash).flows.show).toBe(false);
  });

  it('when the hash holds bad values, then each falls back to its default', () => {
    const v = decodeAnalysisView(new URLSearchParams('an=maps&hm=people&hr=12&hk=0&hs=day&hsk=pizza&hmo=fly&hc=<script>'));
    expect(v).toEqual(defaultAnalysisView());
    expect(decodeAnalysisView(new URLSearchParams('hr=6.5')).res).toBe(7);
    expect(decodeAnalysisView(new URLSearchParams('hsk=health,nope')).kinds).toEqual(['health']);
  });
});

describe('analysis palettes', () => {
  it('maps the seven Gi* classes to distinct colours, hot to red and cold to blue, with labels', () => {
    const colors = CLASSES.map((c) => classColor(c).join(','));
    expect(new Set(colors).size).toBe(7);
    const [r3, , b3] = classColor(3);
    const [rc, , bc] = classColor(-3);
    expect(r3).toBeGreaterThan(b3);
    expect(bc).toBeGreaterThan(rc);
    expect(classLabel(3)).toBe('Hot spot 99 %');
    expect(classLabel(-1)).toBe('Cold spot 90 %');
    expect(classLabel(0)).toBe('Not significant');
    expect(classColor(7)).toEqual(classColor(3));
    expect(classAlpha(0)).toBeLessThan(classAlpha(2));
  });

  it('gives every emerging category its own colour and a readable label', () => {
    expect(new Set(EMERGING_CATEGORIES.map((c) => emergingColor(c).join(','))).size).toBe(EMERGING_CATEGORIES.length);
    expect(emergingLabel('intensifying')).toBe('Intensifying hot spot');
    expect(emergingLabel('cold_persistent')).toBe('Persistent cold spot');
    expect(emergingLabel('none')).toBe('No pattern');
    expect(emergingColor('unknown')).toEqual(emergingColor('none'));
  });

  it('steps gaps on a square-root scale of the largest, and the legend breaks match the steps', () => {
    expect(gapStep(0, 100)).toBe(0);
    expect(gapStep(100, 100)).toBe(GAP_COLORS.length - 1);
    expect(gapStep(5, 100)).toBe(1); // sqrt(0.05) = 0.22 → step 1: small gaps are not all pale
    expect(gapStep(3, 0)).toBe(0);
    const breaks = gapBreaks(100);
    breaks.forEach((b, i) => expect(gapStep(b + 1e-9, 100)).toBe(i));
  });
});

describe('analysis requests', () => {
  it('drops the flow filters a measure cannot take, and says which', () => {
    const f = { ...defaultFilters(), from: '2026-01-01', direction: ['inbound' as const], group: 'female' as const, point: ['3'] };
    expect(unusableFilters(f, 'reports')).toEqual(['direction', 'people']);
    expect(unusableFilters(f, 'movement')).toEqual([]);
    const v = { ...defaultAnalysisView(), measure: 'reports' as const };
    expect(analysisParams(f, v, { res: '7' }).toString()).toBe('from=2026-01-01&point=3&measure=reports&res=7');
    expect(analysisParams(f, { ...v, measure: 'movement' }, {}).toString()).toBe('from=2026-01-01&direction=inbound&point=3&sex=female&measure=movement');
  });

  it('formats travel minutes and summarises a hot spot response', () => {
    expect(formatMinutes(14.3)).toBe('14 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(null)).toBe('out of reach');
    expect(formatP(7.7e-5)).toBe('< 0.0001');
    expect(formatP(0.01234)).toBe('0.0123');
    const period = { from: '2026-08-03', to: '2026-10-31', days: 90 };
    const cell = (c: number) => ({ h3: '87962ed85ffffff', value: 3, suppressed: false, z: 0, p: 1, class: c, label: null });
    const text = summarize({ mode: 'hotspots', res: { period, measure: 'movement', res: 7, k: 1, studyArea: { cells: 40, nonEmpty: 9, rule: '' }, disclosure: { suppress: true, k: 5, suppressedCells: 0, imputed: null }, cells: [cell(3), cell(1), cell(-2), cell(0)] } });
    expect(text).toBe('2 hot and 1 cold spot cells of 40 (9 with a count), 2026-08-03 – 2026-10-31');
  });
});
