import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
// Natural Earth countries cut to the region at build time (client/build/regionCountries.ts),
// a hashed asset: fetched once, then cached by the browser.
import countriesUrl from 'virtual:region-countries';
import { ApiError, request } from '../api.js';
import { buildBasemap, type BasemapData } from './countries.js';
import { SOURCES } from './offlineStyle.js';

async function fetchTopology(): Promise<Topology> {
  const res = await request(countriesUrl);
  if (!res.ok) throw new ApiError(res.status, null, countriesUrl);
  return (await res.json()) as Topology;
}

function setData(map: MapLibreMap, id: string, data: GeoJSON.GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) throw new Error(`basemap: style has no source ${id}`);
  source.setData(data);
}

/** Fills the offline style's country sources; resolves with the data for labels. */
export async function loadOfflineBasemap(map: MapLibreMap): Promise<BasemapData> {
  const loaded = map.isStyleLoaded() ? Promise.resolve() : map.once('load');
  const [topology] = await Promise.all([fetchTopology(), loaded]);
  const data = buildBasemap(topology);
  setData(map, SOURCES.land, data.land);
  setData(map, SOURCES.borders, data.borders);
  setData(map, SOURCES.coast, data.coast);
  return data;
}
