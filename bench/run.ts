// `npm run bench [-- --rows 1000,1000000 --duration 10 --db postgres --workers 1,2]`: autocannon (10
// connections) against `npm start`'s server, each API route beside the trivial route of the same build
// in the same run. `--db postgres` measures SQLite and PostgreSQL one after the other and prints them
// side by side; `--workers 1,2` does the same for WEB_CONCURRENCY.
// `--webhooks 0,3` measures each route without webhooks and with three active webhooks subscribed to
// every event (delivered to a receiver in a process of its own), in alternating slices, and prints the two
// side by side, with how long the deliveries took to arrive after each slice.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { closeDb } from '@/db/client';
import { copyDatabase } from '@/db/copy';
import { createDatabase, createDatabaseFromTemplate } from '@/db/postgres/databases';
import { createApiToken } from '@/lib/auth/api-tokens';
import { bootstrap } from '@/lib/bootstrap';
import { idTime } from '@/lib/ids';
import { encodeCursor } from '@/lib/survey-responses/cursor';
import { fillSurveyResponses } from '@/lib/survey-responses/synthetic';
import { createSurvey, listSurveys, loadVersion } from '@/lib/surveys/surveys';
import { createWriteKey } from '@/lib/auth/write-keys';
import { randomUUID } from 'node:crypto';
import { addUser, listUsers } from '@/lib/users/users';
import { hashPassword } from '@/lib/auth/secrets';
import { signIn } from '@/lib/admin/session';
import type { UserRow } from '@/db/schema';
import { updateUser } from '@/db/users';
import { serverEnv } from '../scripts/server-env';
import { displayLocale } from '@/lib/i18n/locales';
import { download, plainExport, type Download } from './export';
import { startTestPostgres } from '../scripts/test-postgres';
import { addSpent, cpuBetween, cpuSnapshot, describeSpent, type CpuSpent } from './cpu';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3300' },
    // Keep a database filled by an earlier run (filling 10^6 rows takes about two minutes).
    reuse: { type: 'boolean', default: false },
    // Only the routes whose name contains one of these comma-separated texts.
    only: { type: 'string', default: '' },
    // `postgres`: SQLite, then PostgreSQL (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else an embedded one).
    db: { type: 'string', default: 'sqlite' },
    // WEB_CONCURRENCY values to measure, comma-separated.
    workers: { type: 'string', default: '1' },
    // Active webhooks subscribed to every event while the routes are measured, comma-separated
    // (e.g. 0,3: each route without webhooks, then with three, on the same server).
    webhooks: { type: 'string', default: '0' },
  },
});
type Db = 'sqlite' | 'postgres';
const dbs: Db[] = values.db === 'postgres' ? ['sqlite', 'postgres'] : ['sqlite'];
const workerCounts = values.workers.split(',').map(Number);
const rowCounts = values.rows.split(',').map(Number);
const webhookCounts = values.webhooks.split(',').map(Number);
const wanted = (name: string) => values.only.split(',').some((text) => name.includes(text));
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;

interface Line {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  /** Requests answered as expected, and the seconds measured. */
  ok: number;
  seconds: number;
  /** With webhooks: seconds from the end of the slice until every delivery its requests caused had arrived. */
  drain?: number;
  /** The req/s of every slice, in order. */
  slices?: number[];
  trivial?: Line;
  /** Where the CPU time of every slice went (bench/cpu.ts), and the requests those slices answered. */
  cpu?: { spent: CpuSpent; requests: number };
  rss?: number;
  spread?: [number, number];
}
/** `expect`: the status that counts as success (the page's form post answers 303). */
type Scenario = { name: string; requests: autocannon.Request[]; expect?: number };

type Admin = Pick<UserRow, 'id' | 'email' | 'role' | 'locale'>;

/** The seeded CSAT survey as the bench admin sees it, and the fill input for responses to it. */
async function csatSurvey(admin: Admin) {
  const actor = { id: admin.id, email: admin.email ?? '', role: admin.role, locale: admin.locale };
  const survey = (await listSurveys({ actor, locale: 'en-us' })).surveys[0]!;
  const version = (await loadVersion(survey.id, survey.version))!;
  const fill = { surveyId: survey.id, version: survey.version, definition: version.definition, responderIds: [admin.id] };
  return { actor, survey, definition: version.definition, fill };
}

