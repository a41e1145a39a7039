import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { addDays, chinaToday, quoteUnitLabel, UNITS, unitInfo } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId } from '../../common/ids';
import { anomalies } from './anomalies';
import { Commodity, Market } from './market.entities';
import { type CommodityView, type MarketView, type PricePointView, type PriceSeriesView, SeriesInterval, SeriesRange } from './market.models';

const RANGE_DAYS: Record<SeriesRange, number | null> = { DAYS_30: 30, YEAR: 365, ALL: null };
const TRUNC: Record<SeriesInterval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

export function commodityView(c: Commodity): CommodityView {
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
    const commodity = await this.commodity(args.commodity);
    const perKg = unitInfo(commodity.unit)?.mass != null;
    const summary = await this.summary(commodity.id);
    const latest = summary.latest;
    const days = RANGE_DAYS[args.range];
    const since = days !== null && latest ? addDays(latest, -days) : null;
    let rows: { period: string; low: number; avg: number; high: number; n: number }[];
    if (!args.marketIds?.length && !args.countyCode) {
      // everywhere: from the daily figures, a row a day
      rows = await this.em.getConnection().execute(
        `select to_char(date_trunc('${TRUNC[args.interval]}', observed_on), 'YYYY-MM-DD') as period,
                min(low_fen)::int as low, round(sum(avg_sum)::numeric / sum(observations))::int as avg, max(high_fen)::int as high, sum(observations)::int as n
           from "market"."daily_price" where commodity_id = ?${since ? ' and observed_on > ?' : ''}
          group by 1 order by 1`,
        since ? [commodity.id, since] : [commodity.id],
      );
    } else {
      const where = ['commodity_id = ?'];
      const params: unknown[] = [commodity.id];
      if (since) {
        where.push('observed_on > ?');
        params.push(since);
      }
      if (args.marketIds?.length) {
        const ids = args.marketIds.map((id) => intId(id));
        if (ids.some((id) => id === undefined)) throw new DomainError('market/market-unknown', { marketIds: args.marketIds });
        where.push(`market_id = any(array[?]::int[])`);
        params.push(ids);
      }
      if (args.countyCode) {
        where.push('county_code = ?');
        params.push(args.countyCode);
      }
      const [low, avg, high] = perKg ? ['low_per_kg_fen', 'avg_per_kg_fen', 'high_per_kg_fen'] : ['low_fen', 'avg_fen', 'high_fen'];
      rows = await this.em.getConnection().execute(
        `select to_char(date_trunc('${TRUNC[args.interval]}', observed_on), 'YYYY-MM-DD') as period,
                min(${low})::int as low, round(avg(${avg}))::int as avg, max(${high})::int as high, count(*)::int as n
           from "market"."price_observation" where ${where.join(' and ')}
          group by 1 order by 1`,
        params,
      );
    }
    const flags = anomalies(rows.map((r) => r.avg));
    const points: PricePointView[] = rows.map((r, i) => ({ period: r.period, lowFen: r.low, avgFen: r.avg, highFen: r.high, observations: r.n, anomaly: flags[i]! }));
    const changes = { mom: percent(summary.now, summary.monthAgo), yoy: percent(summary.now, summary.yearAgo) };
    const unitName = perKg ? '元/千克' : quoteUnitLabel({ unit: commodity.unit, quantity: 1 });
    const csv = `\uFEFF日期 period,最低价 low (${unitName}),平均价 average (${unitName}),最高价 high (${unitName}),报价数 observations,异常 anomaly\n${points
      .map((p) => `${p.period},${yuan(p.lowFen)},${yuan(p.avgFen)},${yuan(p.highFen)},${p.observations},${p.anomaly ? 1 : 0}`)
      .join('\n')}\n`;
    return { commodity: commodityView(commodity), perUnit: perKg ? 'KG' : commodity.unit, points, monthOnMonthPercent: changes.mom, yearOnYearPercent: changes.yoy, csv, sampleData: summary.sample };
  }

  /**
   * In one statement: the commodity's latest day with quotes, its average over the week to that day
   * and over the same week a month and a year before (for the changes), and whether any of its
   * quotes are sample data.
   */
  private async summary(commodityId: number): Promise<{ latest: string | null; now: number | null; monthAgo: number | null; yearAgo: number | null; sample: boolean }> {
    const week = (from: number, to: number) =>
      `(select round(sum(d.avg_sum)::numeric / nullif(sum(d.observations), 0))::int from "market"."daily_price" d
         where d.commodity_id = l.commodity_id and d.observed_on > l.day - ${from} and d.observed_on <= l.day - ${to})`;
    const [row] = await this.em.getConnection().execute<{ latest: string | null; now: number | null; month_ago: number | null; year_ago: number | null; sample: boolean }[]>(
      `with l as (select ?::int as commodity_id, max(observed_on) as day from "market"."daily_price" where commodity_id = ? and observed_on <= ?)
       select to_char(l.day, 'YYYY-MM-DD') as latest, ${week(7, 0)} as now, ${week(37, 30)} as month_ago, ${week(372, 365)} as year_ago,
              exists (select 1 from price_import where is_demo and l.commodity_id = any(commodity_ids)) as sample
         from l`,
      [commodityId, commodityId, chinaToday()],
    );
    return { latest: row!.latest, now: row!.now, monthAgo: row!.month_ago, yearAgo: row!.year_ago, sample: row!.sample };
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
