import type { EntityManager } from '@mikro-orm/postgresql';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';
import { sqlIn, transactionConnection } from '../../common/sql';
import { OBSERVATION_COLUMNS } from './price-observations';
import type { Observation } from './quote-rows';

/** Staged rows are sent to PostgreSQL in pieces of about this many characters. */
const SEND_CHARS = 256 * 1024;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as COPY's text format writes it. */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);
}

/**
 * The checked rows of a price file, kept in a temporary table of the import's transaction while
 * the file is read (sent with COPY, so the process holds none of them), each with its line and its
 * order among them (`n`, from 1). What repeats an earlier row is found there once the whole file
 * has been read; what passes is written from there at once. The table goes with the transaction.
 */
export class PriceImportStage {
  /** the temporary table, with the observation columns */
  static readonly TABLE = 'price_import_stage';

  private pending = '';
  private rows = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly em: EntityManager,
    private readonly copy: CopyStreamQuery,
  ) {
    copy.on('error', (error: Error) => (this.failure = error));
  }

  /** A new stage in the transaction of `em`: the rows go with the transaction, whatever its end. */
  static async open(em: EntityManager): Promise<PriceImportStage> {
    if (!em.isInTransaction()) throw new Error('a price import is staged inside its transaction');
    await sqlIn(em)(
      `create temporary table ${PriceImportStage.TABLE} (n int not null, line int not null, ${OBSERVATION_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')}) on commit drop`,
    );
    // the transaction's own connection: the table is visible there only
    const client = await transactionConnection(em);
    const names = ['n', 'line', ...OBSERVATION_COLUMNS.map(([name]) => name)].join(', ');
    return new PriceImportStage(em, client.query(copyFrom(`copy ${PriceImportStage.TABLE} (${names}) from stdin`)));
  }

  /** Stages a checked row; false when `drained` should be awaited before the next. */
  add(observation: Observation, line: number): boolean {
    if (this.failure) throw this.failure;
    let text = `${++this.rows}\t${line}`;
    for (const [, , field] of OBSERVATION_COLUMNS) text += `\t${copyValue(observation[field])}`;
    this.pending += `${text}\n`;
    if (this.pending.length < SEND_CHARS) return true;
    const more = this.copy.write(this.pending);
    this.pending = '';
    return more;
  }

  /** Resolves once PostgreSQL has taken what was sent. */
  async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.copy.writableNeedDrain) await once(this.copy, 'drain');
  }

  /** Stops the copy (PostgreSQL refuses it), so that the transaction can be rolled back. */
  async abandon(): Promise<void> {
    this.copy.destroy();
    await finished(this.copy).catch(() => undefined);
  }

  /**
   * Ends the copy and returns how many rows were staged. The table is indexed by `n` and analysed,
   * for the queries that find repeats and write the rows in pieces.
   */
  async close(): Promise<number> {
    if (this.pending) this.copy.write(this.pending);
    this.pending = '';
    if (this.failure) throw this.failure;
    this.copy.end();
    await finished(this.copy);
    await sqlIn(this.em)(`create index on ${PriceImportStage.TABLE} (n)`);
    await sqlIn(this.em)(`analyze ${PriceImportStage.TABLE}`);
    return this.rows;
  }

  /**
   * The staged rows that repeat an earlier one of the file (the same quote: commodity, place, day
   * and specification): how many, and the lines of the first `limit` of them.
   */
  async repeats(limit: number): Promise<{ count: number; lines: number[] }> {
    const rows = await sqlIn(this.em)<{ line: number; count: number }>(
      `select line, count(*) over ()::int as count
         from (select line, row_number() over (partition by observed_on, quote_key order by line) as nth from ${PriceImportStage.TABLE}) s
        where nth > 1
        order by line
        limit ?`,
      [limit],
    );
    return { count: rows[0]?.count ?? 0, lines: rows.map((r) => r.line) };
  }
}