const filled = new Set<string>();

async function prepare(rows: number, db: Db, postgresAdmin: string | undefined) {
  // The filled database stays as filled; each run works on a copy of it, so what one run creates
  // (creates, ingests, submits) never changes what the next one measures.
  const pristine = `.bench-data/rows-${rows}.db`;
  const file = `.bench-data/rows-${rows}.run.db`;
  const metaFile = `.bench-data/rows-${rows}.json`;
  // Filled once per run: every database and worker count of this run measures the same rows.
  const reuse = (values.reuse || filled.has(pristine)) && existsSync(pristine) && existsSync(metaFile);
  filled.add(pristine);
  mkdirSync('.bench-data', { recursive: true });
  const started = Date.now();
  await closeDb();
  if (!reuse) {
    for (const f of [pristine, `${pristine}-wal`, `${pristine}-shm`, metaFile, `.bench-data/rows-${rows}.postgres`]) rmSync(f, { force: true });
    process.env.DATABASE_URL = `file:${pristine}`;
    await bootstrap(() => {});
    const { fill } = await csatSurvey(await addUser({ email: 'bench@example.com', name: 'Bench', role: 'admin', locale: 'en-us' }));
    const { sample } = await fillSurveyResponses({ ...fill, count: rows, days: 180 });
    writeFileSync(metaFile, JSON.stringify({ sample }));
  } else {
    // Migrate the kept file in place once (a new migration would otherwise run on every copy).
    process.env.DATABASE_URL = `file:${pristine}`;
    await bootstrap(() => {});
  }
  await closeDb(); // the last connection to close checkpoints the WAL into the file
  const url = db === 'postgres' ? await postgresCopy(rows, `file:${pristine}`, postgresAdmin!) : sqliteCopy(pristine, file);
  process.env.DATABASE_URL = url;
  const { sample } = JSON.parse(readFileSync(metaFile, 'utf8')) as { sample: string[] };
  const admin = (await listUsers()).find((u) => u.email === 'bench@example.com')!;
  const { token } = await createApiToken({ description: 'bench' });
  // The admin view's pages: a signed-in session, as a browser would hold it.
  const password = randomUUID();
  await updateUser({ id: admin.id, passwordHash: await hashPassword(password) });
  const session = await signIn({ email: 'bench@example.com', password });
  if (!session.ok) throw new Error('the bench admin could not sign in');
  const { writeKey } = await createWriteKey({ description: 'bench' });
  const { actor, survey, definition, fill } = await csatSurvey(admin);
  // Submits need responses that have not expired: a thousand from the last hour, on tickets of their
  // own (tickets 1..rows each have exactly one response, which the one-ticket list reads).
  const { kept } = await fillSurveyResponses({ ...fill, count: 1000, days: 1 / 24, keep: 1000, firstTicket: rows + 1 });
  console.log(`${reuse ? 'copied' : 'filled and copied'} ${rows} responses in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const cursors = await Promise.all(sample.map((id) => encodeCursor('id', id)));
  const label = (v: string) => ({ type: 'static' as const, value: v });
  const campaign = await createSurvey({
    actor,
    survey: {
      type: 'NET_PROMOTER_SCORE',
      state: 'enabled',
      questions: [
        { type: 'rating_scale_numeric', sub_type: 'net_promoter_score', headline: label('Recommend us?'), options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: label(String(r)) })) },
        { type: 'open_ended', alias: 'why', headline: label('Why?') },
      ],
    },
  });
  await closeDb();
  const auth = `Basic ${Buffer.from(`${admin.email}/token:${token}`).toString('base64')}`;
  // Lookups use 1,000 rows spread over the whole table (ticket N is the N-th filled row). Reads at random
  // over all of a 10^6-row file go to disk on this VM (its page cache holds ~350 MB): that would
  // measure the disk, while the scaling line is about what a query costs as the table grows.
  const every = Math.max(1, Math.floor(rows / 1000));
  const sampleTickets = sample.map((_, k) => k * every + 1);
  const cookie = `hcs_session=${session.token}`;
  return { url, auth, cookie, writeKey, campaign: campaign.id, survey, kept, sample, sampleTickets, cursors, rows, definition };
}

function sqliteCopy(pristine: string, file: string): string {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  copyFileSync(pristine, file);
  return `file:${file}`;
}

/**
 * The PostgreSQL twin of the filled SQLite file: copied into a database of its own once (kept with
 * --reuse, like the file), then each run measures a fresh database made from it as a template.
 */
async function postgresCopy(rows: number, from: string, admin: string): Promise<string> {
  const pristine = `hcs_bench_${rows}`;
  const marker = `.bench-data/rows-${rows}.postgres`;
  if (!((values.reuse || filled.has(marker)) && existsSync(marker) && readFileSync(marker, 'utf8') === admin)) {
    filled.add(marker);
    rmSync(marker, { force: true });
    const started = Date.now();
    await copyDatabase({ from, to: await createDatabase(admin, pristine) });
    writeFileSync(marker, admin);
    console.log(`copied ${rows} responses to PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return createDatabaseFromTemplate(admin, `${pristine}_run`, pristine);
}

function scenarios(ctx: Awaited<ReturnType<typeof prepare>>): Scenario[] {
  const headers = { authorization: ctx.auth, 'content-type': 'application/json' };
  const [rating, , comment] = ctx.definition.questions;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const submitBody = (token: string) => JSON.stringify({ survey_response: { access_token: token, answers: [
    { type: 'rating_scale', question_id: rating!.id, rating: 5 },
    { type: 'open_ended', question_id: comment!.id, value: 'Benchmark' },
  ] } });
  return [
    { name: 'trivial GET /api/health', requests: [{ method: 'GET', path: '/api/health' }] },
    { name: 'create POST survey_responses', requests: [{ method: 'POST', path: '/api/v2/guide/survey_responses', headers,
      body: JSON.stringify({ survey_response: { survey_id: ctx.survey.id, responder_id: 1, subject_zrns: [`zen:ticket:${ctx.rows + 5000}`], locale: 'de' } }) }] },
    { name: 'submit POST survey_responses/{id}', requests: [{ method: 'POST', headers, setupRequest: (req) => {
      const { id, token } = pick(ctx.kept);
      return { ...req, path: `/api/v2/guide/survey_responses/${id}`, body: submitBody(token) };
    } }] },
    { name: 'show GET {locale}/survey_responses/{id}', requests: [{ method: 'GET', headers, setupRequest: (req) =>
      ({ ...req, path: `/api/v2/guide/de/survey_responses/${pick(ctx.sample)}` }) }] },
    // What a helpdesk integration asks most: the response(s) of one ticket.
    { name: 'list GET survey_responses?filter[subject]', requests: [{ method: 'GET', headers, setupRequest: (req) =>
      ({ ...req, path: `/api/v2/guide/survey_responses?filter[subject_zrns]=zen:ticket:${pick(ctx.sampleTickets)}` }) }] },
    { name: 'list GET survey_responses (100 per page)', requests: [{ method: 'GET', headers, setupRequest: (req) =>
      ({ ...req, path: `/api/v2/guide/survey_responses?page[size]=100&page[after]=${pick(ctx.cursors)}` }) }] },
    // One agent's responses (100 agents share the table), from a point spread over the table. Pages of
    // 10: with 10^3 rows an agent has 10 to 20 responses after a cursor, so pages of 100 would hold 14
    // rows there on average and 100 at 10^6, and the line would compare the size of the answers.
    { name: 'list GET survey_responses?filter[assignee_ids]', requests: [{ method: 'GET', headers, setupRequest: (req) =>
      ({ ...req, path: `/api/v2/guide/survey_responses?page[size]=10&filter[assignee_ids]=${1 + Math.floor(Math.random() * 100)}&page[after]=${pick(ctx.cursors)}` }) }] },
    // The change feed as a sync client resumes it: 100 responses changed since a time spread over the table.
    { name: 'feed GET survey_responses?sort=updated_at', requests: [{ method: 'GET', headers, setupRequest: (req) =>
      ({ ...req, path: `/api/v2/guide/survey_responses?sort=updated_at&filter[updated_at_start]=${idTime(pick(ctx.sample))}` }) }] },
    // SatisMeter-style ingestion from an app: a new user each time, so no duplicate is refused.
    { name: 'ingest POST /api/responses', expect: 201, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) =>
      ({ ...req, body: JSON.stringify({ writeKey: ctx.writeKey, campaign: ctx.campaign, rating: Math.floor(Math.random() * 11), userId: randomUUID(), answers: [{ id: 'why', value: 'Bench' }] }) }),
      path: '/api/responses' }] },
    // The customer's page from an emailed link, and its form post (answered by a 303 back to the page).
    { name: 'page GET /hc/de/survey_responses/{id}', requests: [{ method: 'GET', setupRequest: (req) => {
      const { id, token } = pick(ctx.kept);
      return { ...req, path: `/hc/de/survey_responses/${id}?access_token=${token}&rating=5` };
    } }] },
    { name: 'page POST /hc/de/survey_responses/{id}', expect: 303, requests: [{ method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, setupRequest: (req) => {
        const { id, token } = pick(ctx.kept);
        const form = new URLSearchParams({ access_token: token, [`answer.${rating!.id}`]: '5', [`answer.${comment!.id}`]: 'Benchmark' });
        return { ...req, path: `/hc/de/survey_responses/${id}`, body: form.toString() };
      } }] },
    // The admin view: the overview of the CSAT survey (last 30 days) and the newest responses.
    { name: 'admin GET /admin (overview)', requests: [{ method: 'GET', path: '/admin', headers: { cookie: ctx.cookie } }] },
    { name: 'admin GET /admin/survey_responses', requests: [{ method: 'GET', path: '/admin/survey_responses', headers: { cookie: ctx.cookie } }] },
    { name: 'admin GET /admin/survey_responses?rating=2', requests: [{ method: 'GET', path: `/admin/survey_responses?survey=${ctx.survey.id}&rating=2`, headers: { cookie: ctx.cookie } }] },
  ];
}

