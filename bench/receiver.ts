// The bench's webhook receiver, in a process of its own (bench/run.ts forks it): a real receiver runs
// on another machine, so this one must take as little as it can of the one the server is measured
// on, and nothing of the load generator's thread. It reads HTTP/1.1 requests off kept-alive sockets
// with just enough parsing to find where each ends (the head, then Content-Length bytes of body),
// answers each `204 No Content` at once and counts them. It tells its port once listening and
// answers each message with the count so far.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const ANSWER = Buffer.from('HTTP/1.1 204 No Content\r\nKeep-Alive: timeout=65\r\n\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
let delivered = 0;

function serve(socket: Socket) {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let answers = 0;
    for (;;) {
      const headEnd = pending.indexOf(HEAD_END);
      if (headEnd < 0) break;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const end = headEnd + HEAD_END.length + length;
      if (pending.length < end) break;
      pending = pending.subarray(end);
      answers++;
    }
    if (answers === 0) return;
    delivered += answers;
    socket.write(answers === 1 ? ANSWER : Buffer.concat(Array.from({ length: answers }, () => ANSWER)));
  });
  socket.on('error', () => socket.destroy());
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('message', () => process.send!({ delivered }));
process.on('disconnect', () => process.exit(0));
