import { layers, namedFlavor } from '@protomaps/basemaps';
import type { StyleSpecification } from 'maplibre-gl';
import { ARCHIVE_PATH } from '../../common/basemap.js';

/**
 * The style for BASEMAP=pmtiles:… (pure: unit-tested for what it may ask of the network).
 * Protomaps 'light' over the archive Corridor serves at /api/v1/basemap/archive.pmtiles.
 *
 * No glyphs or sprites: no package on npm ships Protomaps' font PBFs or sprite sheets, so the
 * style's symbol layers (place names, road shields, POI icons) are left out and nothing asks for
 * a font server. Town, district and country names are still drawn, by Corridor's own deck.gl
 * label layers with the browser's fonts.
 */
export const SOURCE = 'protomaps';
export const FLAVOR = 'light';

export function archiveStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'Corridor · Protomaps light (local archive)',
    sources: {
      [SOURCE]: {
        type: 'vector',
        url: `pmtiles://${origin}/api/v1${ARCHIVE_PATH}`,
        attribution: '© OpenStreetMap contributors · Protomaps',
      },
    },
    layers: layers(SOURCE, namedFlavor(FLAVOR), { lang: 'en' }).filter((l) => l.type !== 'symbol'),
  };
}
