import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

// `npm start` runs WEB_CONCURRENCY workers on one port, and a scrape reaches whichever worker the
// connection lands on: a worker's own figures would jump between scrapes. So a worker answers
// /metrics with the whole server's: it asks the primary, which collects every worker's registry over
// the cluster's IPC channel (prom-client's AggregatorRegistry) and sums them.

const REQUEST = 'help-center-surveys:metrics-request';
const ANSWER = 'help-center-surveys:metrics-answer';
const TIMEOUT_MS = 10_000;

interface Answer {
  type: typeof ANSWER;
  id: string;
  text?: string;
  error?: string;
}

const isMessage = (message: unknown, type: string): message is { type: string; id: string } =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/** In the primary of `npm start`: answers a worker's request with every worker's metrics summed. */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage(message, REQUEST)) return;
    const answer = (fields: Partial<Answer>) => worker.send({ type: ANSWER, id: message.id, ...fields } satisfies Answer);
    aggregator.clusterMetrics().then(
      (text) => answer({ text }),
      (error: unknown) => answer({ error: String(error) }),
    );
  });
}

/** In a worker, at start: answer the primary's aggregator with this registry. */
export function shareWithPrimary(registry: Registry): void {
  // Constructing one is what makes prom-client listen for the primary's requests in a worker.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** In a worker: the metrics of every worker of the server, summed by the primary. */
export function clusterMetricsText(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const done = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    const onMessage = (message: unknown) => {
      if (!isMessage(message, ANSWER) || message.id !== id) return;
      done();
      const { text, error } = message as Answer;
      if (text === undefined) reject(new Error(`the primary could not collect the workers' metrics: ${error}`));
      else resolve(text);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the primary did not answer a metrics request within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

export const isClusterWorker = () => cluster.isWorker && typeof process.send === 'function';
