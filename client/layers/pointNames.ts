import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { MonitoringPointProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { LABEL_COLORS } from './colors.js';
import { boxOf, placeLabels, project, textSize, type Box, type TextMetrics } from './labelPlacement.js';
import { getPointRadius, POINTS_LAYER_ID, rank } from './monitoringPoints.js';
import { LABEL_FONT, LABEL_FONT_SETTINGS, pointNamesVisible, pointRadius, townLabelPlacement, townVisible } from './sizing.js';
import type { LayerData, LayerState } from './types.js';

type D = PointFeature<MonitoringPointProps>;

const SIZE = 12;
const MAX_WIDTH_EM = 14;
const LINE_HEIGHT = 1.15;
const METRICS: TextMetrics = { fontPx: SIZE, maxWidthPx: SIZE * MAX_WIDTH_EM, lineHeightPx: SIZE * LINE_HEIGHT, charWidth: 0.62 };

/** Town names drawn by labels.ts, as boxes the point names must avoid. */
function townBoxes(state: LayerState, data: LayerData): Box[] {
  if (!state.layers.has('labels')) return [];
  const m: TextMetrics = { ...METRICS, fontPx: 14, maxWidthPx: Infinity, charWidth: 0.58 };
  return (data.towns ?? [])
    .filter((t) => townVisible(t.code, t.kind, state.zoom))
    .map((t) => {
      const [x, y] = project(t.position[0], t.position[1], state.zoom);
      return boxOf(x, y, townLabelPlacement(t.country), textSize(t.name, m));
    });
}

/**
 * Close in, each crossing is named on the map: field users should not have to click
 * every dot to find the one they mean. Names are placed around their dot where they
 * collide with nothing (labelPlacement.ts); official posts get first choice.
 */
export function pointNamesLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('points') || !data.points || !pointNamesVisible(state.zoom)) return [];
  const r = pointRadius(state.zoom);
  const byPriority = [...data.points].sort((a, b) => rank(b) - rank(a));
  const placed = placeLabels(
    byPriority.map((d) => ({
      id: String(d.properties.id),
      lon: d.geometry.coordinates[0] ?? 0,
      lat: d.geometry.coordinates[1] ?? 0,
      text: d.properties.name,
      radius: r * getPointRadius(d) + 1,
    })),
    state.zoom,
    METRICS,
    townBoxes(state, data),
  );
  const shown = byPriority.filter((d) => placed.has(String(d.properties.id)));
  const at = (d: D) => placed.get(String(d.properties.id));
  return [
    new TextLayer<D>({
      id: `${POINTS_LAYER_ID}-names`,
      data: shown,
      getPosition: (d) => [d.geometry.coordinates[0] ?? 0, d.geometry.coordinates[1] ?? 0],
      getText: (d) => d.properties.name,
      getSize: SIZE,
      getColor: [...LABEL_COLORS.town, 255],
      getTextAnchor: (d) => at(d)?.anchor ?? 'start',
      getAlignmentBaseline: (d) => at(d)?.baseline ?? 'center',
      getPixelOffset: (d) => at(d)?.offset ?? [0, 0],
      maxWidth: MAX_WIDTH_EM,
      lineHeight: LINE_HEIGHT,
      wordBreak: 'break-word',
      fontFamily: LABEL_FONT,
      fontWeight: 600,
      fontSettings: LABEL_FONT_SETTINGS,
      outlineWidth: 4,
      outlineColor: [...LABEL_COLORS.halo, 235],
      characterSet: 'auto',
      // Placements depend on zoom; accessors must re-run when they change.
      updateTriggers: { getTextAnchor: state.zoom, getAlignmentBaseline: state.zoom, getPixelOffset: state.zoom },
    }),
  ];
}
