/**
 * How the server is laid out. Every feature folder (catalog, flows, hotspots, access, outreach,
 * briefs, export, auth, audit, health) names its files the same way:
 *
 *   routes.ts   HTTP only: route() declarations (access, schemas, cache policy) calling the feature;
 *   schemas.ts  zod request schemas and their types: the feature's request contract;
 *   service.ts  the feature's public entry points: the one file (with schemas.ts) that another
 *               feature may import;
 *   sql.ts      SQL text and the functions that run it, where a feature's data access is one file;
 *               where each query is the subject of its own file (flows/corridors.ts, auth/users.ts)
 *               that file is named after it;
 *   other files are named after what they compute, pure functions apart from I/O.
 *
 * Cross-cutting: audit/audit.ts (audit(), called by every feature that changes or exports data)
 * and auth/roles.ts (who is asking). Shared layers below the features: query/ (reading
 * observations and reports: periods, filters and measures, rollup cubes, the source planner,
 * sites), privacy/ (every disclosure decision), http/ (route(), caching, errors, validation, CSV),
 * db/ (the one Db interface, migrations, reference data), analysis/ (pure algorithms).
 */
import type { ClientConfig } from '../common/catalog.js';
import { randomUUID } from 'node:crypto';
import { Activity } from './http/activity.js';
import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { accessRouter } from './access/routes.js';
import { alertsRouter } from './alerts/routes.js';
import { auditRouter } from './audit/routes.js';
import { basemapRouter } from './basemap/routes.js';
import { briefPageHeaders } from './briefs/page.js';
import { briefsRouter } from './briefs/routes.js';
import { adminRouter } from './auth/admin-routes.js';
import { principalMiddleware } from './auth/principal.js';
import { route } from './http/route.js';
import { authRouter } from './auth/routes.js';
import { catalogRouter } from './catalog/routes.js';
import { awarenessRouter } from './awareness/routes.js';
import { corridorsRouter } from './corridors/routes.js';
import { flowsRouter } from './flows/routes.js';
import type { Config } from './config.js';
import { configureReportCells } from './privacy/coarsen.js';
import type { Db } from './db/index.js';
import { healthRouter } from './health/routes.js';
import { DOCS_BASE, docsRouter, openApiRouter } from './docs/routes.js';
import { OGC_BASE, ogcRouter } from './ogc/routes.js';
import { hotspotsRouter } from './hotspots/routes.js';
import { exportRouter } from './export/routes.js';
import { ingestRouter } from './ingest/routes.js';
import { importHandler } from './ingest/job.js';
import { dailyEvaluationHandler } from './alerts/daily-job.js';
import { useRunner } from './jobs/service.js';
import { briefHandler } from './briefs/job.js';
import { outreachRouter } from './outreach/routes.js';
import { placesRouter } from './places/routes.js';
import { compressResponses } from './http/compress.js';
import { errorHandler, notFoundHandler } from './http/problem.js';
import { logSerializers, securityHeaders } from './http/security.js';
import { clientFiles } from './http/static.js';
import { paths } from './paths.js';

export interface AppDeps {
  config: Config;
  db: Db;
  /** Where the read-only analysis endpoints query (db/index.ts openReader); default `db`. */
  reader?: Db;
  log: Logger;
  schemaVersion: string;
}

type Listening = (server: Server) => void;

/**
 * Tells the app the server it listens on: from then on this process renders briefs queued by
 * any process (briefs/job.ts), its print page loaded from this server's own address.
 */
export function listeningOn(app: Express, server: Server): void {
  (app.locals.listening as Listening)(server);
}

/** Assembles middleware, the feature routers and the one error handler. */
export function createApp({ config, db, reader = db, log, schemaVersion }: AppDeps): Express {
  const app = express();
  // Background jobs (server/jobs/): this process claims whatever work is queued in the database.
  // app.locals.stopJobs releases it (tests close apps; a server process just exits).
  const jobs = useRunner(db, config, log, [importHandler(db, { pauseMs: config.IMPORT_WRITE_PAUSE_MS }), dailyEvaluationHandler(db)]);
  app.locals.stopJobs = jobs.release;
  app.locals.listening = ((server: Server) => jobs.runner.register(briefHandler(server, config.CHROMIUM_PATH))) satisfies Listening;
  // Background work (the first start's rollup build) waits for a quiet server (http/activity.ts).
  const activity = new Activity();
  app.locals.activity = activity;
  app.use(activity.middleware);
  app.disable('x-powered-by');
  // ETags of API answers come from their route's cache policy only (http/cache.ts).
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger: log,
      serializers: logSerializers,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
    }),
  );
  app.use(compressResponses()); // brotli/gzip on the fly; pre-compressed client files pass through
  configureReportCells(config.REPORTS_H3_RES);
  app.use(express.json({ limit: config.JSON_BODY_LIMIT }));

  // Every route is declared with route(), its access and its cache policy (server/http/route.ts).
  const api = express.Router();
  api.use(principalMiddleware(db, config));
  api.use(healthRouter(db, { schemaVersion, disclosure: config }));
  route(api, {
    method: 'get',
    path: '/client-config',
    access: 'public', // the client needs it before anyone signs in
    summary: 'Basemap settings and whether anonymous viewing is on',
    handler: (_req, res) => {
      const answer: ClientConfig = {
        basemap: config.basemapArchive ? 'pmtiles' : (config.BASEMAP as 'offline' | 'online'),
        onlineStyleUrl: config.BASEMAP === 'online' ? config.ONLINE_STYLE_URL : undefined,
        publicViewer: config.PUBLIC_VIEWER === 'on',
      };
      res.json(answer);
    },
  });
  api.use(basemapRouter(config.basemapArchive));
  api.use(authRouter(db, config));
  api.use(adminRouter(db, config));
  api.use(auditRouter(db));
  api.use(catalogRouter(db));
  api.use(corridorsRouter(db));
  // Read-only analysis reads the replica when there is one (DATABASE_READ_URL); everything
  // else, writes and reads that must see them (import status, saved plans), the primary.
  api.use(placesRouter(reader, config));
  api.use(hotspotsRouter(reader, config));
  api.use(accessRouter(reader, config));
  api.use(ingestRouter(db, config));
  api.use(exportRouter(db, config, reader));
  api.use(flowsRouter(reader, config));
  api.use(outreachRouter(db, config));
  api.use(briefsRouter(db, config));
  api.use(alertsRouter(db, config));
  api.use(awarenessRouter(db, config));
  api.use(openApiRouter());
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use(DOCS_BASE, docsRouter());

  // OGC API – Features (issue 18): the same callers, access rules and disclosure control.
  const ogc = express.Router();
  ogc.use(principalMiddleware(db, config));
  ogc.use(ogcRouter(db, config, reader));
  ogc.use(notFoundHandler);
  app.use(OGC_BASE, ogc);

  app.use(clientFiles(paths.clientDist, { '/brief.html': briefPageHeaders() }));
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
