import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';

interface PgClient {
  query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a read on a pooled connection with its values sent as protocol parameters (`?` in `sql`
 * become `$1…`; an array is sent as a PostgreSQL array), outside any transaction. With `prepare`,
 * it runs as a named prepared statement, so that PostgreSQL plans each distinct text once per
 * connection instead of on every call: for the hot reads whose text comes from a small set.
 */
export async function pooledQuery<T>(em: EntityManager, sql: string, params: readonly unknown[], { prepare = false } = {}): Promise<T[]> {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const name = prepare ? `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` : undefined;
  const knex = (em.getConnection() as PostgreSqlConnection).getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  try {
    return (await client.query({ name, text, values: [...params] })).rows as T[];
  } finally {
    await knex.client.releaseConnection(client);
  }
}
