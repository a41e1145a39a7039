import type { EntityManager, Knex, PostgreSqlConnection } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Runs one SQL statement with `?` parameters and returns its rows. */
export type Sql = <T = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * SQL on `em`: inside its transaction when it is in one (the ORM runs a statement outside it
 * unless told which transaction it belongs to), on a pooled connection otherwise. For statements
 * the ORM's entities do not express: conditional updates, locks, set-based inserts.
 */
export function sqlIn(em: EntityManager): Sql {
  return <T>(text: string, params: readonly unknown[] = []) => em.getConnection().execute<T[]>(text, [...params], 'all', em.getTransactionContext());
}

/**
 * The PostgreSQL connection of `em`'s transaction, for what the ORM cannot send (COPY streams).
 * Statements on it belong to the transaction; it stays the transaction's (do not release it).
 */
export async function transactionConnection(em: EntityManager): Promise<pg.Client> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('the connection of a transaction is asked for inside it');
  // knex hands a transaction's statements to its one connection
  return (await transaction.client.acquireConnection()) as pg.Client;
}

/**
 * SQL in `em`'s transaction as named prepared statements on its connection (see protocolStatement):
 * for the hot statements of a transaction, planned once per connection instead of each time.
 * Values travel as protocol parameters: an array is one parameter (`?::uuid[]`), never `array[?]`.
 */
export function preparedIn(em: EntityManager): Sql {
  return async <T>(text: string, params: readonly unknown[] = []) => {
    const client = await transactionConnection(em);
    return (await client.query({ ...protocolStatement(text, { prepare: true }), values: [...params] })).rows as T[];
  };
}

/** A PostgreSQL array literal for `values` (text quoted and escaped, null as NULL), sent as one parameter. */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * A statement as the PostgreSQL protocol takes it: `?` become `$1…` (values travel as parameters,
 * an array as a PostgreSQL array), and with `prepare` a name derived from the text, so that each
 * distinct statement is planned once per connection.
 */
export function protocolStatement(sql: string, { prepare = false } = {}): { name: string | undefined; text: string } {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  return { name: prepare ? `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` : undefined, text };
}

interface PgClient {
  query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a read on a pooled connection with its values sent as protocol parameters, outside any
 * transaction (see protocolStatement): for the hot reads whose text comes from a small set.
 */
export async function pooledQuery<T>(em: EntityManager, sql: string, params: readonly unknown[], { prepare = false } = {}): Promise<T[]> {
  const knex = (em.getConnection() as PostgreSqlConnection).getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  try {
    return (await client.query({ ...protocolStatement(sql, { prepare }), values: [...params] })).rows as T[];
  } finally {
    await knex.client.releaseConnection(client);
  }
}
