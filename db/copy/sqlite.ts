import Database from 'better-sqlite3';
import type { Row, Side, Table } from './tables';

// The SQLite side of `db copy`: one connection of its own to a file already migrated (db/client.ts
// migrateDb). Reads are keyset pages in primary-key order (a range seek on the key's index, so a page
// costs the same at any depth); writes are one prepared INSERT per row, a transaction per batch.

const quoted = (name: string) => `"${name}"`;

/** `(a, b) > (?, ?)`: the keyset condition on a table's key. */
function keyAfter(table: Table): string {
  return `(${table.key.map(quoted).join(', ')}) > (${table.key.map(() => '?').join(', ')})`;
}

// SQLite binds no booleans: a flag in a key is bound as 0/1, as it is stored.
const bindable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

const flagIndexes = (table: Table) => table.columns.flatMap((c, i) => (c.kind === 'boolean' ? [i] : []));

export function openSqlite(file: string): Side {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: the index pages a batch of inserts touches stay in memory.
  db.pragma('cache_size = -64000');

  const columnList = (table: Table) => table.columns.map((c) => quoted(c.name)).join(', ');
  const order = (table: Table) => table.key.map(quoted).join(', ');
  const writers = new Map<string, (rows: Row[]) => void>();
  const reads = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = reads.get(sql);
    if (!statement) reads.set(sql, (statement = db.prepare(sql).raw(true)));
    return statement;
  };
  const select = (table: Table) => `select ${columnList(table)} from ${quoted(table.name)}`;
  const first = (table: Table) => prepared(`${select(table)} order by ${order(table)} limit ?`);
  const next = (table: Table) => prepared(`${select(table)} where ${keyAfter(table)} order by ${order(table)} limit ?`);

  function writerOf(table: Table): (rows: Row[]) => void {
    let write = writers.get(table.name);
    if (!write) {
      const insert = db.prepare(`insert into ${quoted(table.name)} (${columnList(table)}) values (${table.columns.map(() => '?').join(', ')})`);
      const flags = new Set(flagIndexes(table));
      // Flags become 0/1 in a copy of the row: the caller's rows stay as they are.
      const values = flags.size === 0 ? (row: Row) => row : (row: Row) => row.map((v, i) => (flags.has(i) && v !== null ? (v ? 1 : 0) : v));
      write = db.transaction((rows: Row[]) => {
        for (const row of rows) insert.run(values(row));
      });
      writers.set(table.name, write);
    }
    return write;
  }

  return {
    blocking: true,

    async snapshot() {
      // In WAL mode a read transaction sees the file as it was at its first read, until it ends.
      db.exec('BEGIN');
      db.prepare('select count(*) from sqlite_master').get();
    },

    async count(table) {
      return (db.prepare(`select count(*) from ${quoted(table.name)}`).pluck().get() as number) ?? 0;
    },

    async read(table, after, limit) {
      const rows = (after === undefined ? first(table).all(limit) : next(table).all(...after.map(bindable), limit)) as Row[];
      const flags = flagIndexes(table);
      if (flags.length > 0) for (const row of rows) for (const i of flags) row[i] = row[i] === null ? null : Boolean(row[i]);
      return rows;
    },

    async prepareWrites() {
      return 'target: its triggers count the copied rows into the figure tables; those are replaced by the source\'s figures at the end';
    },

    async write(table, rows) {
      writerOf(table)(rows);
    },

    async clear(table) {
      db.prepare(`delete from ${quoted(table.name)}`).run();
    },

    async finish() {
      // AUTOINCREMENT keeps its counter in sqlite_sequence, which inserts with explicit ids move on.
    },

    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}
