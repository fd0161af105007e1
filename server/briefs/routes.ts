import type { Request } from 'express';
import { Router } from 'express';
import { audit } from '../audit/audit.js';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { rateLimiter } from '../http/security.js';
import type { BriefData } from '../../common/briefs.js';
import { briefData } from './data.js';
import { DISCLAIMER, protectionNote } from './legal.js';
import { dataPack } from './pack.js';
import { renderByJob } from './job.js';
import { chromiumPath } from './render.js';
import { briefBody, briefFormatQuery, briefQuery, type BriefQuery } from './schemas.js';

type BriefConfig = Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE' | 'HEAVY_RATE_LIMIT' | 'CHROMIUM_PATH'>;

/** The origin the caller used (for the permalink printed on the brief). */
const publicOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** The print page's query string: the same flat parameters GET /briefs/data takes. */
export function briefSearch(q: BriefQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p.toString();
}

/** Who, when (the entry's own time), which view and which datasets: issue 8 §4. */
function auditParams(d: BriefData, format: string) {
  return { format, title: d.title, filter: d.filter, level: d.level, period: d.period, view: d.view, plan: d.plan?.id ?? null,
    datasets: d.sources.map((s) => s.name), sections: d.sections };
}

/**
 * Map briefs (issue 8): the brief's figures as JSON (client preview and print page), the
 * rendered PDF/PNG from headless Chromium, all under export disclosure control.
 */
export function briefsRouter(db: Db, config: BriefConfig): Router {
  const router = Router();
  const limit = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'briefs', by: 'caller' });
  route(router, {
    method: 'get', path: '/briefs/data', access: 'viewer', query: briefQuery, cache: 'no-store',
    summary: 'A map brief\'s figures, tables and layers for a view (export disclosure control for every role)',
    handler: async (req, _res, { principal, query }) => briefData(db, principal, config, query, publicOrigin(req)),
  });
  route(router, {
    method: 'post', path: '/briefs', access: 'viewer', body: briefBody, query: briefFormatQuery, cache: 'no-store', middleware: [limit],
    summary: 'A one-page map brief for a view as PDF (or ?format=png), rendered by headless Chromium (503 when none)',
    handler: async (req, res, { principal, body, query }) => {
      chromiumPath(config.CHROMIUM_PATH); // a 503 now, before any work, when this server cannot render
      const { view, ...options } = body;
      const q: BriefQuery = { ...view, ...options };
      const data = await briefData(db, principal, config, q, publicOrigin(req));
      // Rendered by whichever process's job runner is free (briefs/job.ts), usually this one.
      const file = await renderByJob(db, {
        query: briefSearch(q), data, paper: q.paper, landscape: q.orientation === 'landscape', format: query.format,
      }, principal.name);
      // Recorded once the file exists: a failed render exported nothing.
      await audit(db, principal, 'export.brief', auditParams(data, query.format));
      const name = `corridor-brief-${data.period.from}-${data.period.to}${data.demo ? '-synthetic-demo' : ''}.${query.format}`;
      res.set('Content-Type', query.format === 'pdf' ? 'application/pdf' : 'image/png');
      res.set('Content-Disposition', `attachment; filename="${name}"`);
      res.send(file);
    },
  });
  route(router, {
    method: 'get', path: '/briefs/pack', access: 'viewer', query: briefQuery, cache: 'no-store', middleware: [limit],
    summary: 'A map brief\'s data pack: figures and tables as HXL-tagged CSV, mapped layers as GeoJSON (ZIP)',
    handler: async (req, res, { principal, query }) => {
      const data = await briefData(db, principal, config, query, publicOrigin(req));
      const file = dataPack(data, { disclaimer: DISCLAIMER, protection: protectionNote(data.disclosure.k, data.disclosure.sensitiveK) });
      await audit(db, principal, 'export.brief', auditParams(data, 'pack'));
      res.set('Content-Type', 'application/zip');
      res.set('Content-Disposition', `attachment; filename="corridor-brief-data-${data.period.from}-${data.period.to}${data.demo ? '-synthetic-demo' : ''}.zip"`);
      res.send(file);
    },
  });
  return router;
}
