import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { isPostgres } from '@/db/client';
import { pool, rows } from '@/db/postgres/client';
import { preparedText } from '@/db/sqlite/client';
import { versionQuestions } from '@/lib/admin/survey-responses/view';
import { surveyInfos } from '@/lib/admin/survey-info';
import type { Locale } from '@/lib/i18n/locales';
import { iso } from '@/lib/time';

// The bench's `export` measurement: the CSV export of every response downloaded over HTTP from the
// production server with an admin's session (timed to the last byte, the server's RSS sampled every
// 200 ms), beside a plain script that reads the same rows straight from the database and writes the
// same CSV text to /dev/null. Their ratio is what the export costs beyond the plain work: the
// server's path (Next, the stream, the batches, HTTP) and its own way of doing the work.

const vmRssMb = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

// CPU seconds a process has used (user and system), from /proc/<pid>/stat: on a machine others share,
// the wall time of a run moves with their load and its CPU time much less.
const cpuSeconds = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};

export interface Download {
  seconds: number;
  /** CPU seconds the server's processes used. */
  cpu: number;
  bytes: number;
  lines: number;
  /** Peak RSS of the largest server process (the worker) while it ran, MB. */
  rss: number;
}

/** GET `path` with the session cookie, counting bytes and line ends as they arrive. */
export function download(base: string, path: string, cookie: string, pids: number[], encoding = 'identity'): Promise<Download> {
  let rss = Math.max(...pids.map(vmRssMb));
  const sampler = setInterval(() => (rss = Math.max(rss, ...pids.map(vmRssMb))), 200);
  const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const cpuBefore = cpu();
  const started = performance.now();
  return new Promise<Download>((resolve, reject) => {
    // A connection of its own: a kept-alive one may be closed by the server while the plain script runs.
    const req = http.get(`${base}${path}`, { agent: false, headers: { cookie, 'accept-encoding': encoding } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`export answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      });
      res.on('end', () =>
        resolve({ seconds: (performance.now() - started) / 1000, cpu: cpu() - cpuBefore, bytes, lines, rss: Math.max(rss, ...pids.map(vmRssMb)) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  }).finally(() => clearInterval(sampler));
}

// --- The plain script -------------------------------------------------------------------------

const SELECT =
  'select r.id, r.created_at, r.updated_at, r.survey_id, r.survey_version, r.locale, r.responder_id, u.email, u.name, ' +
  'r.subject_zrns, r.method, r.forced, r.answered_at, r.rating, r.rating_category, r.answers_json ' +
  'from survey_responses r left join users u on u.id = r.responder_id';

type Cell = string | number | boolean | null | undefined;

const cell = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

interface Answer {
  type: string;
  question: { id: string };
  rating?: number | null;
  selections?: { option_id: string }[];
  value?: string | null;
}

/**
 * A column per question of every version (the latest headline names it), and per survey version the
 * labels of its closed-ended questions' options.
 */
async function columnsAndLabels(locale: Locale) {
  const headers: string[] = [];
  const columnOf = new Map<string, number>();
  const labels = new Map<string, Map<string, string>>();
  for (const survey of (await surveyInfos({ locale })).values()) {
    for (let v = 1; v <= survey.latestVersion; v++) {
      const version = new Map<string, string>();
      for (const q of await versionQuestions(survey.id, v, locale)) {
        const header = `${q.headline.value} [${q.alias} ${q.id.slice(-6)}]`;
        const column = columnOf.get(q.id);
        if (column === undefined) columnOf.set(q.id, headers.push(header) - 1);
        else headers[column] = header;
        if (q.type === 'closed_ended') for (const o of q.options) version.set(o.id, o.label.value);
      }
      labels.set(`${survey.id}:${v}`, version);
    }
  }
  return { headers, columnOf, labels };
}

const FIXED = 'id,created_at,updated_at,survey_id,survey_version,locale,responder_id,responder_email,responder_name,subject_zrns,method,forced,answered_at,rating,rating_category';

/**
 * Every response, newest first, as the export's CSV text, written to /dev/null in pieces of about a
 * megabyte, as a script would plainly do it: SQLite's rows from one statement iterated to the end,
 * PostgreSQL's in keyset pages of 10,000 (node-postgres has no cursor of its own), each row's answers
 * read by JSON.parse. Returns the bytes and rows written.
 */
export async function plainExport(locale: Locale): Promise<{ seconds: number; cpu: number; bytes: number; lines: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { headers, columnOf, labels } = await columnsAndLabels(locale);
  const sink = openSync('/dev/null', 'w');
  let bytes = 0;
  let lines = 0;
  let text = `\uFEFF${[FIXED, ...headers.map(cell)].join(',')}\r\n`;
  const flush = () => {
    const buffer = Buffer.from(text);
    writeSync(sink, buffer);
    bytes += buffer.length;
    text = '';
  };
  const write = (r: unknown[]) => {
    const names = labels.get(`${r[3]}:${r[4]}`);
    const answers: string[] = new Array(headers.length).fill('');
    for (const a of JSON.parse(r[15] as string) as Answer[]) {
      const column = columnOf.get(a.question.id);
      if (column === undefined) continue;
      if (a.type === 'rating_scale') answers[column] = a.rating == null ? '' : String(a.rating);
      else if (a.type === 'closed_ended') answers[column] = (a.selections ?? []).map((s) => names?.get(s.option_id) ?? s.option_id).join('; ');
      else if (a.type === 'open_ended') answers[column] = a.value ?? '';
      else answers[column] = '';
    }
    const subjects = (JSON.parse(r[9] as string) as string[]).join(' ');
    const fixed: Cell[] = [
      r[0] as string, iso(r[1] as number), iso(r[2] as number), r[3] as string, r[4] as number, r[5] as string, r[6] as number | null,
      r[7] as string | null, r[8] as string | null, subjects, (r[10] as string | null) ?? 'link', r[11] === 1 || r[11] === true,
      r[12] === null ? null : iso(r[12] as number), r[13] as number | null, r[14] as string | null,
    ];
    text += `${fixed.map(cell).concat(answers.map(cell)).join(',')}\r\n`;
    lines++;
    if (text.length > 1 << 20) flush();
  };
  if (isPostgres()) {
    const on = await pool();
    const page = 10_000;
    let last: string | undefined;
    for (;;) {
      const found = await rows(on, `${SELECT}${last === undefined ? '' : ' where r.id < $1'} order by r.id desc limit ${page}`, last === undefined ? [] : [last]);
      found.forEach(write);
      if (found.length < page) break;
      last = found[found.length - 1]![0] as string;
    }
  } else {
    for (const r of preparedText(`${SELECT} order by r.id desc`).iterate() as IterableIterator<unknown[]>) write(r);
  }
  flush();
  closeSync(sink);
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, bytes, lines };
}
