import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CountryLabel } from '../map/countries.js';
import { LABEL_COLORS } from './colors.js';
import { LABEL_FONT as FONT, LABEL_FONT_SETTINGS as FONT_SETTINGS, countryLabelVisible, townLabelPlacement, townVisible } from './sizing.js';
import type { LayerData, LayerState, TownLabel } from './types.js';

/**
 * Country and town names drawn by deck.gl: the font atlas is made in the browser from a
 * system font, so labels need no glyph server (MapLibre symbol layers would).
 */
const HALO: [number, number, number, number] = [...LABEL_COLORS.halo, 235];


/** Country names and town dots: under the data layers. */
export function placeLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('labels')) return [];
  const countries = (data.countryLabels ?? []).filter((c) => countryLabelVisible(c.area, state.zoom));
  const towns = (data.towns ?? []).filter((t) => townVisible(t.code, t.kind, state.zoom));
  return [
    new TextLayer<CountryLabel>({
      id: 'country-labels',
      data: countries,
      getPosition: (d) => d.position,
      getText: (d) => d.name.toUpperCase(),
      getSize: 13,
      getColor: [...LABEL_COLORS.country, 255],
      fontFamily: FONT,
      fontWeight: 600,
      fontSettings: FONT_SETTINGS,
      outlineWidth: 4,
      outlineColor: HALO,
      characterSet: 'auto',
    }),
    new ScatterplotLayer<TownLabel>({
      id: 'town-dots',
      data: towns,
      radiusUnits: 'pixels',
      getRadius: 2.5,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getPosition: (d) => d.position,
      getFillColor: [...LABEL_COLORS.town, 255],
      getLineColor: [...LABEL_COLORS.halo, 255],
    }),
  ];
}

/** Town names: drawn above services, below monitoring points (see index.ts). */
export function townTextLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('labels')) return [];
  const towns = (data.towns ?? []).filter((t) => townVisible(t.code, t.kind, state.zoom));
  return [
    new TextLayer<TownLabel>({
      id: 'town-labels',
      data: towns,
      getPosition: (d) => d.position,
      getText: (d) => d.name,
      getSize: (d) => (d.kind === 'capital' || d.code === 'zm-sesheke' || d.code === 'zm-nakonde' ? 14 : 12.5),
      getColor: [...LABEL_COLORS.town, 255],
      getTextAnchor: (d) => townLabelPlacement(d.country).anchor,
      getAlignmentBaseline: (d) => townLabelPlacement(d.country).baseline,
      getPixelOffset: (d) => townLabelPlacement(d.country).offset,
      fontFamily: FONT,
      fontWeight: 500,
      fontSettings: FONT_SETTINGS,
      outlineWidth: 4,
      outlineColor: HALO,
      characterSet: 'auto',
    }),
  ];
}

/** District names from zoom 6, in the country-label colour, smaller and in italics: areas, not places. */
export function districtTextLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('labels') || state.zoom < 6 || !data.districtLabels) return [];
  return [
    new TextLayer<{ name: string; position: [number, number] }>({
      id: 'district-labels',
      data: data.districtLabels,
      getPosition: (d) => d.position,
      getText: (d) => d.name,
      getSize: 11.5,
      getColor: [...LABEL_COLORS.country, 255],
      fontFamily: FONT,
      fontWeight: 400,
      fontSettings: FONT_SETTINGS,
      outlineWidth: 3,
      outlineColor: HALO,
      characterSet: 'auto',
    }),
  ];
}
