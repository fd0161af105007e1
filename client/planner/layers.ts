import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { OutreachSiteProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { LABEL_FONT, LABEL_FONT_SETTINGS } from '../layers/sizing.js';
import type { Plan, PlanSite } from '../../common/outreach.js';
import { PLAN_COLORS } from './colors.js';

/**
 * The planner's deck.gl layers, built in the planner chunk and handed to layers/index.ts as
 * data.plannerLayers. Reach circles are true-radius (metres) so they shrink with the map and
 * show what the solver counted; the site markers stay a readable pixel size.
 */
const PLAN_SITES_LAYER_ID = 'planner-sites';
const PLAN_CANDIDATES_LAYER_ID = 'planner-candidates';

/**
 * An uncovered demand cell, drawn as the disc of its H3 cell's area (radius 0.909 × the mean
 * edge length at its resolution). Not H3HexagonLayer/PolygonLayer: those would add ~90 kB to the
 * deck.gl chunk every visitor loads, and h3-js another 200 kB, for ten outlines.
 */
export interface Hex {
  cell: string;
  lon: number;
  lat: number;
  radiusM: number;
}

/** Mean H3 edge length (m) by resolution (h3 getHexagonEdgeLengthAvg); the server uses 7–9. */
const H3_EDGE_M: Record<number, number> = { 7: 1406.5, 8: 531.4, 9: 200.8 };
export function cellDiscRadius(res: number): number {
  return (H3_EDGE_M[res] ?? H3_EDGE_M[8] ?? 531.4) * Math.sqrt((3 * Math.sqrt(3)) / (2 * Math.PI));
}

/** A site marker: from a plan, or from the catalogue for candidates; `tag` is what it shows. */
export interface Marker {
  siteId: number;
  name: string;
  lon: number;
  lat: number;
  reachM: number;
  tag: string;
  color: readonly [number, number, number];
}

interface PlannerLayerInput {
  markers: Marker[];
  candidates: PointFeature<OutreachSiteProps>[];
  locked: ReadonlySet<number>;
  excluded: ReadonlySet<number>;
  hexes: Hex[];
}

const rgba = (c: readonly [number, number, number], a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** Markers for one plan, in choice order; locked sites in amber. */
export function planMarkers(plan: Plan): Marker[] {
  return plan.sites.map((s: PlanSite) => ({
    siteId: s.siteId, name: s.name, lon: s.lon, lat: s.lat, reachM: s.reachM, tag: String(s.rank),
    color: s.locked ? PLAN_COLORS.locked : PLAN_COLORS.site,
  }));
}

/** Two plans as one set of markers: A only, B only, both. */
export function compareMarkers(a: Plan, b: Plan): Marker[] {
  const inA = new Set(a.sites.map((s) => s.siteId));
  const inB = new Set(b.sites.map((s) => s.siteId));
  const mk = (s: PlanSite, tag: string, color: readonly [number, number, number]): Marker => ({
    siteId: s.siteId, name: s.name, lon: s.lon, lat: s.lat, reachM: s.reachM, tag, color,
  });
  return [
    ...a.sites.map((s) => (inB.has(s.siteId) ? mk(s, 'AB', PLAN_COLORS.site) : mk(s, 'A', PLAN_COLORS.onlyA))),
    ...b.sites.filter((s) => !inA.has(s.siteId)).map((s) => mk(s, 'B', PLAN_COLORS.onlyB)),
  ];
}

const coords = (f: PointFeature<OutreachSiteProps>): [number, number] => [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0];

export function plannerLayers(input: PlannerLayerInput): Layer[] {
  const chosen = new Set(input.markers.map((m) => m.siteId));
  // Candidates the plan did not choose; excluded ones are drawn red with a cross, so the
  // user sees what the solver was told to avoid.
  const others = input.candidates.filter((f) => !chosen.has(Number(f.properties.id)));
  const excluded = others.filter((f) => input.excluded.has(Number(f.properties.id)));
  const lockedOnly = others.filter((f) => input.locked.has(Number(f.properties.id)));
  return [
    new ScatterplotLayer<Hex>({
      id: 'planner-uncovered',
      data: input.hexes,
      radiusUnits: 'meters',
      getRadius: (d) => d.radiusM,
      getPosition: (d) => [d.lon, d.lat],
      filled: true,
      stroked: true,
      getFillColor: rgba(PLAN_COLORS.uncovered, 90),
      getLineColor: rgba(PLAN_COLORS.uncovered, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
    new ScatterplotLayer<Marker>({
      id: 'planner-reach',
      data: input.markers,
      radiusUnits: 'meters',
      getRadius: (d) => d.reachM,
      getPosition: (d) => [d.lon, d.lat],
      filled: true,
      stroked: true,
      getFillColor: (d) => rgba(d.color === PLAN_COLORS.site ? PLAN_COLORS.reach : d.color, 45),
      getLineColor: (d) => rgba(d.color === PLAN_COLORS.site ? PLAN_COLORS.reach : d.color, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
    }),
    new ScatterplotLayer<PointFeature<OutreachSiteProps>>({
      id: PLAN_CANDIDATES_LAYER_ID,
      data: others,
      pickable: true,
      radiusUnits: 'pixels',
      getRadius: (d) => (input.excluded.has(Number(d.properties.id)) ? 7 : input.locked.has(Number(d.properties.id)) ? 8 : 4.5),
      getPosition: coords,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      getFillColor: (d) => {
        const id = Number(d.properties.id);
        return rgba(input.excluded.has(id) ? PLAN_COLORS.excluded : input.locked.has(id) ? PLAN_COLORS.locked : PLAN_COLORS.candidate, 230);
      },
      getLineColor: [255, 255, 255, 255],
      updateTriggers: { getRadius: [...input.excluded, -1, ...input.locked], getFillColor: [...input.excluded, -1, ...input.locked] },
    }),
    new ScatterplotLayer<Marker>({
      id: PLAN_SITES_LAYER_ID,
      data: input.markers,
      pickable: true,
      radiusUnits: 'pixels',
      getRadius: 11,
      getPosition: (d) => [d.lon, d.lat],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getFillColor: (d) => rgba(d.color, 255),
      getLineColor: [255, 255, 255, 255],
    }),
    new TextLayer<{ at: [number, number]; text: string }>({
      id: 'planner-tags',
      data: [
        ...input.markers.map((m) => ({ at: [m.lon, m.lat] as [number, number], text: m.tag })),
        ...excluded.map((f) => ({ at: coords(f), text: '×' })),
        ...lockedOnly.map((f) => ({ at: coords(f), text: 'L' })),
      ],
      getPosition: (d) => d.at,
      getText: (d) => d.text,
      getSize: 12,
      getColor: [255, 255, 255, 255],
      fontFamily: LABEL_FONT,
      fontWeight: 700,
      fontSettings: LABEL_FONT_SETTINGS,
      characterSet: 'auto',
    }),
  ];
}
