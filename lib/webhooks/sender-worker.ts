import { parentPort } from 'node:worker_threads';
import type { ClaimedInvocation } from '@/db/outbox';
import { sendInvocation, type InvocationOutcome } from './send-invocation';

// The sender thread's entry (sender-thread.ts starts it): sends each invocation it is handed and
// answers with the outcome under the same number. Outcomes that arrive in the same turn of the event
// loop go back in one message.

let answers: { id: number; outcome: InvocationOutcome }[] = [];
const answer = (id: number, outcome: InvocationOutcome) => {
  if (answers.length === 0) {
    setImmediate(() => {
      parentPort!.postMessage(answers);
      answers = [];
    });
  }
  answers.push({ id, outcome });
};

parentPort!.on('message', (batch: { id: number; invocation: ClaimedInvocation }[]) => {
  for (const { id, invocation } of batch) {
    // sendInvocation never throws by design; should it, the send is still answered (a failed attempt,
    // tried again) rather than left for its lease to run out.
    void sendInvocation(invocation).then(
      (outcome) => answer(id, outcome),
      (error: unknown) => answer(id, { statusCode: null, body: `Not sent: ${error instanceof Error ? error.message : String(error)}`, durationMs: 0 }),
    );
  }
});
