import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { chinaToday, quoteUnitLabel, UNITS } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId } from '../../common/ids';
import { pooledQuery } from '../../common/sql';
import { anomalies } from './anomalies';
import { Commodity, Market } from './market.entities';
import { type CommodityView, type MarketView, type PriceSeriesView, SeriesInterval, SeriesRange } from './market.models';

const RANGE_DAYS: Record<SeriesRange, number | null> = { DAYS_30: 30, YEAR: 365, ALL: null };
const TRUNC: Record<SeriesInterval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

export function commodityView(c: Pick<Commodity, 'id' | 'code' | 'nameZh' | 'nameEn' | 'channelCode' | 'unit' | 'unitQuantity' | 'aliases'>): CommodityView {
  return { id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, channelCode: c.channelCode, unit: c.unit, unitQuantity: c.unitQuantity, unitLabel: quoteUnitLabel({ unit: c.unit, quantity: c.unitQuantity }), aliases: c.aliases };
}

export function marketView(m: Market): MarketView {
  return { id: m.id, code: m.code, name: m.name, kind: m.kind, countyCode: m.countyCode };
}

function percent(now: number | null, then: number | null): number | null {
  if (now === null || then === null || then === 0) return null;
  return Math.round(((now - then) / then) * 10_000) / 100;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Units sold by weight, as an SQL list: their series are per kg. */
const MASS_UNITS = UNITS.filter((u) => u.mass).map((u) => `'${u.code}'`).join(', ');

/** What the series statement returns; a point is [period, low, avg, high, observations]. */
type SeriesRow = Parameters<typeof commodityView>[0] & {
  perKg: boolean;
  now: number | null;
  monthAgo: number | null;
  yearAgo: number | null;
  sample: boolean;
  points: [string, number, number, number, number][] | null;
};

/** A series as the CSV people download (UTF-8 with a byte-order mark, prices in yuan). */
export function seriesCsv(series: Pick<PriceSeriesView, 'perUnit' | 'points'>): string {
  const unitName = series.perUnit === 'KG' ? '元/千克' : quoteUnitLabel({ unit: series.perUnit, quantity: 1 });
  return `\uFEFF日期 period,最低价 low (${unitName}),平均价 average (${unitName}),最高价 high (${unitName}),报价数 observations,异常 anomaly\n${series.points
    .map((p) => `${p.period},${yuan(p.lowFen)},${yuan(p.avgFen)},${yuan(p.highFen)},${p.observations},${p.anomaly ? 1 : 0}`)
    .join('\n')}\n`;
}

/**
 * Price series from the observations: per kilogram for commodities sold by weight (every quote is
 * converted exactly on the way in), per the commodity's unit otherwise; by day, week or month.
 */
@Injectable()
export class MarketService {
  constructor(private readonly em: EntityManager) {}

  async commodities(channel?: string): Promise<Commodity[]> {
    return this.em.fork().find(Commodity, channel ? { channelCode: channel } : {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  }

  async markets(): Promise<Market[]> {
    return this.em.fork().find(Market, {}, { orderBy: { kind: 'asc', name: 'asc' } });
  }

  async commodity(code: string): Promise<Commodity> {
    const found = await this.em.fork().findOne(Commodity, { code: String(code ?? '').slice(0, 40) });
    if (!found) throw new DomainError('market/commodity-unknown', { code });
    return found;
  }

  async series(args: { commodity: string; range: SeriesRange; interval: SeriesInterval; marketIds?: string[]; countyCode?: string }): Promise<PriceSeriesView> {
    const marketIds = (args.marketIds ?? []).map((id) => intId(id)).filter((id) => id !== undefined);
    if (marketIds.length < (args.marketIds?.length ?? 0)) {
      await this.commodity(args.commodity); // an unknown commodity is the first thing wrong
      throw new DomainError('market/market-unknown', { marketIds: args.marketIds });
    }
    const row = await this.seriesRow(String(args.commodity ?? '').slice(0, 40), args.range, args.interval, marketIds.length ? marketIds : null, args.countyCode || null);
    if (!row) throw new DomainError('market/commodity-unknown', { code: args.commodity });
    const periods = row.points ?? [];
    const flags = anomalies(periods.map((p) => p[2]));
    return {
      commodity: commodityView(row),
      perUnit: row.perKg ? 'KG' : row.unit,
      points: periods.map(([period, lowFen, avgFen, highFen, observations], i) => ({ period, lowFen, avgFen, highFen, observations, anomaly: flags[i]! })),
      monthOnMonthPercent: percent(row.now, row.monthAgo),
      yearOnYearPercent: percent(row.now, row.yearAgo),
      sampleData: row.sample,
    };
  }

  /**
   * A series in one statement, prepared once per connection (every commodity page runs it): the
   * commodity; its latest day with quotes, its average over the week to that day and over the same
   * week a month and a year before (for the changes); whether any of its quotes are sample data;
   * and the periods since the latest day less the range, as JSON [period, low, avg, high,
   * observations] — from the daily figures when every market counts, from the observations when
   * only some do.
   */
  private async seriesRow(code: string, range: SeriesRange, interval: SeriesInterval, marketIds: number[] | null, countyCode: string | null): Promise<SeriesRow | undefined> {
    const days = RANGE_DAYS[range];
    const params: unknown[] = [code, chinaToday()];
    const since = (column: string) => {
      if (days === null) return '';
      params.push(days);
      // no latest day (only quotes dated after today): nothing is left out, as without a range
      return `and ${column} > coalesce((select day from l) - ?::int, '-infinity')`;
    };
    let periods: string;
    if (marketIds === null && countyCode === null && interval === SeriesInterval.DAY) {
      // a day is a row of the daily figures; the average rounded half up in whole numbers (it is never negative)
      periods = `select d.observed_on as period, d.low_fen as low, (2 * d.avg_sum + d.observations) / (2 * d.observations) as avg, d.high_fen as high, d.observations as n
                   from "market"."daily_price" d where d.commodity_id = (select id from c) ${since('d.observed_on')}`;
    } else if (marketIds === null && countyCode === null) {
      periods = `select date_trunc('${TRUNC[interval]}', d.observed_on)::date as period, min(d.low_fen) as low, round(sum(d.avg_sum)::numeric / sum(d.observations))::int as avg,
                        max(d.high_fen) as high, sum(d.observations)::int as n
                   from "market"."daily_price" d where d.commodity_id = (select id from c) ${since('d.observed_on')} group by 1`;
    } else {
      const where = [since('o.observed_on')];
      if (marketIds !== null) {
        where.push('and o.market_id = any(?::int[])');
        params.push(marketIds);
      }
      if (countyCode !== null) {
        where.push('and o.county_code = ?');
        params.push(countyCode);
      }
      const price = (column: 'low' | 'avg' | 'high') => `case when c.per_kg then o.${column}_per_kg_fen else o.${column}_fen end`;
      periods = `select date_trunc('${TRUNC[interval]}', o.observed_on)::date as period, min(${price('low')}) as low, round(avg(${price('avg')}))::int as avg,
                        max(${price('high')}) as high, count(*)::int as n
                   from "market"."price_observation" o, c where o.commodity_id = c.id ${where.join(' ')} group by 1`;
    }
    const week = (from: number, to: number) =>
      `(select round(sum(d.avg_sum)::numeric / nullif(sum(d.observations), 0))::int from "market"."daily_price" d
         where d.commodity_id = c.id and d.observed_on > l.day - ${from} and d.observed_on <= l.day - ${to})`;
    const [row] = await pooledQuery<SeriesRow>(
      this.em,
      `with c as (select id, code, name_zh as "nameZh", name_en as "nameEn", channel_code as "channelCode", unit, unit_quantity as "unitQuantity", aliases, unit in (${MASS_UNITS}) as per_kg
                    from commodity where code = ?),
            l as (select max(observed_on) as day from "market"."daily_price" where commodity_id = (select id from c) and observed_on <= ?::date),
            p as (${periods})
       select c.id, c.code, c."nameZh", c."nameEn", c."channelCode", c.unit, c."unitQuantity", c.aliases, c.per_kg as "perKg",
              ${week(7, 0)} as now, ${week(37, 30)} as "monthAgo", ${week(372, 365)} as "yearAgo",
              exists (select 1 from price_import where is_demo and c.id = any(commodity_ids)) as sample,
              (select json_agg(json_build_array(p.period, p.low, p.avg, p.high, p.n) order by p.period) from p) as points
         from c, l`,
      params,
      { prepare: true },
    );
    return row;
  }

  /**
   * Today's movers: each commodity's average on its latest day against its previous day with
   * quotes, largest changes first.
   */
  async movers(channel: string | undefined, first: number): Promise<{ commodity: Commodity; day: string; avgFen: number; previousFen: number; changePercent: number }[]> {
    const rows = await this.em.getConnection().execute<{ commodity_id: number; day: string; avg: number; previous: number }[]>(
      `with daily as (
         select d.commodity_id, d.observed_on, round(d.avg_sum::numeric / d.observations)::int as avg,
                row_number() over (partition by d.commodity_id order by d.observed_on desc) as back
           from "market"."daily_price" d join commodity c on c.id = d.commodity_id
          where d.observed_on > ?::date - 30 and d.observed_on <= ?::date ${channel ? 'and c.channel_code = ?' : ''})
       select d.commodity_id, to_char(d.observed_on, 'YYYY-MM-DD') as day, d.avg, p.avg as previous
         from daily d join daily p on p.commodity_id = d.commodity_id and p.back = 2
        where d.back = 1 and p.avg > 0`,
      channel ? [chinaToday(), chinaToday(), channel] : [chinaToday(), chinaToday()],
    );
    const commodities = new Map((await this.commodities()).map((c) => [c.id, c]));
    return rows
      .map((r) => ({ commodity: commodities.get(r.commodity_id)!, day: r.day, avgFen: r.avg, previousFen: r.previous, changePercent: percent(r.avg, r.previous)! }))
      .sort((a, b) => Math.abs(b.changePercent) - Math.abs(a.changePercent))
      .slice(0, Math.min(Math.max(first, 1), 50));
  }

  /**
   * A channel's price index by month: for each commodity of the channel, its monthly average over
   * its average in the base month (the first month with quotes for all of them in the range), the
   * commodities weighted equally; base = 100.
   */
  async channelIndex(channel: string, months = 24): Promise<{ base: string | null; points: { period: string; value: number }[] }> {
    const rows = await this.em.getConnection().execute<{ commodity_id: number; period: string; avg: number }[]>(
      `select d.commodity_id, to_char(date_trunc('month', d.observed_on), 'YYYY-MM-DD') as period, (sum(d.avg_sum)::float8 / sum(d.observations)) as avg
         from "market"."daily_price" d join commodity c on c.id = d.commodity_id
        where c.channel_code = ? and d.observed_on > (?::date - ? * interval '1 month') and d.observed_on <= ?::date
        group by 1, 2 order by 2`,
      [channel, chinaToday(), months, chinaToday()],
    );
    const byPeriod = new Map<string, Map<number, number>>();
    for (const r of rows) byPeriod.set(r.period, (byPeriod.get(r.period) ?? new Map()).set(r.commodity_id, r.avg));
    const periods = [...byPeriod.keys()].sort();
    const commodities = new Set(rows.map((r) => r.commodity_id));
    const base = periods.find((p) => [...commodities].every((c) => byPeriod.get(p)!.has(c)));
    if (!base) return { base: null, points: [] };
    const baseValues = byPeriod.get(base)!;
    const points = periods
      .filter((p) => p >= base)
      .map((period) => {
        const ratios = [...byPeriod.get(period)!].filter(([c]) => baseValues.has(c)).map(([c, v]) => v / baseValues.get(c)!);
        return { period, value: Math.round((ratios.reduce((a, b) => a + b, 0) / ratios.length) * 10_000) / 100 };
      });
    return { base, points };
  }

  /**
   * Supply and demand of a commodity by week, in kilograms: supply is the stock of public listings
   * in its category (or below it) at the end of each week, from the stock ledger; demand is the
   * quantity of purchase requests open during the week. Listings and requests sold by count are
   * left out (they have no weight).
   */
  async supplyDemand(code: string, weeks: number): Promise<{ week: string; supplyKg: number; demandKg: number }[]> {
    const commodity = await this.commodity(code);
    const count = Math.min(Math.max(Math.trunc(weeks) || 12, 1), 104);
    if (!commodity.categoryId) return [];
    const kgPerUnit = UNITS.filter((u) => u.mass).map((u) => `('${u.code}', ${u.mass!.numerator}::numeric / ${u.mass!.denominator})`).join(', ');
    const rows = await this.em.getConnection().execute<{ week: string; supply: string | null; demand: string | null }[]>(
      `with weeks as (
         select generate_series(date_trunc('week', ?::date) - (? - 1) * interval '1 week', date_trunc('week', ?::date), interval '1 week')::date as week),
       kg(unit, per) as (values ${kgPerUnit}),
       categories as (select id from category where id = ? or parent_id = ?),
       listings as (
         select l.id, kg.per from listing l join organisation o on o.id = l.organisation_id join kg on kg.unit = l.unit
          where l.category_id in (select id from categories) and l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED')
       select to_char(w.week, 'YYYY-MM-DD') as week,
              (select sum(coalesce((select m.stock_after from stock_movement m where m.listing_id = li.id and m.created_at < w.week + 7 order by m.id desc limit 1), 0) * li.per)
                 from listings li) as supply,
              (select sum(r.quantity * kg.per) from purchase_request r join kg on kg.unit = r.unit
                where r.category_id in (select id from categories) and r.status <> 'CLOSED'
                  and r.created_at < w.week + 7 and r.valid_until >= w.week) as demand
         from weeks w order by w.week`,
      [chinaToday(), count, chinaToday(), commodity.categoryId, commodity.categoryId],
    );
    return rows.map((r) => ({ week: r.week, supplyKg: Math.round(Number(r.supply ?? 0)), demandKg: Math.round(Number(r.demand ?? 0)) }));
  }

  /** The commodity that prices listings of this category (or of its parent category), if any. */
  async commodityForCategory(categoryId: number): Promise<Commodity | null> {
    const [row] = await this.em.getConnection().execute<{ id: number }[]>(
      `select c.id from commodity c
        where c.category_id = ? or c.category_id = (select parent_id from category where id = ?)
        order by (c.category_id = ?) desc, c.sort_order limit 1`,
      [categoryId, categoryId, categoryId],
    );
    return row ? this.em.fork().findOne(Commodity, row.id) : null;
  }

  /** The latest average per kg of a commodity in a county's prefecture (or the province when there is none), for listings to compare against. */
  async latestAverage(commodityId: number, countyCode: string): Promise<{ avgFen: number; scope: 'PREFECTURE' | 'PROVINCE'; day: string } | null> {
    for (const scope of ['PREFECTURE', 'PROVINCE'] as const) {
      const [row] = await this.em.getConnection().execute<{ avg: number | null; day: string | null }[]>(
        `with last as (select max(observed_on) as day from "market"."price_observation" where commodity_id = ? ${scope === 'PREFECTURE' ? 'and left(county_code, 4) = ?' : ''} and observed_on <= ?)
         select round(avg(avg_per_kg_fen))::int as avg, to_char(max(last.day), 'YYYY-MM-DD') as day
           from "market"."price_observation", last
          where commodity_id = ? ${scope === 'PREFECTURE' ? 'and left(county_code, 4) = ?' : ''} and observed_on > last.day - 7 and observed_on <= last.day`,
        scope === 'PREFECTURE' ? [commodityId, countyCode.slice(0, 4), chinaToday(), commodityId, countyCode.slice(0, 4)] : [commodityId, chinaToday(), commodityId],
      );
      if (row?.avg != null) return { avgFen: row.avg, scope, day: row.day! };
    }
    return null;
  }
}
