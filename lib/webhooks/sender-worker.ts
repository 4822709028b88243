import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ClaimedInvocation } from '@/db/outbox';
import { notSent, sendInvocation, type InvocationOutcome } from './send-invocation';

// The sender thread's entry (sender-thread.ts starts it): sends each invocation it is handed and
// answers with the outcome under the same number. Outcomes that arrive in the same turn of the event
// loop go back in one message.

// Requests first: the thread runs at a lower priority (nice 10) than the one answering requests, so
// where both want the same core the request wins, and deliveries take the time left over (a busy
// server still gives them about a tenth of a core it is short of). On Linux a thread has an id of its
// own (/proc/thread-self names it) and setpriority takes it; elsewhere the thread keeps the process's
// priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: deliveries share the cores as equals
}

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
      (error: unknown) => answer(id, notSent(error)),
    );
  }
});