/** The JavaScript a browser loads with the survey page: every script it names, as sent. */
async function pageScriptBytes(ctx: Awaited<ReturnType<typeof prepare>>): Promise<{ files: number; bytes: number; gzip: number }> {
  const { id, token } = ctx.kept[0]!;
  const html = await (await fetch(`${base}/hc/en-us/survey_responses/${id}?access_token=${token}&rating=5`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  let bytes = Buffer.byteLength(inline);
  let gzip = gzipSync(inline).length;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: sources.length, bytes, gzip };
}

const tree = (pid: number): number[] => [pid, ...spawnSync('pgrep', ['-P', String(pid)]).stdout.toString().split('\n').filter(Boolean).map(Number).flatMap(tree)];

/** The resident memory of the server's processes: the largest one (a worker) and all of them. */
function rssMb(pid: number): { worker: number; total: number } {
  const each = tree(pid).map((p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  });
  return { worker: Math.max(0, ...each), total: each.reduce((a, b) => a + b, 0) };
}

/**
 * The CSV export of every response over HTTP, as the same bytes as the plain script writes
 * (bench/export.ts) and as a browser asks for it (gzip, which Next's compression then applies),
 * against the plain script: in alternating rounds so all see the same machine; each is given its
 * fastest round.
 */
async function measureExport(ctx: Awaited<ReturnType<typeof prepare>>, pid: number) {
  const pids = tree(pid);
  const locale = displayLocale((await listUsers()).find((u) => u.email === 'bench@example.com')!.locale);
  const path = '/admin/survey_responses/export';
  // Warm-up: the route's first compilation and both sides' JIT, on one ticket's response.
  await download(base, `${path}?subject=zen:ticket:1`, ctx.cookie, pids);
  const rounds = { plain: [] as Awaited<ReturnType<typeof plainExport>>[], http: [] as Download[], gzip: [] as Download[] };
  for (let round = 0; round < (ctx.rows >= 100_000 ? 2 : 20); round++) {
    rounds.plain.push(await plainExport(locale));
    rounds.http.push(await download(base, path, ctx.cookie, pids));
    rounds.gzip.push(await download(base, path, ctx.cookie, pids, 'gzip, deflate, br, zstd'));
  }
  await closeDb();
  return rounds;
}

function printExport(title: string, rounds: Awaited<ReturnType<typeof measureExport>>) {
  // Milliseconds for a small table, where a round takes a few of them (CPU time counts in 10 ms ticks).
  const small = rounds.plain[0]!.seconds < 1;
  const time = (s: number) => (small ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
  const fastest = <T extends { seconds: number; cpu: number }>(list: T[]) => ({
    ...list.reduce((a, b) => (b.seconds < a.seconds ? b : a)),
    leastCpu: Math.min(...list.map((d) => d.cpu)),
    all: small
      ? `median ${time([...list].sort((a, b) => a.seconds - b.seconds)[list.length >> 1]!.seconds)}`
      : list.map((d) => `${d.seconds.toFixed(2)}/${d.cpu.toFixed(2)}`).join(', '),
  });
  const [plain, http, gzip] = [fastest(rounds.plain), fastest(rounds.http), fastest(rounds.gzip)];
  const rss = Math.max(...[...rounds.http, ...rounds.gzip].map((d) => d.rss));
  const same = plain.bytes === http.bytes && plain.lines === http.lines - 1;
  console.log(`\nCSV export of every response, ${title}: ${plain.lines} rows, ${(http.bytes / 1e6).toFixed(1)} MB` +
    `${same ? ', the same bytes from both' : ` (the plain script wrote ${plain.bytes} bytes in ${plain.lines} rows: not the same)`}; ` +
    `each one's fastest of ${rounds.plain.length} alternating rounds${small ? '' : ' (rounds: wall/CPU seconds)'}`);
  const line = (name: string, d: typeof http) =>
    console.log(`  ${name.padEnd(46)}${time(d.seconds).padStart(9)}  ratio ${(d.seconds / plain.seconds).toFixed(2)}` +
      `${small ? '' : `, CPU ${(d.leastCpu / plain.leastCpu).toFixed(2)}`}  (${d.all})`);
  line('GET /admin/survey_responses/export', http);
  line(`the same as a browser asks (gzip, ${(gzip.bytes / 1e6).toFixed(1)} MB sent)`, gzip);
  console.log(`  ${'plain script: the same rows, CSV to /dev/null'.padEnd(46)}${time(plain.seconds).padStart(9)}  (${plain.all})`);
  console.log(`  peak server RSS while exporting: ${rss.toFixed(0)} MB (sampled every 200 ms)`);
}

// A run that fails stops its server too, or the next run would find the port taken.
let serving: ChildProcess | undefined;
process.on('exit', () => serving?.kill('SIGTERM'));

async function startServer(url: string, workers: number): Promise<ChildProcess> {
  const server = serving = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], {
    // The bench's webhook receiver listens on 127.0.0.1.
    env: { ...serverEnv(), DATABASE_URL: url, PORT: String(port), WEB_CONCURRENCY: String(workers), WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

const SLICES = 5;
// V8 compiles code to its fastest tier only after many calls: a fresh server's create, under load in
// 5 s windows, climbed from 180 to 345-390 req/s on PostgreSQL and from 290 to 380-500 on SQLite, and
// was steady only after 15 to 20 s. Measured before that, the slices would compare warm-ups. So each
// server first serves all the routes to be measured, in turn, for SERVER_WARMUP_S (the request path
// they share warms once), and then each route alone for WARMUP_S before its slices.
const SERVER_WARMUP_S = 20;
const WARMUP_S = 8;

/** The slice with the median throughput; errors summed over all slices. */
function median(slices: Line[]): Line {
  const sorted = [...slices].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor(sorted.length / 2)]!, errors: slices.reduce((n, l) => n + l.errors, 0) };
}

async function measure(s: Scenario, seconds: number): Promise<Line> {
  let firstError: string | undefined;
  let failures = 0;
  const ok = (status: number) => (s.expect ? status === s.expect : status >= 200 && status < 300);
  const requests = s.requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string) => {
      if (ok(status)) return;
      failures++;
      firstError ??= `${status} ${body.slice(0, 300)}`;
    },
  }));
  const result = await autocannon({ url: base, connections, duration: seconds, requests });
  if (firstError) console.log(`  ${s.name}: first failure: ${firstError}`);
  return { name: s.name, rps: result.requests.average, p99: result.latency.p99, errors: failures + result.errors, ok: result.requests.total - failures, seconds };
}

