/**
 * The client build writes `file.br` and `file.gz` next to each compressible file of at least
 * PRECOMPRESS_MIN_BYTES (client/build/precompress.ts); the server sends the variant a caller
 * accepts (server/http/static.ts). Both read these names from here.
 */
export const PRECOMPRESSED_EXTENSIONS = ['.js', '.mjs', '.css', '.html', '.json', '.svg', '.wasm', '.txt', '.webmanifest'];
export const PRECOMPRESS_MIN_BYTES = 1024;
export const SUFFIX = { br: '.br', gzip: '.gz' } as const;
