import { resolve } from 'node:path';
import { z } from 'zod';

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
  /** Basemap: 'offline' draws from the project's own data; 'online' uses ONLINE_STYLE_URL. */
  BASEMAP: z.enum(['offline', 'online']).default('offline'),
  /** A MapLibre style URL, used only when BASEMAP=online. */
  ONLINE_STYLE_URL: z.url().optional(),
  /** Max pg pool connections for the server database. */
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'config');
    throw new ConfigError(`invalid ${name}=${JSON.stringify(env[name])}: ${issue?.message}`);
  }
  const c = parsed.data;
  if (c.BASEMAP === 'online' && !c.ONLINE_STYLE_URL) {
    throw new ConfigError('BASEMAP=online needs ONLINE_STYLE_URL');
  }
  return { ...c, dataDir: resolve(c.DATA_DIR) };
}
