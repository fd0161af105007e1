/**
 * Content negotiation for compressed responses (issue 19: field users on weak mobile data).
 * Pure functions: the static files and the on-the-fly compression both ask them.
 */
export type Encoding = 'br' | 'gzip' | 'identity';


/**
 * The best encoding an Accept-Encoding header allows: brotli when its q-value is at least
 * gzip's (it is ~15–20 % smaller), gzip, else identity. `*` stands for codings not named.
 * We choose by our preference rather than the header's order: Chromium lists gzip first.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (coding: string): number => q.get(coding) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = Math.max(of('gzip'), q.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

// Text, JSON (GeoJSON, problem+json, TopoJSON), scripts, SVG, wasm and vector tiles shrink a lot;
// images, zips, spreadsheets and PMTiles archives (tiles inside are compressed already) do not.
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|[\w.+-]+\+json|javascript|ecmascript|xml|[\w.+-]+\+xml|wasm|x-ndjson|x-protobuf|vnd\.mapbox-vector-tile)|image\/svg\+xml|font\/(ttf|otf))/i;

/** Whether a Content-Type is worth compressing. */
export function isCompressible(contentType: string | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}
