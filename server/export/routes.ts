import { Router } from 'express';
import { audit } from '../audit/audit.js';
import { route } from '../http/route.js';
import { hasRole } from '../auth/roles.js';
import { catalogRows } from '../catalog/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { prepare } from '../query/source.js';
import { HttpError } from '../http/problem.js';
import { rateLimiter } from '../http/security.js';
import { requestPolicies } from '../privacy/disclosure.js';
import { catalogColumns, catalogRow } from './catalog.js';
import { AGGREGATE_COLUMNS, aggregateRows, aggregateSql, hasSyntheticObservations } from './observations.js';
import { RECORD_COLUMNS, recordRows } from './records.js';
import { LAYER_EXPORTS, observationsExportQuery } from './schemas.js';
import { type ExportFormat, ExportWriter } from './writer.js';

const FORMATS: ExportFormat[] = ['csv', 'geojson'];

/**
 * Exports (issue 5 §6), audited. Observations: aggregates for every role, counts under
 * disclosure control for every role (files leave our control); record level for data managers
 * only, counts still suppressed. Catalog layers: reference data, as the catalog serves them.
 */
/** `db` (the primary) records the audit entry; the rows come from `reader` (a replica when configured). */
export function exportRouter(
  db: Db,
  config: Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE' | 'HEAVY_RATE_LIMIT'>,
  reader: Db = db,
): Router {
  const router = Router();
  const limit = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'exports', by: 'caller' });
  for (const format of FORMATS) {
    route(router, {
      method: 'get',
      path: `/exports/observations.${format}`,
      access: 'viewer',
      summary: `Observations as ${format === 'csv' ? 'HXL-tagged CSV' : 'GeoJSON'}: aggregates (level=record: data managers), flow filters`,
      query: observationsExportQuery,
      cache: 'no-store', // files leave the platform: no copy stays in a browser cache
      middleware: [limit],
      handler: async (_req, res, { principal, query }) => {
        if (query.level === 'record' && !hasRole(principal, 'data_manager')) {
          throw new HttpError(403, 'Forbidden', 'record-level exports need the data_manager role; aggregate exports are open to viewers');
        }
        const policies = requestPolicies(principal, config, query, { exporting: true });
        // The flows API's own period rules (default: the last 90 days of data; at most 3 years) and
        // source choice (the rollup when fresh for the period, else raw rows).
        const { period, src } = await prepare(reader, query, query.level === 'record' ? { source: 'raw' } : {}, {
          dims: ['point', 'direction'],
          bucket: query.bucket,
        });
        const synthetic = await hasSyntheticObservations(reader);
        const meta = {
          period, level: query.level, bucket: query.level === 'aggregate' ? query.bucket : undefined, suppressionK: policies.ordinary.k,
          notice: synthetic ? 'includes synthetic demo data' : undefined,
        };
        await audit(db, principal, 'export.observations', { format, level: query.level, period, filter: query });
        const writer = new ExportWriter(res, format, query.level === 'record' ? RECORD_COLUMNS : AGGREGATE_COLUMNS, meta);
        await writer.begin(`corridor-observations-${period.from}-${period.to}${synthetic ? '-synthetic-demo' : ''}`);
        const rows =
          query.level === 'record'
            ? recordRows(reader, query, period, policies, () => writer.closed)
            : aggregateRows(reader, aggregateSql(query, period, src), policies.ordinary);
        for await (const r of rows) await writer.row(r, r.lon, r.lat);
        await writer.end();
      },
    });
    for (const { path, layer, query: schema } of LAYER_EXPORTS) {
      route(router, {
        method: 'get',
        path: `/exports/${path}.${format}`,
        access: 'viewer',
        summary: `The ${path} layer as ${format === 'csv' ? 'HXL-tagged CSV' : 'GeoJSON'} (catalog filters)`,
        query: schema,
        cache: 'no-store',
        middleware: [limit],
        handler: async (_req, res, { principal, query }) => {
          const rows = await catalogRows(reader, layer, query);
          await audit(db, principal, 'export.catalog', { layer: path, format, rows: rows.length });
          const writer = new ExportWriter(res, format, catalogColumns(rows), { layer: path });
          await writer.begin(`corridor-${path}`);
          for (const r of rows) {
            const out = catalogRow(r);
            await writer.row(out, out.lon, out.lat);
          }
          await writer.end();
        },
      });
    }
  }
  return router;
}
