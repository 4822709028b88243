// Where a slice's CPU time went, by role, read from /proc (Linux; elsewhere every figure is 0): the
// server's request threads (the main thread of each of its processes), the server's other threads
// (the webhook sender, the WAL checkpointer, libuv's pool, V8's helpers), PostgreSQL's processes, the
// load generator (this process), the webhook receiver, and the rest of the machine, with the share
// of all cores left idle. On a machine where all of them share the same cores, this says which one a
// route's req/s waits for: a request thread near one core is the server's own limit; idle cores near
// 0 % with the request thread below one core is the machine's.
import { readdirSync, readFileSync } from 'node:fs';

const ROLES = ['request', 'threads', 'database', 'bench', 'receiver', 'rest'] as const;
type Role = (typeof ROLES)[number];

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on every Linux build in use). */
const HZ = 100;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** utime + stime of a /proc stat line, in ticks (fields 14 and 15; the name in field 2 may hold spaces). */
function ticksOf(stat: string | undefined): number {
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const children = (pid: number): number[] =>
  (read(`/proc/${pid}/task/${pid}/children`) ?? '').split(' ').filter(Boolean).map(Number);
const tree = (pid: number): number[] => [pid, ...children(pid).flatMap(tree)];

function isPostgres(pid: string): boolean {
  return read(`/proc/${pid}/comm`)?.trim() === 'postgres';
}

export interface CpuSnapshot {
  ticks: Record<Role, number>;
  /** PostgreSQL's processes by pid: a backend that exits between two snapshots takes its counter with it. */
  database: Map<number, number>;
  /** Machine-wide: all ticks and idle ticks, over every core. */
  machine: { total: number; idle: number };
}

/** Counters now, for `serverPid`'s process tree and `receiverPid`. */
export function cpuSnapshot(serverPid: number, receiverPid: number | undefined): CpuSnapshot {
  const ticks: Record<Role, number> = { request: 0, threads: 0, database: 0, bench: 0, receiver: 0, rest: 0 };
  for (const pid of tree(serverPid)) {
    for (const tid of readdirSafe(`/proc/${pid}/task`)) {
      ticks[Number(tid) === pid ? 'request' : 'threads'] += ticksOf(read(`/proc/${pid}/task/${tid}/stat`));
    }
  }
  const database = new Map<number, number>();
  for (const pid of readdirSafe('/proc')) if (/^\d+$/.test(pid) && isPostgres(pid)) database.set(Number(pid), ticksOf(read(`/proc/${pid}/stat`)));
  const usage = process.cpuUsage();
  ticks.bench = ((usage.user + usage.system) / 1e6) * HZ;
  if (receiverPid) ticks.receiver = ticksOf(read(`/proc/${receiverPid}/stat`));
  const cpu = (read('/proc/stat') ?? '').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { ticks, database, machine: { total, idle } };
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export interface CpuSpent {
  /** CPU seconds by role; `rest` is the machine's busy time that none of the others account for. */
  seconds: Record<Role, number>;
  /** Busy and idle core-seconds of the whole machine over the same time. */
  busy: number;
  idle: number;
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuSpent {
  const seconds = {} as Record<Role, number>;
  for (const role of ROLES) seconds[role] = (b.ticks[role] - a.ticks[role]) / HZ;
  // The processes alive at the end; one started in between counts from its start.
  seconds.database = [...b.database].reduce((sum, [pid, ticks]) => sum + ticks - (a.database.get(pid) ?? 0), 0) / HZ;
  const busy = (b.machine.total - a.machine.total - (b.machine.idle - a.machine.idle)) / HZ;
  const idle = (b.machine.idle - a.machine.idle) / HZ;
  seconds.rest = Math.max(0, busy - ROLES.filter((r) => r !== 'rest').reduce((sum, r) => sum + seconds[r], 0));
  return { seconds, busy, idle };
}

export function addSpent(a: CpuSpent | undefined, b: CpuSpent): CpuSpent {
  if (!a) return b;
  const seconds = {} as Record<Role, number>;
  for (const role of ROLES) seconds[role] = a.seconds[role] + b.seconds[role];
  return { seconds, busy: a.busy + b.busy, idle: a.idle + b.idle };
}

/** "request 1,020 · threads 80 · database 310 · bench 240 · receiver 0 · rest 60 µs/req; idle 4 %" */
export function describeSpent(spent: CpuSpent, requests: number): string {
  const per = (s: number) => Math.round((s * 1e6) / Math.max(1, requests)).toLocaleString('en-US');
  const all = spent.busy + spent.idle;
  return `${ROLES.map((r) => `${r} ${per(spent.seconds[r])}`).join(' · ')} µs/req; cores idle ${all > 0 ? ((100 * spent.idle) / all).toFixed(0) : '?'} %`;
}
