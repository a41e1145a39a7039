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
    const column = (key: keyof Observation) => pgArray(rows.map((r) => r[key] as string | number | null));
    const [result] = await sqlIn(em)<{ n: number }>(
      `with added as (
         insert into "market"."price_observation" (commodity_id, market_id, county_code, observed_on, low_fen, avg_fen, high_fen, unit, unit_quantity,
                                                  low_per_kg_fen, avg_per_kg_fen, high_per_kg_fen, specification, origin, quote_key, source, import_id)
         select r.*, ?, ?::uuid
           from unnest(?::int[], ?::int[], ?::text[], ?::date[], ?::int[], ?::int[], ?::int[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[])
                as r(commodity_id, market_id, county_code, observed_on, low_fen, avg_fen, high_fen, unit, unit_quantity,
                     low_per_kg_fen, avg_per_kg_fen, high_per_kg_fen, specification, origin, quote_key)
         on conflict ${replace ? `(observed_on, quote_key, source) do update set low_fen = excluded.low_fen, avg_fen = excluded.avg_fen, high_fen = excluded.high_fen,
           low_per_kg_fen = excluded.low_per_kg_fen, avg_per_kg_fen = excluded.avg_per_kg_fen, high_per_kg_fen = excluded.high_per_kg_fen, import_id = excluded.import_id` : 'do nothing'} returning 1)
       select count(*)::int as n from added`,
      [
        source,
        importId,
        ...(['commodityId', 'marketId', 'countyCode', 'observedOn', 'lowFen', 'avgFen', 'highFen', 'unit', 'unitQuantity', 'lowPerKgFen', 'avgPerKgFen', 'highPerKgFen', 'specification', 'origin', 'key'] as const).map(column),
      ],
    );
    await this.refreshDays(em, rows);
    return result!.n;
  }

  /**
   * Recomputes the daily figures (`market.daily_price`: low, sum of averages and count, high, per kg
   * where sold by weight) of the commodities and days these rows touched, from the observations.
   */
  async refreshDays(em: EntityManager, rows: readonly Pick<Observation, 'commodityId' | 'observedOn'>[]): Promise<void> {
    const days = [...new Set(rows.map((r) => `${r.commodityId}|${r.observedOn}`))].map((k) => k.split('|'));
    if (!days.length) return;
    await sqlIn(em)(
      `insert into "market"."daily_price" (commodity_id, observed_on, low_fen, avg_sum, high_fen, observations)
       select o.commodity_id, o.observed_on, min(coalesce(o.low_per_kg_fen, o.low_fen)), sum(coalesce(o.avg_per_kg_fen, o.avg_fen)), max(coalesce(o.high_per_kg_fen, o.high_fen)), count(*)
         from "market"."price_observation" o
         join unnest(?::int[], ?::date[]) as k(commodity_id, observed_on) on o.commodity_id = k.commodity_id and o.observed_on = k.observed_on
        group by 1, 2
       on conflict (commodity_id, observed_on) do update set low_fen = excluded.low_fen, avg_sum = excluded.avg_sum, high_fen = excluded.high_fen, observations = excluded.observations`,
      [pgArray(days.map((d) => Number(d[0]))), pgArray(days.map((d) => d[1]!))],
    );
  }
}
