import pg from 'pg';
import type { Kind, Row, Side, Table } from './tables';

// The PostgreSQL side of `db copy`: one connection of its own to a database already migrated
// (db/client.ts migrateDb). Reads are keyset pages in primary-key order inside one REPEATABLE READ
// transaction (one snapshot for every table); a batch is written by one INSERT … SELECT statement,
// which commits by itself.

// int8 (the epoch-ms columns, count(*)) as a JS number, as the app's pool reads it (db/postgres/client.ts).
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const TYPES: Record<Kind, string> = { integer: 'int4', bigint: 'int8', boolean: 'bool', text: 'text' };

const quoted = (name: string) => `"${name}"`;

// SQLSTATE insufficient_privilege: setting session_replication_role needs a superuser (or, from
// PostgreSQL 15, a role granted SET on it).
const INSUFFICIENT_PRIVILEGE = '42501';

export async function openPostgres(url: string): Promise<Side> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  let inSnapshot = false;

  const columnList = (table: Table) => table.columns.map((c) => quoted(c.name)).join(', ');
  const order = (table: Table) => table.key.map(quoted).join(', ');
  const query = (name: string, text: string, values: unknown[]) => client.query<Row>({ name, text, values, rowMode: 'array' });

  return {
    blocking: false,

    async snapshot() {
      await client.query('begin isolation level repeatable read read only');
      inSnapshot = true;
      // The snapshot is taken by the first statement, not by BEGIN.
      await client.query('select 1');
    },

    async count(table) {
      const { rows } = await query(`copy_count_${table.name}`, `select count(*) from ${quoted(table.name)}`, []);
      return rows[0]![0] as number;
    },

    async read(table, after, limit) {
      const select = `select ${columnList(table)} from ${quoted(table.name)}`;
      if (after === undefined) return (await query(`copy_first_${table.name}`, `${select} order by ${order(table)} limit $1`, [limit])).rows;
      const bound = table.key.map((_, i) => `$${i + 1}`).join(', ');
      const text = `${select} where (${order(table)}) > (${bound}) order by ${order(table)} limit $${table.key.length + 1}`;
      return (await query(`copy_next_${table.name}`, text, [...after, limit])).rows;
    },

    async prepareWrites() {
      // The target's triggers would count every copied response and answer into the figure tables,
      // which are copied as they are afterwards; replica mode skips them (and the foreign-key checks:
      // the rows come from a database that enforced them). Without the privilege they run, and what
      // they wrote is cleared before the figures are copied (db/copy/index.ts).
      try {
        await client.query('set session_replication_role = replica');
        return 'target: triggers and foreign-key checks skipped for this session (session_replication_role = replica)';
      } catch (error) {
        if ((error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGE) throw error;
        return 'target: this role may not set session_replication_role, so the triggers run (slower); their figures are replaced by the source\'s at the end';
      }
    },

    async write(table, rows) {
      // The batch travels as one JSON array of rows: JSON.stringify is native, and it took half the
      // time of node-postgres's array literals (one per column for unnest) on 5,000 responses.
      const values = table.columns.map((c, i) => `(r->>${i})::${TYPES[c.kind]}`).join(', ');
      const text = `insert into ${quoted(table.name)} (${columnList(table)}) select ${values} from jsonb_array_elements($1::jsonb) r`;
      await client.query({ name: `copy_write_${table.name}`, text, values: [JSON.stringify(rows)] });
    },

    async clear(table) {
      await client.query(`delete from ${quoted(table.name)}`);
    },

    async finish(tables) {
      // Explicit ids leave the identity sequences where they were: the next row must get a fresh id.
      for (const table of tables.filter((t) => t.identity)) {
        const id = quoted(table.identity!);
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce(max(${id}), 0) + 1, false) from ${quoted(table.name)}`,
          [quoted(table.name), table.identity],
        );
      }
      // Statistics for the planner now, rather than whenever autovacuum gets to the new rows.
      await client.query(`analyze ${tables.map((t) => quoted(t.name)).join(', ')}`);
    },

    async close() {
      try {
        if (inSnapshot) await client.query('commit');
      } finally {
        await client.end();
      }
    },
  };
}
