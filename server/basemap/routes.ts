import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Router } from 'express';
import type { Topology } from 'topojson-specification';
import { ARCHIVE_PATH, type DetailBasemap } from '../../common/basemap.js';
import { REVALIDATE } from '../http/cache.js';
import { notFound } from '../http/problem.js';
import { route } from '../http/route.js';

const require = createRequire(import.meta.url);

/**
 * Cut once, on first request: the 3.6 MB world file is read only if someone zooms in. detail.ts
 * is imported here, not at the top: it loads @turf/turf, ~1 s of every start (issue 19).
 */
let detail: Promise<DetailBasemap> | undefined;
function detailBasemap(): Promise<DetailBasemap> {
  detail ??= import('./detail.js').then(({ cutDetail }) =>
    cutDetail(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology),
  );
  return detail;
}

/**
 * The basemap's own data, public like the map shell that draws it before anyone signs in: it
 * holds no Corridor data. `archive` is the absolute path of the BASEMAP=pmtiles:… file, or null.
 */
export function basemapRouter(archive: string | null): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/basemap/borders', access: 'public', cache: REVALIDATE,
    summary: 'Natural Earth 1:10m countries and land borders around Zambia, for the map from zoom 7',
    handler: () => detailBasemap(),
  });
  route(router, {
    method: 'get', path: ARCHIVE_PATH, access: 'public',
    // An hour, then revalidated against the file's ETag (size and time): a swapped archive shows within the hour.
    cache: { maxAge: 3600 },
    summary: 'The vector-tile archive named by BASEMAP=pmtiles:… (HTTP Range requests; 404 when none is configured)',
    handler: (_req, res) => {
      if (!archive) throw notFound('no basemap archive is configured (BASEMAP=pmtiles:/path/to/file.pmtiles)');
      // send() answers Range with 206 and one byte range, If-Range / If-None-Match included.
      // The app turns Express's automatic ETags off (server/app.ts); send() honours one set here for
      // If-None-Match and If-Range. Size and modification time change when the file is replaced.
      const st = statSync(archive);
      res.set('ETag', `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`);
      const options = { acceptRanges: true, cacheControl: false, lastModified: true };
      return new Promise<void>((ok, fail) => {
        // A client that hangs up mid-file (a cancelled tile) is no error of ours.
        res.type('application/vnd.pmtiles').sendFile(archive, options, (err) => (err && !res.headersSent ? fail(err) : ok()));
      });
    },
  });
  return router;
}