if (!existsSync('.next/BUILD_ID')) spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });

interface Run { rows: number; db: Db; workers: number; webhooks: number; lines: Line[]; rss: number; workerRss: number }
const runs: Run[] = [];
const label = (r: Pick<Run, 'rows' | 'db' | 'workers' | 'webhooks'>) =>
  `${r.rows} rows, ${r.db}, WEB_CONCURRENCY=${r.workers}${r.webhooks ? `, ${r.webhooks} webhooks` : ''}`;

// The receiver of the bench's webhooks, a process of its own (bench/receiver.ts): it answers 204 at
// once and counts what it gets, off the load generator's thread.
const receiver = fork('bench/receiver.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const fromReceiver = () => new Promise<Record<string, number>>((resolve) => receiver.once('message', resolve));
const receiverUrl = `http://127.0.0.1:${(await fromReceiver()).port}/bench`;
/** How many deliveries the receiver has had so far. */
async function delivered(): Promise<number> {
  const answer = fromReceiver();
  receiver.send('count');
  return (await answer).delivered!;
}
const EVENT_TYPES = ['offered', 'answered', 'updated', 'rated_bad'].map((t) => `zen:event-type:survey_response.${t}`).concat('zen:event-type:survey.updated');

/** Makes `count` webhooks subscribed to every event, inactive, through the API; returns their ids. */
async function addWebhooks(auth: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/api/v2/webhooks`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ webhook: { name: `bench ${i}`, status: 'inactive', endpoint: receiverUrl, http_method: 'POST', request_format: 'json', subscriptions: EVENT_TYPES } }),
    });
    if (res.status !== 201) throw new Error(`creating a webhook answered ${res.status}: ${await res.text()}`);
    ids.push(((await res.json()) as { webhook: { id: string } }).webhook.id);
  }
  return ids;
}

/** The first `count` webhooks active, the others inactive. */
async function activateWebhooks(auth: string, ids: string[], count: number) {
  for (const [i, id] of ids.entries()) {
    const res = await fetch(`${base}/api/v2/webhooks/${id}`, {
      method: 'PATCH',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ webhook: { status: i < count ? 'active' : 'inactive' } }),
    });
    if (res.status !== 204) throw new Error(`updating a webhook answered ${res.status}: ${await res.text()}`);
  }
}

async function removeWebhooks(auth: string, ids: string[]) {
  for (const id of ids) await fetch(`${base}/api/v2/webhooks/${id}`, { method: 'DELETE', headers: { authorization: auth } });
}

/** Seconds until the receiver has had `total` deliveries in all (at most a minute). */
async function drained(total: number): Promise<number> {
  const started = performance.now();
  let got = await delivered();
  while (got < total && performance.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 20));
    got = await delivered();
  }
  if (got < total) console.log(`  ${total - got} deliveries still missing a minute after the slice`);
  return (performance.now() - started) / 1000;
}

const testPostgres = dbs.includes('postgres') && !process.env.BENCH_POSTGRES_URL && !process.env.TEST_POSTGRES_URL ? await startTestPostgres() : undefined;
const postgresAdmin = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || testPostgres?.adminUrl;

for (const rows of rowCounts) for (const db of dbs) for (const workers of workerCounts) {
  const ctx = await prepare(rows, db, postgresAdmin);
  const server = await startServer(ctx.url, workers);
  // Peak RSS of the whole run (all processes, and the largest one) and of the current route.
  let rss = 0;
  let workerRss = 0;
  let phase = 0;
  const sampler = setInterval(() => {
    const now = rssMb(server.pid!);
    rss = Math.max(rss, now.total);
    workerRss = Math.max(workerRss, now.worker);
    phase = Math.max(phase, now.worker);
  }, 250);
  const js = await pageScriptBytes(ctx);
  console.log(`survey page JavaScript when enabled: ${js.files} files, ${(js.bytes / 1024).toFixed(0)} KiB (${(js.gzip / 1024).toFixed(0)} KiB gzipped); none is needed to answer`);
  // This machine drifts and stalls (shared disk and CPU): each route and the trivial route are measured
  // in alternating slices, and each is given its median slice, so both see the same conditions.
  const [trivialScenario, ...routes] = scenarios(ctx);
  // The webhook counts are measured in alternating slices too (the same webhooks switched on and off
  // between slices), each slice with webhooks followed by a wait until the receiver has every delivery
  // its requests caused, so no slice pays for another's deliveries.
  const hookIds = await addWebhooks(ctx.auth, Math.max(...webhookCounts));
  const lines = new Map<number, Line[]>(webhookCounts.map((count) => [count, []]));
  const chosen = routes.filter((r) => wanted(r.name));
  await autocannon({ url: base, connections, duration: SERVER_WARMUP_S, requests: [trivialScenario!, ...chosen].flatMap((s) => s.requests) });
  for (const s of chosen) {
    phase = 0;
    const route = new Map<number, Line[]>(webhookCounts.map((count) => [count, []]));
    const trivial: Line[] = [];
    // CPU time by role over all measured slices (with webhooks: until their deliveries are in).
    const cpu = new Map<number | 'trivial', { spent?: CpuSpent; requests: number }>();
    const account = (key: number | 'trivial', from: ReturnType<typeof cpuSnapshot>, requests: number) => {
      const sum = cpu.get(key) ?? { requests: 0 };
      cpu.set(key, { spent: addSpent(sum.spent, cpuBetween(from, cpuSnapshot(server.pid!, receiver.pid))), requests: sum.requests + requests });
    };
    for (let slice = -1; slice < SLICES; slice++) {
      // Slice -1 is the warm-up: JIT, caches, first compilation of the route.
      if (slice >= 0) {
        const from = cpuSnapshot(server.pid!, receiver.pid);
        const line = await measure(trivialScenario!, duration / SLICES);
        account('trivial', from, line.ok);
        trivial.push(line);
      }
      for (const count of webhookCounts) {
        await activateWebhooks(ctx.auth, hookIds, count);
        const before = await delivered();
        const from = cpuSnapshot(server.pid!, receiver.pid);
        const line = await measure(s, slice < 0 ? WARMUP_S : duration / SLICES);
        if (count > 0) line.drain = await drained(before + count * line.ok);
        if (slice >= 0) {
          account(count, from, line.ok);
          route.get(count)!.push(line);
        }
      }
    }
    const cpuOf = (key: number | 'trivial') => {
      const { spent, requests } = cpu.get(key)!;
      return { spent: spent!, requests };
    };
    for (const count of webhookCounts) {
      const slices = route.get(count)!;
      // Each slice's ratio to the trivial slice just before it: how far this machine's drift moves the ratio.
      const ratios = slices.map((r, i) => (100 * r.rps) / trivial[i]!.rps);
      lines.get(count)!.push({ ...median(slices), cpu: cpuOf(count), trivial: { ...median(trivial), cpu: cpuOf('trivial') }, rss: phase, spread: [Math.min(...ratios), Math.max(...ratios)], slices: slices.map((l) => l.rps) });
    }
  }
  await removeWebhooks(ctx.auth, hookIds);
  for (const webhooks of webhookCounts) runs.push({ rows, db, workers, webhooks, lines: lines.get(webhooks)!, rss: 0, workerRss: 0 });
  // The export samples the server's RSS itself, without this sampler's pgrep calls on the client's event loop.
  clearInterval(sampler);
  const exported = wanted('CSV export') ? await measureExport(ctx, server.pid!) : undefined;
  workerRss = Math.max(workerRss, ...[...(exported?.http ?? []), ...(exported?.gzip ?? [])].map((d) => d.rss));
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  const measured = runs.filter((r) => r.rows === rows && r.db === db && r.workers === workers);
  for (const r of measured) Object.assign(r, { rss, workerRss });

  if (exported) printExport(label({ rows, db, workers, webhooks: 0 }), exported);
  for (const { lines, webhooks } of measured) {
  if (!lines.length) continue;
  console.log(`\n${label({ rows, db, workers, webhooks })}, ${connections} connections, ${SLICES} alternating slices of ${duration / SLICES} s, median slice; "slices": the range of the per-slice ratios (peak RSS ${rss.toFixed(0)} MB in all, ${workerRss.toFixed(0)} MB in the largest process)`);
  console.log('route'.padEnd(42) + 'req/s'.padStart(7) + 'p99 ms'.padStart(8) + '  trivial req/s, p99'.padEnd(21) + 'ratio'.padStart(6) + 'slices'.padStart(10) + 'p99×'.padStart(6) + 'errors'.padStart(8) + 'RSS MB'.padStart(8));
  for (const l of lines) {
    const t = l.trivial!;
    console.log(l.name.padEnd(42) + l.rps.toFixed(0).padStart(7) + String(l.p99).padStart(8) +
      `  ${t.rps.toFixed(0).padStart(6)}, ${String(t.p99).padStart(4)} ms`.padEnd(21) +
      `${((100 * l.rps) / t.rps).toFixed(0)}%`.padStart(6) + `${l.spread![0].toFixed(0)}–${l.spread![1].toFixed(0)}%`.padStart(10) + (l.p99 / Math.max(1, t.p99)).toFixed(1).padStart(6) + String(l.errors).padStart(8) + (l.rss ?? 0).toFixed(0).padStart(8));
  }
  console.log('CPU time per request answered, over all slices (request: the server processes\' main threads; threads: their other threads; database: PostgreSQL\'s processes; bench: the load generator; rest: the rest of the machine):');
  const trivialCpu = lines.map((l) => l.trivial!.cpu!);
  console.log(`  ${'trivial GET /api/health (all its slices)'.padEnd(48)}${describeSpent(trivialCpu.reduce<CpuSpent | undefined>((a, c) => addSpent(a, c.spent), undefined)!, trivialCpu.reduce((n, c) => n + c.requests, 0))}`);
  for (const l of lines) console.log(`  ${l.name.padEnd(48)}${describeSpent(l.cpu!.spent, l.cpu!.requests)}`);
  }
}
await testPostgres?.stop();

/**
 * Two runs of the same routes side by side: req/s of each, their ratio, and the ratio of their
 * ratios to the trivial route (each run's own), which is what the change did apart from the
 * machine's drift between the runs.
 */
function compare(title: string, a: Run | undefined, b: Run | undefined) {
  if (!a || !b || !a.lines.length) return;
  console.log(`\n${title}: ${label(a)} → ${label(b)} (same run; then the ratios to the trivial route):`);
  a.lines.forEach((x, i) => {
    const y = b.lines[i]!;
    const [rx, ry] = [x.rps / x.trivial!.rps, y.rps / y.trivial!.rps];
    console.log(`  ${x.name.padEnd(42)} ${x.rps.toFixed(0).padStart(6)} → ${y.rps.toFixed(0).padStart(6)} req/s = ${((100 * y.rps) / x.rps).toFixed(0).padStart(3)}%;` +
      `  ${(100 * rx).toFixed(0).padStart(3)}% → ${(100 * ry).toFixed(0).padStart(3)}% = ${((100 * ry) / rx).toFixed(0)}%`);
  });
}
const find = (rows: number, db: Db, workers: number, webhooks = webhookCounts[0]) =>
  runs.find((r) => r.rows === rows && r.db === db && r.workers === workers && r.webhooks === webhooks);
const [fewest, most] = [Math.min(...rowCounts), Math.max(...rowCounts)];
const [oneWorker, moreWorkers] = [Math.min(...workerCounts), Math.max(...workerCounts)];
for (const rows of rowCounts) for (const workers of workerCounts) compare('PostgreSQL against SQLite', find(rows, 'sqlite', workers), find(rows, 'postgres', workers));
if (oneWorker !== moreWorkers) for (const rows of rowCounts) for (const db of dbs) compare('workers', find(rows, db, oneWorker), find(rows, db, moreWorkers));
if (fewest !== most) for (const db of dbs) compare('scaling', find(fewest, db, oneWorker), find(most, db, oneWorker));
const [noHooks, mostHooks] = [Math.min(...webhookCounts), Math.max(...webhookCounts)];
if (noHooks !== mostHooks) {
  for (const rows of rowCounts) for (const db of dbs) {
    const [without, withHooks] = [find(rows, db, oneWorker, noHooks), find(rows, db, oneWorker, mostHooks)];
    compare('webhooks', without, withHooks);
    // Sustained: the requests of the median slice over its seconds and the wait for its deliveries after it.
    withHooks?.lines.forEach((l, i) => {
      const sustained = l.ok / (l.seconds + (l.drain ?? 0));
      const plain = without!.lines[i]!;
      // Each slice with webhooks against the slice without them just before it.
      const pairs = l.slices!.map((rps, j) => (100 * rps) / plain.slices![j]!).sort((a, b) => a - b);
      console.log(`  ${l.name.padEnd(42)} slice by slice: median ${pairs[Math.floor(pairs.length / 2)]!.toFixed(0)}% (${pairs.map((r) => r.toFixed(0)).join(', ')})`);
      console.log(`  ${''.padEnd(42)} deliveries all in ${(l.drain ?? 0).toFixed(2)} s after the slice; counting that wait, ${sustained.toFixed(0)} req/s = ${((100 * sustained) / plain.rps).toFixed(0)}% of ${plain.rps.toFixed(0)}`);
    });
  }
}
receiver.disconnect();
process.exit(0);
