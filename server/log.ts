import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs (pino); request ids come from the HTTP middleware. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'corridor' } });
}
