import type { CorridorCode, MonitoringPointKind, ServiceKind } from './vocabulary.js';

/**
 * GET /api/v1/health, /client-config and the catalogue layers' feature properties
 * (/monitoring-points, /services, /places, /outreach-sites; columns in server/catalog/sql.ts).
 */
/** The main tables' row figures, by JSON name. */
export interface TableRows<N> {
  observations: N;
  monitoringPoints: N;
  services: N;
  places: N;
  outreachSites: N;
  reports: N;
  datasets: N;
}

/** GET /api/v1/health: public, cheap (no table scan); 503 { status: 'unavailable' } when the database does not answer. */
export interface Health {
  status: 'ok';
  database: 'up';
  db: { kind: 'embedded' | 'server'; postgres: string; postgis: string };
  schemaVersion: string;
  demo: boolean;
  /**
   * Rows per table from the planner's statistics (reltuples), not exact: null until a table was
   * first analysed, and reports null when suppressed (a small count of people at risk).
   */
  estimatedRows: TableRows<number | null>;
  suppressed?: ['reports'];
}

/** GET /api/v1/admin/stats: exact counts (scans), admin only. */
export interface AdminStats {
  counts: TableRows<number>;
  countedAt: string;
}

export interface ClientConfig {
  /** 'pmtiles': the archive of BASEMAP=pmtiles:… at /api/v1/basemap/archive.pmtiles (common/basemap.ts). */
  basemap: 'offline' | 'online' | 'pmtiles';
  onlineStyleUrl?: string | undefined;
  /** Whether anonymous visitors may read the catalogue layers (server PUBLIC_VIEWER). */
  publicViewer?: boolean;
}

export interface MonitoringPointProps {
  id: string | number;
  code: string;
  name: string;
  kind: MonitoringPointKind;
  corridor: CorridorCode;
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
  admin1?: string | null;
  isApproximate?: boolean;
}

export interface OutreachSiteProps {
  id: string | number;
  name: string;
  kind: string;
  corridor: CorridorCode;
  footfall: number | null;
  cost: number | null;
  isSynthetic: boolean;
}
