// Child process for tests/api/startup.test.ts: opens an embedded database directory, commits a
// row, says so on stdout, then waits to be killed with SIGKILL.
import { openEmbedded } from '../../server/db/embedded.js';

const [dir, code] = process.argv.slice(2);
if (!dir || !code) throw new Error('usage: crash-child <dir> <code>');
const db = await openEmbedded({ dir });
await db.query(
  `INSERT INTO places (code, name, country, geom) VALUES ($1, 'Crash test', 'ZMB', ST_SetSRID(ST_MakePoint(28, -15), 4326))`,
  [code],
);
console.log('committed');
setInterval(() => {}, 1000);
