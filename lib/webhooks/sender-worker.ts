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
  for (const { id, invocation } of batch) void sendInvocation(invocation).then((outcome) => answer(id, outcome));
});
