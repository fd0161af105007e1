import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MonitoringPointKind, ServiceKind } from './layers/colors.js';

/** Shapes of the /api/v1 responses the client reads (the server owns the contract). */
export interface Health {
  status: 'ok';
  db: { kind: 'embedded' | 'server'; postgres: string; postgis: string };
  schemaVersion: number | string;
  demo: boolean;
  counts: {
    observations: number;
    monitoringPoints: number;
    services: number;
    places: number;
    outreachSites: number;
    reports: number;
  };
}

export interface ClientConfig {
  basemap: 'offline' | 'online';
  onlineStyleUrl?: string;
  /** Whether anonymous visitors may read the catalogue layers (server PUBLIC_VIEWER). */
  publicViewer?: boolean;
}

/** A corridor's code: corridors are data (GET /api/v1/corridors), not a fixed list. */
export type Corridor = string;

export interface MonitoringPointProps {
  id: string | number;
  code: string;
  name: string;
  kind: MonitoringPointKind;
  corridor: Corridor;
  district: string;
  country: string;
  facingCountry: string | null;
  hours: string | null;
  isSynthetic: boolean;
}

export interface ServiceProps {
  id: string | number;
  name: string;
  kind: ServiceKind;
  country: string;
  hours: string | null;
  contact: string | null;
  capacity: number | null;
  isSynthetic: boolean;
}

export interface PlaceProps {
  id: string | number;
  code: string;
  name: string;
  country: string;
  kind: string;
}

export interface OutreachSiteProps {
  id: string | number;
  name: string;
  kind: string;
  corridor: Corridor;
  footfall: number | null;
  cost: number | null;
  isSynthetic: boolean;
}

export type PointFeature<P> = Feature<Point, P>;
export type Points<P> = FeatureCollection<Point, P>;

/** An RFC 9457 problem from the API, kept whole so the UI can say what went wrong. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    url: string,
  ) {
    super(`${url}: ${problem?.title ?? 'HTTP'} ${status}${problem?.detail ? ` — ${problem.detail}` : ''}`);
    this.name = 'ApiError';
  }
}

/**
 * No answer at all: the request never got a response (offline, server down, connection
 * cut). Apart from ApiError (the server answered with a problem) and from a bug in the page.
 */
export class NetworkError extends Error {
  constructor(url: string, cause: unknown) {
    super(`${url}: no response`, { cause });
    this.name = 'NetworkError';
  }
}

/** fetch(), with a rejection that is not an abort turned into a NetworkError. */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(url, err);
  }
}

export async function readProblem(res: Response): Promise<Problem | null> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    return (await res.json()) as Problem;
  } catch {
    return null; // a broken error body must not hide the status we already have
  }
}

/** GET a same-origin JSON resource; non-2xx becomes an ApiError carrying the problem. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, { headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new ApiError(res.status, await readProblem(res), path);
  return (await res.json()) as T;
}

export const api = {
  health: (s?: AbortSignal) => getJson<Health>('/api/v1/health', s),
  clientConfig: (s?: AbortSignal) => getJson<ClientConfig>('/api/v1/client-config', s),
  monitoringPoints: (s?: AbortSignal) =>
    getJson<Points<MonitoringPointProps>>('/api/v1/monitoring-points', s),
  services: (kinds?: readonly ServiceKind[], s?: AbortSignal) =>
    getJson<Points<ServiceProps>>(
      kinds && kinds.length > 0 ? `/api/v1/services?kind=${kinds.join(',')}` : '/api/v1/services',
      s,
    ),
  places: (s?: AbortSignal) => getJson<Points<PlaceProps>>('/api/v1/places', s),
  outreachSites: (s?: AbortSignal) =>
    getJson<Points<OutreachSiteProps>>('/api/v1/outreach-sites', s),
};
