import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '../env';

// The server's structured log: one JSON object per line on stdout (pino), at LOG_LEVEL (default
// info). Request lines carry the route template, never the raw URL, so no id, token or query string
// reaches the log; as a second guard, fields named like a credential are censored wherever they are.

const SECRET_KEYS = ['authorization', 'cookie', 'password', 'token', 'access_token', 'accessToken', 'writeKey', 'secret'];

/** The paths pino censors: a secret-named field at the top level or up to two levels down. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger({ level, destination }: { level: string; destination?: DestinationStream }): Logger {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  // Asynchronous writes (a request never waits for stdout), flushed when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

// One logger per process, even when the bundler gives several route chunks their own copy of this module.
const KEY = Symbol.for('help-center-surveys.logger');
type Holder = { [KEY]?: Logger };

export function logger(): Logger {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createLogger({ level: env().LOG_LEVEL }));
}
