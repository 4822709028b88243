// Runs once when the server starts: stop gracefully on SIGTERM or SIGINT within SHUTDOWN_TIMEOUT_S
// (lib/http/shutdown.ts), hold idle kept-alive connections for KEEP_ALIVE_TIMEOUT_S
// (lib/http/keep-alive.ts), note each request's client address for the limits on failed credentials
// (lib/http/client-address.ts), log and measure every request (lib/observability/requests.ts),
// migrate (by opening the database), seed an empty one, and on SQLite move WAL checkpoints off the
// request path (db/sqlite/checkpoints.ts); then deliver webhooks and alert e-mails from the outbox
// (lib/webhooks/delivery.ts; webhook requests leave from a thread of their own), claiming no more
// once a stop begins.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stopGracefully } = await import('./lib/http/shutdown');
    const { recordClientAddresses } = await import('./lib/http/client-address');
    const { env } = await import('./lib/env');
    const { logger } = await import('./lib/observability/log');
    let stopDelivery = () => {};
    stopGracefully({ timeoutS: env().SHUTDOWN_TIMEOUT_S, log: (line) => logger().info(line), onStop: () => stopDelivery() });
    const { keepConnectionsAlive } = await import('./lib/http/keep-alive');
    keepConnectionsAlive({ timeoutS: env().KEEP_ALIVE_TIMEOUT_S });
    recordClientAddresses({ trustProxy: env().TRUST_PROXY });
    const { observeRequests } = await import('./lib/observability/requests');
    observeRequests();
    const { bootstrap } = await import('./lib/bootstrap');
    await bootstrap();
    const { startBackgroundCheckpoints } = await import('./db/sqlite/checkpoints');
    startBackgroundCheckpoints();
    const { startDelivery } = await import('./lib/webhooks/delivery');
    const { threadSender } = await import('./lib/webhooks/sender-thread');
    const delivery = startDelivery({ send: threadSender() });
    stopDelivery = () => void delivery.stop();
  }
}
