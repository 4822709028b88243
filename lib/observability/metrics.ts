import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { databaseLoad, isPostgres } from '@/db/client';
import { ApiError } from '../errors';
import { env } from '../env';
import { clusterMetricsText, isClusterWorker, shareWithPrimary } from './cluster-metrics';

// The figures /metrics shows, in Prometheus' text format (prom-client). Each process counts what it
// did since it started (the Prometheus norm: sum over instances, rate() takes restarts in its
// stride); a server of several workers answers with their sum (cluster-metrics.ts).

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requestDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Time from the start of a request to the end of its answer, by method, route template and status (_count: the requests).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const offered = new Counter({
    name: 'hcs_survey_responses_offered_total',
    help: 'Survey responses created: through the Zendesk API (source="api", to be answered later) or ingested (source="ingestion", answered at once).',
    labelNames: ['source'] as const,
    registers,
  });
  const answered = new Counter({
    name: 'hcs_survey_responses_answered_total',
    help: 'Survey responses answered for the first time: by Submit, from the API or the survey page (source="submit"), or ingested (source="ingestion").',
    labelNames: ['source'] as const,
    registers,
  });
  const deliveries = new Counter({
    name: 'hcs_deliveries_total',
    help: 'Attempts to deliver an event: to a webhook (channel="webhook") or an alert e-mail (channel="email"), by outcome (success, retry, failed).',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  // The dialect never changes while a server runs: the pool's figures only where there is a pool.
  if (isPostgres()) {
    new Gauge({
      name: 'hcs_db_connections',
      help: 'PostgreSQL: connections of the pool, by state (idle or used).',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const load = databaseLoad();
        if (load.dialect !== 'postgres') return;
        this.set({ state: 'idle' }, load.idle);
        this.set({ state: 'used' }, load.total - load.idle);
      },
    });
    new Gauge({
      name: 'hcs_db_connections_max',
      help: 'PostgreSQL: the most connections the pool opens (DATABASE_POOL_MAX).',
      registers,
      collect() {
        const load = databaseLoad();
        if (load.dialect === 'postgres') this.set(load.max);
      },
    });
  }
  new Gauge({
    name: 'hcs_db_waiting',
    help: 'Database work waiting its turn: PostgreSQL queries waiting for a pooled connection; SQLite writes queued behind the one writer.',
    registers,
    collect() {
      this.set(databaseLoad().waiting);
    },
  });
  if (isClusterWorker()) shareWithPrimary(registry);
  return { registry, requestDuration, offered, answered, deliveries };
}

// One set of metrics per process, even when the bundler gives several route chunks their own copy of
// this module (prom-client itself is loaded from node_modules once: next.config.ts).
const KEY = Symbol.for('help-center-surveys.metrics');
type Holder = { [KEY]?: ReturnType<typeof create> };

export function metrics(): ReturnType<typeof create> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= create());
}

export type OfferSource = 'api' | 'ingestion';
export type AnswerSource = 'submit' | 'ingestion';

export const countOffered = (source: OfferSource) => metrics().offered.inc({ source });
export const countAnswered = (source: AnswerSource) => metrics().answered.inc({ source });
export const countDelivery = (channel: 'webhook' | 'email', outcome: 'success' | 'retry' | 'failed') => metrics().deliveries.inc({ channel, outcome });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `authorization` is `Bearer <METRICS_TOKEN>`, compared in constant time; any when unset. */
export function metricsAllowed(authorization: string | undefined, token = env().METRICS_TOKEN): boolean {
  if (token === undefined) return true;
  const given = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** The metrics as Prometheus' text format; 401 without the bearer METRICS_TOKEN when one is set. */
export async function scrapeMetrics({ authorization }: { authorization?: string }): Promise<{ text: string; contentType: string }> {
  if (!metricsAllowed(authorization)) {
    throw new ApiError('Unauthorized', [{ title: 'Unauthorized to access the resource' }], { 'WWW-Authenticate': 'Bearer realm="metrics"' });
  }
  const { registry } = metrics();
  return { text: isClusterWorker() ? await clusterMetricsText() : await registry.metrics(), contentType: registry.contentType };
}
