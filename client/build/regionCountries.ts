import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { REGION } from '../map/countries.js';
import { cutTopology } from './cutTopology.js';

const ID = 'virtual:region-countries';
const RESOLVED = `\0${ID}`;
const DEV_URL = '/@region-countries.json';

/** Natural Earth 1:50m countries (world-atlas), cut to the offline basemap's region. */
function regionCountries(): string {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const world = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  return JSON.stringify(cutTopology(world, REGION));
}

/**
 * `import url from 'virtual:region-countries'`: the URL of the countries TopoJSON cut to the region
 * at build time — a hashed asset in a build, served by the dev server under `vite dev`.
 */
export function regionCountriesPlugin(): Plugin {
  let cached: string | undefined;
  const source = (): string => (cached ??= regionCountries());
  let serve = false;
  return {
    name: 'corridor-region-countries',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) return `export default ${JSON.stringify(DEV_URL)};`;
      const ref = this.emitFile({ type: 'asset', name: 'countries-region.json', source: source() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_URL, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(source());
      });
    },
  };
}
