import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pgArray, sqlIn } from '../../common/sql';
import type { Observation } from './quote-rows';

/** Where an observation came from. */
export type ObservationSource = 'IMPORT' | 'REPORTER' | 'TRADE';

/** The first day of each month from `from` to `to` (YYYY-MM-DD), as YYYY-MM-01. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}-01`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/** The first day of the month after the month starting on `first`. */
export function nextMonth(first: string): string {
  const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The columns an observation is written to: name, type, and the field of `Observation` that holds it. */
export const OBSERVATION_COLUMNS = [
  ['commodity_id', 'int', 'commodityId'],
  ['market_id', 'int', 'marketId'],
  ['county_code', 'text', 'countyCode'],
  ['observed_on', 'date', 'observedOn'],
  ['low_fen', 'int', 'lowFen'],
  ['avg_fen', 'int', 'avgFen'],
  ['high_fen', 'int', 'highFen'],
  ['unit', 'text', 'unit'],
  ['unit_quantity', 'int', 'unitQuantity'],
  ['low_per_kg_fen', 'int', 'lowPerKgFen'],
  ['avg_per_kg_fen', 'int', 'avgPerKgFen'],
  ['high_per_kg_fen', 'int', 'highPerKgFen'],
  ['specification', 'text', 'specification'],
  ['origin', 'text', 'origin'],
  ['quote_key', 'text', 'key'],
] as const satisfies readonly (readonly [string, string, keyof Observation])[];

const COLUMN_NAMES = OBSERVATION_COLUMNS.map(([name]) => name).join(', ');
const INSERT = `insert into "market"."price_observation" (${COLUMN_NAMES}, source, import_id)`;
const KEEP_EARLIER = 'on conflict (observed_on, quote_key, source) do nothing';
const REPLACE_EARLIER = `on conflict (observed_on, quote_key, source) do update set low_fen = excluded.low_fen, avg_fen = excluded.avg_fen, high_fen = excluded.high_fen,
  low_per_kg_fen = excluded.low_per_kg_fen, avg_per_kg_fen = excluded.avg_per_kg_fen, high_per_kg_fen = excluded.high_per_kg_fen, import_id = excluded.import_id`;

/** Rows written per statement from a staged table: each statement is a step of the progress. */
const STAGED_STEP = 50_000;

/** Recomputes the daily figures of the commodities and days of `days`, a relation `k` (commodity_id, observed_on), from the observations. */
const refreshDaysOf = (days: string) => `insert into "market"."daily_price" (commodity_id, observed_on, low_fen, avg_sum, high_fen, observations)
  select o.commodity_id, o.observed_on, min(coalesce(o.low_per_kg_fen, o.low_fen)), sum(coalesce(o.avg_per_kg_fen, o.avg_fen)), max(coalesce(o.high_per_kg_fen, o.high_fen)), count(*)
    from "market"."price_observation" o
    join ${days} on o.commodity_id = k.commodity_id and o.observed_on = k.observed_on
   group by 1, 2
  on conflict (commodity_id, observed_on) do update set low_fen = excluded.low_fen, avg_sum = excluded.avg_sum, high_fen = excluded.high_fen, observations = excluded.observations`;

/**
 * The price observations table (`market.price_observation`, partitioned by month of the day
 * observed). Writes are sets of rows in one statement; a quote already there (same commodity,
 * place, day, specification and source) is kept and the new one adds nothing.
 */
@Injectable()
export class PriceObservations {
  /**
   * Makes the month partitions rows of these months need. Run in a transaction of its own before
   * the rows are written: adding a partition briefly locks the whole table.
   */
  async ensureMonths(em: EntityManager, months: Iterable<string>): Promise<void> {
    for (const first of [...new Set(months)].sort()) {
      const name = `price_observation_${first.slice(0, 4)}_${first.slice(5, 7)}`;
      if (!/^\d{4}-\d{2}-01$/.test(first)) throw new Error(`a month starts on its first day, got ${first}`);
      await sqlIn(em)(`create table if not exists "market"."${name}" partition of "market"."price_observation" for values from ('${first}') to ('${nextMonth(first)}')`);
    }
  }

  /**
   * Writes observations; returns how many were written. A quote already there is kept, or with
   * `replace` (a reporter correcting the day's quote) replaced. Each column travels as one array parameter.
   */
  async write(em: EntityManager, rows: readonly Observation[], source: ObservationSource, importId: string | null, { replace = false } = {}): Promise<number> {
    if (!rows.length) return 0;
    const [result] = await sqlIn(em)<{ n: number }>(
      `with added as (
         ${INSERT}
         select r.*, ?, ?::uuid
           from unnest(${OBSERVATION_COLUMNS.map(([, type]) => `?::${type}[]`).join(', ')}) as r(${COLUMN_NAMES})
         ${replace ? REPLACE_EARLIER : KEEP_EARLIER} returning 1)
       select count(*)::int as n from added`,
      [source, importId, ...OBSERVATION_COLUMNS.map(([, , field]) => pgArray(rows.map((r) => r[field])))],
    );
    await this.refreshDays(em, rows);
    return result!.n;
  }

  /**
   * Writes the observations staged in `table`, a table of the transaction with the observation
   * columns and each row's place `n` (1 to `rows`), in steps, telling `onStep` how many were
   * written so far; returns how many were written. A quote already there is kept. The daily
   * figures are recomputed once at the end, for every commodity and day of the table.
   */
  async writeStaged(em: EntityManager, table: string, rows: number, source: ObservationSource, importId: string | null, onStep?: (written: number) => Promise<void>): Promise<number> {
    let written = 0;
    for (let from = 0; from < rows; from += STAGED_STEP) {
      const [result] = await sqlIn(em)<{ n: number }>(
        `with added as (${INSERT} select ${COLUMN_NAMES}, ?, ?::uuid from ${table} where n > ? and n <= ? ${KEEP_EARLIER} returning 1)
         select count(*)::int as n from added`,
        [source, importId, from, from + STAGED_STEP],
      );
      written += result!.n;
      await onStep?.(written);
    }
    await sqlIn(em)(refreshDaysOf(`(select distinct commodity_id, observed_on from ${table}) as k`));
    return written;
  }

  /**
   * Recomputes the daily figures (`market.daily_price`: low, sum of averages and count, high, per kg
   * where sold by weight) of the commodities and days these rows touched, from the observations.
   */
  async refreshDays(em: EntityManager, rows: readonly Pick<Observation, 'commodityId' | 'observedOn'>[]): Promise<void> {
    const days = [...new Set(rows.map((r) => `${r.commodityId}|${r.observedOn}`))].map((k) => k.split('|'));
    if (!days.length) return;
    await sqlIn(em)(refreshDaysOf('unnest(?::int[], ?::date[]) as k(commodity_id, observed_on)'), [
      pgArray(days.map((d) => Number(d[0]))),
      pgArray(days.map((d) => d[1]!)),
    ]);
  }
}
