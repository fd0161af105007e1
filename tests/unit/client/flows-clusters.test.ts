import { describe, expect, it } from 'vitest';
import { buildClusterLevels, isFlowCluster, levelAt, lineSummary, peopleDrawn } from '../../../client/flows/clusters.js';
import type { Flow, FlowLocation } from '../../../common/flows.js';

const loc = (id: string, name: string, lat: number, lon: number): FlowLocation & { lat: number; lon: number } =>
  ({ id, name, lat, lon, kind: 'place', incoming: null, outgoing: null, suppressed: false });
const flow = (origin: string, dest: string, count: number | null): Flow => ({ origin, dest, count, suppressed: count === null });

// Real positions (geography.md): the Sesheke–Katima pair, the pontoon, Kazungula; Nakonde–Tunduma; Lusaka.
const LOCATIONS = [
  loc('sesheke', 'Sesheke', -17.47, 24.3),
  loc('katima', 'Katima Mulilo', -17.5, 24.27),
  loc('pontoon', 'Sesheke pontoon', -17.48, 24.31),
  loc('kazungula', 'Kazungula', -17.78, 25.27),
  loc('nakonde', 'Nakonde', -9.33, 32.75),
  loc('tunduma', 'Tunduma', -9.3, 32.77),
  loc('lusaka', 'Lusaka', -15.42, 28.28),
];
const FLOWS = [
  flow('katima', 'sesheke', 500), flow('pontoon', 'sesheke', 40), flow('kazungula', 'lusaka', 200),
  flow('tunduma', 'nakonde', 300), flow('nakonde', 'lusaka', 150), flow('pontoon', 'lusaka', null),
];

describe('flow clusters', () => {
  it('when the region overview is drawn (zoom 4.4), then each border-town pair and its crossings are one cluster named after its largest member', () => {
    const level = levelAt(buildClusterLevels(LOCATIONS, FLOWS), 4.4)!;
    const clusters = level.nodes.filter(isFlowCluster);
    expect(clusters.map((c) => c.name).sort()).toEqual(['Nakonde area (2)', 'Sesheke area (4)']);
    expect(clusters.find((c) => c.name.startsWith('Sesheke'))!.children.sort()).toEqual(['katima', 'kazungula', 'pontoon', 'sesheke']);
    expect(level.nodes).toHaveLength(3);
  });

  it('when zooming in, then clusters expand until every location stands alone', () => {
    const levels = buildClusterLevels(LOCATIONS, FLOWS);
    const counts = [4, 6, 8, 12].map((z) => levelAt(levels, z)!.nodes.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[0]).toBe(3);
    expect(counts[3]).toBe(LOCATIONS.length);
  });

  it('when a line is summed over cluster members, then only published counts add up and an all-suppressed line stays "<k"', () => {
    expect(lineSummary(FLOWS, ['sesheke', 'katima', 'pontoon', 'kazungula'], ['lusaka'])).toEqual({ count: 200, suppressed: 1, flows: 2 });
    expect(lineSummary(FLOWS, ['pontoon'], ['lusaka'])).toEqual({ count: null, suppressed: 1, flows: 1 });
  });

  it('when people are summed over a level, then every level gives the unclustered sum, and a level missing a place does not', () => {
    const levels = buildClusterLevels(LOCATIONS, FLOWS);
    const all = peopleDrawn(null, FLOWS);
    expect(all).toBe(1190);
    for (const z of [2, 4.4, 6, 9]) expect(peopleDrawn(levelAt(levels, z)!, FLOWS)).toBe(all);
    const level = levelAt(levels, 9)!;
    expect(peopleDrawn({ ...level, nodes: level.nodes.filter((n) => n.id !== 'tunduma') }, FLOWS)).toBe(all - 300);
  });
});
