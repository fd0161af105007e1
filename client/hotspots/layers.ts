import type { Layer } from '@deck.gl/core';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { cellToBoundary, cellToLatLng, getHexagonEdgeLengthAvg, UNITS } from 'h3-js';
import type { Rgba } from '../layers/types.js';
import type { AccessResponse, EmergingResponse, HotspotsResponse, KdeResponse } from '../../common/analysis.js';
import { classAlpha, classColor, emergingColor, GAP_COLORS, gapStep, SELECTED_COLOR } from './palette.js';

/**
 * deck.gl layers of the analysis view, drawn under services and monitoring points.
 * Hexagons are opaque where they carry a finding (so the colour is the palette's, not a
 * blend with the basemap); a res-7 hexagon is under a pixel at the region overview, so
 * each finding also gets a dot with a minimum screen size, hidden under its hexagon once
 * zoomed in.
 */
interface Shaded {
  h3: string;
  color: Rgba;
  /** Drawn as a dot when zoomed out (findings, not background cells). */
  marked: boolean;
}

export type AnalysisData =
  | { mode: 'hotspots'; res: HotspotsResponse }
  | { mode: 'emerging'; res: EmergingResponse }
  | { mode: 'heatmap'; res: KdeResponse }
  | { mode: 'access'; res: AccessResponse };

export function shade(d: AnalysisData): Shaded[] {
  if (d.mode === 'hotspots') return d.res.cells.map((c) => ({ h3: c.h3, color: [...classColor(c.class), classAlpha(c.class)], marked: c.class !== 0 }));
  if (d.mode === 'emerging') return d.res.cells.map((c) => ({ h3: c.h3, color: [...emergingColor(c.category), c.category === 'none' ? 70 : 255], marked: c.category !== 'none' }));
  if (d.mode === 'access') {
    const max = Math.max(0, ...d.res.cells.map((c) => c.gap));
    return d.res.cells.map((c) => ({ h3: c.h3, color: [...(GAP_COLORS[gapStep(c.gap, max)] ?? GAP_COLORS[0]!), 255], marked: true }));
  }
  return [];
}

const SELECTED: Rgba = [...SELECTED_COLOR, 255];

export function analysisLayers(d: AnalysisData, selected: string | null): Layer[] {
  if (d.mode === 'heatmap') {
    return [
      new HeatmapLayer<KdeResponse['points'][number]>({
        id: 'analysis-heatmap',
        data: d.res.points,
        getPosition: (p) => [p.lon, p.lat],
        getWeight: (p) => p.weight,
        radiusPixels: 45,
        // Shared colours with the sequential gap palette: light = few, dark = many.
        colorRange: GAP_COLORS.map((c) => [...c]) as [number, number, number][],
        threshold: 0.05,
      }),
    ];
  }
  const cells = shade(d);
  if (cells.length === 0) return [];
  const res = Number.parseInt(cells[0]!.h3.charAt(1), 16);
  const radiusM = getHexagonEdgeLengthAvg(res, UNITS.m);
  const marks = cells.filter((c) => c.marked).map((c) => ({ ...c, at: cellToLatLng(c.h3) }));
  const layers: Layer[] = [
    new ScatterplotLayer<(typeof marks)[number]>({
      id: 'analysis-dots',
      data: marks,
      getPosition: (c) => [c.at[1], c.at[0]],
      getRadius: radiusM,
      // Larger than a monitoring point's disc at the overview, so a finding there shows as a ring around it.
      radiusMinPixels: 9,
      getFillColor: (c) => c.color,
      stroked: true,
      lineWidthMinPixels: 1,
      getLineColor: [255, 255, 255, 220],
    }),
    new H3HexagonLayer<Shaded>({
      id: 'analysis-hex',
      data: cells,
      getHexagon: (c) => c.h3,
      getFillColor: (c) => c.color,
      extruded: false,
      stroked: true,
      getLineColor: [255, 255, 255, 160],
      lineWidthMinPixels: 1,
    }),
  ];
  if (selected) {
    // The outline as a plain path of the cell's boundary (closed ring, lon/lat order).
    const ring = cellToBoundary(selected, true);
    layers.push(
      new PathLayer<{ path: number[][] }>({
        id: 'analysis-selected',
        data: [{ path: ring }],
        getPath: (d) => d.path as [number, number][],
        getColor: SELECTED,
        getWidth: 4,
        widthUnits: 'pixels',
        jointRounded: true,
      }),
    );
  }
  return layers;
}
