import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { archiveStyle } from './archiveStyle.js';

/**
 * BASEMAP=pmtiles:… — the pmtiles protocol reads the archive Corridor serves by HTTP Range
 * requests in the browser. A lazy chunk: the default offline map never downloads pmtiles or
 * the Protomaps style.
 */
let registered = false;

export function pmtilesStyle(origin: string = location.origin): StyleSpecification {
  if (!registered) {
    addProtocol('pmtiles', new Protocol().tile);
    registered = true;
  }
  return archiveStyle(origin);
}
