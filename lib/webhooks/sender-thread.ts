import { Worker } from 'node:worker_threads';
import type { ClaimedInvocation } from '@/db/outbox';
import { logger } from '../observability/log';
import type { InvocationOutcome, InvocationSender } from './send-invocation';

// Webhook requests leave from a thread of their own. Sending one (the address guard, signing, the
// HTTP exchange, parsing the answer) costs the JavaScript thread several times what claiming and
// recording it in the database does, and that thread is the one answering requests: on the request
// thread, three webhooks took a fifth of the server's throughput of creates. The database work
// stays on the request thread (one writer, one pool); only the network moves.
//
// If the thread stops, the sends it held fail (their leases run out and they are sent again, as after
// a crash) and the next send starts a new thread.

interface Pending {
  resolve: (outcome: InvocationOutcome) => void;
  reject: (error: Error) => void;
}

export function threadSender(): InvocationSender {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();
  // The invocations handed over in one turn of the event loop (a round's claims) go in one message.
  let outgoing: { id: number; invocation: ClaimedInvocation }[] = [];

  const start = () => {
    const started = new Worker(new URL('./sender-worker.ts', import.meta.url));
    started.unref();
    started.on('message', (answers: { id: number; outcome: InvocationOutcome }[]) => {
      for (const { id, outcome } of answers) {
        pending.get(id)?.resolve(outcome);
        pending.delete(id);
      }
    });
    started.on('error', (error) => logger().error({ err: error.message }, 'webhook sender thread failed'));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      const stopped = new Error(`the webhook sender thread stopped (exit code ${code})`);
      for (const [id, waiting] of pending) {
        waiting.reject(stopped);
        pending.delete(id);
      }
    });
    return started;
  };

  const flush = () => {
    const batch = outgoing;
    outgoing = [];
    worker ??= start();
    worker.postMessage(batch);
  };

  return (invocation: ClaimedInvocation) =>
    new Promise<InvocationOutcome>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      if (outgoing.length === 0) setImmediate(flush);
      outgoing.push({ id, invocation });
    });
}
