import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusterLevels, type ClusterLevels, isFlowCluster, levelAt } from '../../../client/flows/clusters.js';
import type { Flow, FlowLocation } from '../../../common/flows.js';

// Every place and monitoring point the demo's flows can end at, at their real positions.
type Point = { code: string; name: string; lat: number; lon: number };
const geo = JSON.parse(readFileSync(new URL('../../../data/geography.json', import.meta.url), 'utf8')) as { places: Point[]; monitoringPoints: Point[] };
const LOCATIONS = [...geo.places, ...geo.monitoringPoints].map(
  (p): FlowLocation & { lat: number; lon: number } => ({ id: p.code, name: p.name, lat: p.lat, lon: p.lon, kind: 'place', incoming: null, outgoing: null, suppressed: false }),
);
const flow = (origin: string, dest: string, count: number): Flow => ({ origin, dest, count, suppressed: false });

// Each border-town pair and its crossings (codes in data/geography.json).
const SESHEKE = ['zm-sesheke', 'na-katima-mulilo', 'mp-katima-bridge', 'mp-sesheke-pontoon'];
const NAKONDE = ['zm-nakonde', 'tz-tunduma', 'mp-tunduma-nakonde-osbp', 'mp-nakonde-east-footpaths', 'mp-nakonde-west-footpaths'];

/** The node holding each location at a zoom. */
function holder(levels: ClusterLevels, zoom: number): Map<string, string> {
  const at = new Map<string, string>();
  for (const n of levelAt(levels, zoom)!.nodes) (isFlowCluster(n) ? n.children : [String(n.id)]).forEach((id) => at.set(id, String(n.id)));
  return at;
}

// Two weightings: none at all (ties broken by id, the worst case for where a seed lands) and the
// demo's shape, where the border towns carry most people.
const WEIGHTINGS: [string, Flow[]][] = [
  ['no published flows', []],
  ['border towns heaviest', [flow('zm-sesheke', 'zm-lusaka', 900), flow('zm-nakonde', 'zm-lusaka', 800), flow('zm-livingstone', 'zm-lusaka', 50)]],
];

describe('flow clusters on the demo geography', () => {
  it('checks the codes this test names exist', () => {
    const ids = new Set(LOCATIONS.map((l) => l.id));
    for (const id of [...SESHEKE, ...NAKONDE, 'zm-lusaka', 'zm-livingstone']) expect(ids, id).toContain(id);
  });

  for (const [label, flows] of WEIGHTINGS) {
    it(`when the region overview is drawn (zoom 4.2–4.6) with ${label}, then each border-town pair and its crossings share one end, and zoomed in past the clustering every place stands alone`, () => {
      const levels = buildClusterLevels(LOCATIONS, flows);
      for (const z of [4.2, 4.6, 6, 8]) {
        const at = holder(levels, z);
        for (const pair of [SESHEKE, NAKONDE]) expect(new Set(pair.map((id) => at.get(id))).size, `${pair[0]} at zoom ${z}`).toBe(1);
        // The two corridors are ~1,700 km apart: never one end.
        expect(at.get(SESHEKE[0]!)).not.toBe(at.get(NAKONDE[0]!));
      }
      expect(levelAt(levels, 4.4)!.nodes.length).toBeLessThan(LOCATIONS.length - SESHEKE.length - NAKONDE.length + 2);
      expect(levelAt(levels, 9.5)!.nodes).toHaveLength(LOCATIONS.length);
    });
  }

  it('when the border towns carry most people, then their clusters are named after them', () => {
    const names = levelAt(buildClusterLevels(LOCATIONS, WEIGHTINGS[1]![1]), 4.4)!.nodes.filter(isFlowCluster).map((c) => c.name);
    expect(names.find((n) => n.startsWith('Sesheke area ('))).toBeDefined();
    expect(names.find((n) => n.startsWith('Nakonde area ('))).toBeDefined();
  });
});
