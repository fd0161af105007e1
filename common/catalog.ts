import type { CorridorCode, MonitoringPointKind, ServiceKind } from './vocabulary.js';

/**
 * GET /api/v1/health, /client-config and the catalogue layers' feature properties
 * (/monitoring-points, /services, /places, /outreach-sites; columns in server/catalog/sql.ts).
 */
export interface Health {
  status: 'ok';
  db: { kind: 'embedded' | 'server'; postgres: string; postgis: string };
  schemaVersion: string;
  demo: boolean;
  /** Whole-table row counts; reports is null when suppressed (a small count of people at risk). */
  counts: {
    observations: number;
    monitoringPoints: number;
    services: number;
    places: number;
    outreachSites: number;
    reports: number | null;
    datasets: number;
  };
  suppressed?: ['reports'];
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
