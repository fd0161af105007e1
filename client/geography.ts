// The project's reference geography, bundled: town names and the Zambezi must draw
// even when the API is slow or down (weak links in the field districts).
import geography from '../data/geography.json' with { type: 'json' };
import type { TownLabel } from './layers/types.js';

interface RawPlace {
  code: string;
  name: string;
  country: string;
  kind: string;
  lat: number;
  lon: number;
}

function townsFrom(places: readonly RawPlace[]): TownLabel[] {
  return places.map((p) => ({ code: p.code, name: p.name, country: p.country, kind: p.kind, position: [p.lon, p.lat] }));
}

export const TOWNS: TownLabel[] = townsFrom(geography.places);
export const ZAMBEZI = geography.zambezi.coordinates as [number, number][];
