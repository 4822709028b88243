import { z } from 'zod';

const schema = z.object({
  SURVEY_RESPONSE_TTL_DAYS: z.coerce.number().positive().max(3650).default(28),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD needs at least 8 characters').optional(),
  // How long a stopping server may take to finish the requests in flight before it exits anyway.
  SHUTDOWN_TIMEOUT_S: z.coerce.number().positive().max(3600).default(10),
  // How long an idle kept-alive connection stays open (lib/http/keep-alive.ts): longer than the
  // idle timeout of the load balancer or client pool in front.
  KEEP_ALIVE_TIMEOUT_S: z.coerce.number().positive().max(3600).default(65),
  // Failed credentials allowed per client address and kind inside the window (lib/auth/throttle.ts).
  RATE_LIMIT_FAILURES: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(300),
  // Behind a reverse proxy: the client address is the last one it added to X-Forwarded-For.
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  // The bearer token /metrics asks for; without it /metrics is open (to be kept off the public network).
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters').optional(),
  // The account_id of webhook events (Zendesk receivers may check it against their account's).
  ACCOUNT_ID: z.coerce.number().int().nonnegative().default(1),
  // Webhooks and alert e-mails (lib/webhooks): an endpoint's answer is awaited this long; a failed
  // delivery is tried again after WEBHOOK_RETRY_BASE_MS, doubling each time (at most an hour, with
  // jitter), until WEBHOOK_RETRY_WINDOW_MS after the event; workers look for due deliveries every
  // WEBHOOK_POLL_MS. Private, loopback and link-local endpoints are refused unless allowed.
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(10_000),
  WEBHOOK_RETRY_WINDOW_MS: z.coerce.number().int().positive().default(86_400_000),
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1_000),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  // Alert e-mails for rated_bad go through this server (smtp://user:pass@host:port, or smtps://);
  // without it, alert recipients can be named but nothing is sent.
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Help Center Surveys <surveys@localhost>'),
  // The address this service is reached at, for links in alert e-mails (e.g. https://surveys.example.com).
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

let parsed: z.output<typeof schema> | undefined;

/** The environment, checked once; a bad value stops the process with a clear message. */
export function env() {
  parsed ??= schema.parse(process.env);
  return parsed;
}

/** Forgets the checked environment, so the next env() reads process.env again (tests that change it). */
export function resetEnv(): void {
  parsed = undefined;
}
