import { resolve } from 'node:path';
import { z } from 'zod';
import { checkArchive, PMTILES_PREFIX } from './basemap/archive.js';

/**
 * Every setting, its default and why it exists. Environment variables override defaults;
 * a bad value stops start-up with a message naming the variable (see loadConfig).
 */
const schema = z.object({
  /** Interface to bind. Loopback by default: movement data must not leak onto a LAN by accident. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** HTTP port; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** postgres://… selects the PostGIS server; unset selects the embedded PGlite database. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  /**
   * postgres://… of a read replica (a hot standby of DATABASE_URL): the read-only analysis
   * endpoints (flows, hotspots, access, place summaries, OGC collections, exports) query it;
   * writes and reads that must see them stay on DATABASE_URL. Unset = one database for all.
   */
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  /** Where the embedded database lives (only used without DATABASE_URL). */
  DATA_DIR: z.string().min(1).default('data/db'),
  /** Observation rows the demo generator makes on first start of an empty database. */
  DEMO_ROWS: z.coerce.number().int().min(0).max(20_000_000).default(200_000),
  /** Seed of the demo generator: same seed, same data. */
  DEMO_SEED: z.coerce.number().int().default(20181),
  /** Load the synthetic demo data into an empty database on start. */
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  /** Log level for pino. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Basemap: 'offline' draws from the project's own data; 'online' uses ONLINE_STYLE_URL;
   * 'pmtiles:/path/to/file.pmtiles' serves that vector-tile archive from this server (server/basemap/archive.ts).
   */
  BASEMAP: z
    .union([
      z.enum(['offline', 'online']),
      z.string().startsWith(PMTILES_PREFIX, 'must be offline, online or pmtiles:/path/to/file.pmtiles').min(PMTILES_PREFIX.length + 1),
    ])
    .default('offline'),
  /** A MapLibre style URL, used only when BASEMAP=online. */
  ONLINE_STYLE_URL: z.url().optional(),
  /** Max pg pool connections for the server database. */
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** 'on' lets anonymous callers read viewer-level data (suppressed aggregates); writes still need sign-in. */
  PUBLIC_VIEWER: z.enum(['on', 'off']).default('off'),
  /** Hours a sign-in session lasts. */
  SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** bcrypt cost for passwords; 12 ≈ 0.25 s per hash. Tests lower it to stay quick. */
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** When set, start-up ensures an admin API token with exactly this value (automation, CI). */
  CORRIDOR_ADMIN_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters')
    .max(200)
    .regex(/^[A-Za-z0-9\-._~+/]+=*$/, 'must be a bearer token (letters, digits, -._~+/)')
    .optional(),
  /** Counts 1…k−1 are suppressed in aggregates below data_manager and in every export. */
  SUPPRESSION_K: z.coerce.number().int().min(2).max(100).default(5),
  /** k for protection reports and trafficking indicators (the most sensitive counts). */
  SUPPRESSION_K_SENSITIVE: z.coerce.number().int().min(2).max(100).default(11),
  /**
   * H3 resolution protection reports are shown at below data manager (server/privacy/coarsen.ts):
   * 7 ≈ 5.2 km² a cell, 6 ≈ 36 km²; finer than 7 is refused (docs/privacy.md promises ~5 km² or coarser).
   */
  REPORTS_H3_RES: z.coerce.number().int().min(0).max(7).default(6),
  /** Largest JSON request body (uploads have their own limits). */
  JSON_BODY_LIMIT: z.string().regex(/^\d{1,6}(b|kb|mb)$/, 'expected a size such as 1mb or 512kb').default('1mb'),
  /** Sign-in attempts (password and one-time code) per minute per client address. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /**
   * Requests per minute per caller to endpoints marked heavy (see server/http/security.ts). The
   * analysis panel sends one request per setting changed and one per cell clicked: 120 lets an
   * analyst click through settings briskly while still capping a runaway script.
   */
  HEAVY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Chromium for server-rendered briefs; unset = the usual install paths (server/briefs/render.ts), `off` = none. */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /**
   * Where uploads wait for their import (and the wizard's kept uploads): a directory every
   * Corridor process can read (a shared volume when there are several), so an import queued on
   * one process can run, or be retried, on another.
   */
  UPLOAD_DIR: z.string().min(1).default('data/uploads'),
  /** Lease of a running background job; its owner extends it every third. A job whose owner died is retried (or failed) after this. */
  JOB_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** How often an idle process looks for queued jobs (a job queued by this process starts at once). */
  JOB_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1_000),
  /**
   * Embedded engine: milliseconds an import leaves the engine to other requests between its
   * write steps (server/ingest/spool.ts). 0 writes as fast as it can; a slow laptop shared by
   * several users may trade import speed for quicker maps. Tests raise it to watch progress.
   */
  IMPORT_WRITE_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Largest file POST /imports accepts, in bytes (larger → 413); 512 MiB holds a few million FMR rows. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 ** 3).default(512 * 1024 ** 2),
  /**
   * Key of the HMAC-SHA256 signature on alert webhooks (X-Corridor-Signature: sha256=<hex>), so a
   * receiver can tell our POSTs from anyone's. Unset: webhooks are not sent (the delivery log says why).
   */
  ALERT_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').max(200).optional(),
  /** SMTP server for alert e-mail, smtp://user:pass@host:port (smtps:// for TLS); unset = no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** Sender of alert e-mail. */
  SMTP_FROM: z.string().min(3).max(200).default('Corridor alerts <corridor@localhost>'),
  /** UTC hour at which the day's alerts are evaluated for the latest day with data. */
  ALERT_EVALUATION_HOUR: z.coerce.number().int().min(0).max(23).default(2),
  /** Attempts per webhook or e-mail before it is marked failed; waits double from ALERT_RETRY_BASE_MS. */
  ALERT_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** First retry wait (30 s, then 1, 2, 4, 8 min …): a receiver restarting is back before we give up. */
  ALERT_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
});

// Never echoed in an error message: they end up in consoles and CI logs.
const SECRETS = new Set(['CORRIDOR_ADMIN_TOKEN', 'DATABASE_URL', 'DATABASE_READ_URL', 'ALERT_WEBHOOK_SECRET', 'SMTP_URL']);

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  /** UPLOAD_DIR, absolute. */
  uploadDir: string;
  /** Absolute path of the BASEMAP=pmtiles:… archive, checked at start-up; null for the other basemaps. */
  basemapArchive: string | null;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'config');
    const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(env[name]);
    throw new ConfigError(`invalid ${name}=${shown}: ${issue?.message}`);
  }
  const c = parsed.data;
  if (c.BASEMAP === 'online' && !c.ONLINE_STYLE_URL) {
    throw new ConfigError('BASEMAP=online needs ONLINE_STYLE_URL');
  }
  if (c.DATABASE_READ_URL && !c.DATABASE_URL) {
    // A replica of the embedded engine cannot exist; silently ignoring it would hide a typo.
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL (a replica of the server database)');
  }
  if (c.SUPPRESSION_K_SENSITIVE < c.SUPPRESSION_K) {
    throw new ConfigError('SUPPRESSION_K_SENSITIVE must be at least SUPPRESSION_K');
  }
  let basemapArchive: string | null = null;
  if (c.BASEMAP.startsWith(PMTILES_PREFIX)) {
    try {
      basemapArchive = checkArchive(c.BASEMAP);
    } catch (err) {
      throw new ConfigError(`invalid BASEMAP: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { ...c, dataDir: resolve(c.DATA_DIR), uploadDir: resolve(c.UPLOAD_DIR), basemapArchive };
}
