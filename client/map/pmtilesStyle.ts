import { layers, namedFlavor } from '@protomaps/basemaps';
import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { ARCHIVE_PATH } from '../../common/basemap.js';

/**
 * BASEMAP=pmtiles:… — a Protomaps vector-tile archive served by Corridor itself
 * (/api/v1/basemap/archive.pmtiles, HTTP Range requests read by the pmtiles protocol in the
 * browser), drawn with the Protomaps 'light' style. A lazy chunk: the default offline map never
 * downloads pmtiles or the style.
 *
 * No glyphs or sprites: no package on npm ships Protomaps' font PBFs or sprite sheets, so the
 * style's symbol layers (place names, road shields, POI icons) are left out and nothing asks for
 * a font server. Town, district and country names are still drawn, by Corridor's own deck.gl
 * label layers with the browser's fonts.
 */
export const SOURCE = 'protomaps';
export const FLAVOR = 'light';

let registered = false;

export function pmtilesStyle(origin: string = location.origin): StyleSpecification {
  if (!registered) {
    addProtocol('pmtiles', new Protocol().tile);
    registered = true;
  }
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
