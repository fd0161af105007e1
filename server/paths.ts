import { fileURLToPath } from 'node:url';

/** Repository-relative locations, independent of the working directory. */
const root = fileURLToPath(new URL('..', import.meta.url));
export const paths = {
  root,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  client: fileURLToPath(new URL('../client', import.meta.url)),
  clientDist: fileURLToPath(new URL('../dist/client', import.meta.url)),
  data: fileURLToPath(new URL('../data', import.meta.url)),
};
