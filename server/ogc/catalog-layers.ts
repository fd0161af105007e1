import type { Row } from '../db/index.js';
import { MONITORING_POINT_KINDS, PLACE_KINDS, SERVICE_KINDS, SITE_KINDS } from '../../common/vocabulary.js';
import { monitoringPointsQuery, outreachSitesQuery, placesQuery, servicesQuery } from '../catalog/schemas.js';
import { catalogExtent, catalogPage, type LayerName } from '../catalog/service.js';
import { type Collection, defineCollection, type OgcFeature, type Property, round6 } from './collection.js';

/**
 * The catalog layers (reference data, viewer level) as collections: the same rows and filters
 * as GET /api/v1/monitoring-points, /services, /places and /outreach-sites, paged in the
 * database (LIMIT/OFFSET in the catalog's order, count(*) for numberMatched).
 */
const str = (description: string, values?: readonly string[]): Property => ({ type: 'string', description, nullable: true, ...(values ? { enum: values } : {}) });
const synthetic: Property = { type: 'boolean', description: 'true for synthetic demo data' };
const country = str('ISO 3166-1 alpha-3 country code');
/** The admin areas a feature lies in (by point-in-polygon; null outside every area). */
const areas = {
  adm1Code: str('province P-code (COD-AB)'), adm1Name: str('province'),
  adm2Code: str('district code (PRJ-ZM-…: the project\'s own until an official file is imported)'), adm2Name: str('district'),
};

function toFeature({ id, lon, lat, ...properties }: Row): OgcFeature {
  return { type: 'Feature', id: Number(id), geometry: { type: 'Point', coordinates: [round6(Number(lon)), round6(Number(lat))] }, properties };
}

function layer(
  id: string, name: LayerName, title: string, description: string,
  schema: { shape: Record<string, unknown> }, properties: Record<string, Property>,
): Collection {
  // The REST schema's own filters, bbox aside: Part 1 defines bbox (with the antimeridian rule).
  const { bbox: _bbox, ...filters } = (schema as typeof servicesQuery).shape;
  return defineCollection({
    id,
    title,
    description,
    geometry: 'Point',
    idType: 'integer',
    properties,
    filters,
    items: async (ctx, q) => {
      const { rows, matched } = await catalogPage(ctx.db, name, q, { limit: q.limit, offset: q.offset });
      return { features: rows.map(toFeature), matched };
    },
    item: async (ctx, fid, q) => {
      // Ids are integers; anything else names no feature. Paging by id keeps one query path.
      if (!/^[1-9]\d{0,9}$/.test(fid)) return null;
      const { rows } = await catalogPage(ctx.db, name, { ...q, id: Number(fid) }, { limit: 1, offset: 0 });
      return rows[0] ? toFeature(rows[0]) : null;
    },
    extent: async (ctx) => ({ bbox: await catalogExtent(ctx.db, name), interval: null }),
  });
}

export const CATALOG_COLLECTIONS: Collection[] = [
  layer('monitoring-points', 'monitoringPoints', 'Monitoring points', 'Border posts, informal crossings, transit hubs, bus stations and markets where movements are counted.', monitoringPointsQuery, {
    code: str('stable code'), name: str('name'), kind: str('kind of point', MONITORING_POINT_KINDS), corridor: str('corridor code (GET /api/v1/corridors)'),
    district: str('district'), country, facingCountry: str('the country across the border (crossings)'), hours: str('opening hours'), isSynthetic: synthetic, ...areas,
  }),
  layer('services', 'services', 'Services', 'Health, police victim support, social welfare, shelters, legal aid and other services for people on the move.', servicesQuery, {
    name: str('name'), kind: str('kind of service', SERVICE_KINDS), country, hours: str('opening hours'), contact: str('contact'),
    capacity: { type: 'integer', description: 'capacity (people)', nullable: true }, isSynthetic: synthetic, ...areas,
  }),
  layer('places', 'places', 'Places', 'Reference places (towns, cities, border towns): origins and destinations of flows.', placesQuery, {
    code: str('stable code'), name: str('name'), country, kind: str('kind of place', PLACE_KINDS), admin1: str('province or region'),
    isApproximate: { type: 'boolean', description: 'true when the position is approximate (about 1 km)' }, ...areas,
  }),
  layer('outreach-sites', 'outreachSites', 'Outreach sites', 'Candidate sites for awareness activities: markets, bus stations, schools, churches and others.', outreachSitesQuery, {
    name: str('name'), kind: str('kind of site', SITE_KINDS), corridor: str('corridor code (GET /api/v1/corridors)'),
    footfall: { type: 'integer', description: 'estimated people per week', nullable: true },
    cost: { type: 'number', description: 'typical cost of one activity here', nullable: true }, isSynthetic: synthetic, ...areas,
  }),
];
