import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { unitInfo } from '@xiangnong/domain';
import { pgArray, sqlIn } from '../../common/sql';
import type { StoredEvent } from '../events/domain-events';
import { JobRegistry } from '../events/job-registry';
import { OutboxService } from '../events/outbox.service';
import type { CompletedLine } from '../ordering/ordering.events';
import { PriceObservations } from './price-observations';
import { type Observation, quoteKey } from './quote-rows';

interface Traded {
  lineId: string;
  commodityId: number;
  countyCode: string;
  quantity: number;
  /** the line's weight in grams for commodities sold by weight; null for those sold by count */
  grams: number | null;
  amountFen: number;
}

/**
 * The weight of `quantity` units in whole grams, or null when the unit is not a weight (or does not
 * come to whole grams). Every mass unit of the platform does: 斤 is 500 g, 担 50,000 g.
 */
export function gramsOf(quantity: number, unit: string): number | null {
  const mass = unitInfo(unit)?.mass;
  if (!mass) return null;
  const grams = (quantity * mass.numerator * 1000) / mass.denominator;
  return Number.isSafeInteger(grams) && grams > 0 ? grams : null;
}

/**
 * Platform trades as a price source. Each completed order line of a commodity (through its
 * listing's category) is kept with its county of origin and the day it completed; the day's TRADE
 * quote of that commodity and county is then made again from all of that day's lines: lowest and
 * highest line price, and the average weighted by weight (or count), per kg for commodities sold by
 * weight, to the fen half up. A completion delivered twice adds nothing. Subscriptions are checked
 * as after an import.
 */
@Injectable()
export class TradePrices implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobRegistry,
    private readonly observations: PriceObservations,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.on('trade-prices', ['order.completed'], (event, em) => this.record(event, em));
  }

  async record(event: StoredEvent<'order.completed'>, em: EntityManager): Promise<void> {
    const { completedOn, lines } = event.payload;
    const traded = await this.traded(em, lines);
    if (!traded.length) return;
    // a new month's partition is made in a transaction of its own (it locks the table briefly)
    await this.em.fork().transactional((own) => this.observations.ensureMonths(own as EntityManager, [`${completedOn.slice(0, 7)}-01`]));
    const added = await sqlIn(em)<{ commodity_id: number; county_code: string }>(
      `insert into "market"."trade_line" (order_line_id, commodity_id, county_code, traded_on, quantity, grams, amount_fen)
       select l.order_line_id, l.commodity_id, l.county_code, ?::date, l.quantity, l.grams, l.amount_fen from unnest(?::uuid[], ?::int[], ?::text[], ?::int[], ?::bigint[], ?::bigint[]) as l(order_line_id, commodity_id, county_code, quantity, grams, amount_fen)
       on conflict (order_line_id) do nothing returning commodity_id, county_code`,
      [completedOn, ...(['lineId', 'commodityId', 'countyCode', 'quantity', 'grams', 'amountFen'] as const).map((key) => pgArray(traded.map((t) => t[key])))],
    );
    if (!added.length) return;
    const places = [...new Map(added.map((a) => [`${a.commodity_id}|${a.county_code}`, a])).values()];
    const observations = await this.dayQuotes(em, completedOn, places);
    await this.observations.write(em, observations, 'TRADE', null, { replace: true });
    const days = [...new Set(observations.map((o) => o.commodityId))].map((commodityId) => ({ commodityId, day: completedOn }));
    await this.outbox.record(em, { type: 'market.trade-prices', aggregate: 'trade-prices', aggregateId: event.payload.orderId, payload: { days } });
  }

  /** The lines that are trades of a commodity: its listing's category (or the category's parent) prices one, in a unit of the same kind. */
  private async traded(em: EntityManager, lines: readonly CompletedLine[]): Promise<Traded[]> {
    if (!lines.length) return [];
    const categories = await sqlIn(em)<{ category_id: number; commodity_id: number; unit: string }>(
      `select k.category_id, c.id as commodity_id, c.unit
         from unnest(?::int[]) as k(category_id)
         cross join lateral (
           select c.id, c.unit from commodity c
            where c.category_id = k.category_id or c.category_id = (select parent_id from category where id = k.category_id)
            order by (c.category_id = k.category_id) desc, c.sort_order limit 1) c`,
      [pgArray([...new Set(lines.map((l) => l.categoryId))])],
    );
    const commodityOf = new Map(categories.map((c) => [c.category_id, c]));
    const traded: Traded[] = [];
    for (const line of lines) {
      const commodity = commodityOf.get(line.categoryId);
      if (!commodity || line.quantity <= 0) continue;
      const byWeight = unitInfo(commodity.unit)?.mass != null;
      const grams = gramsOf(line.quantity, line.unit);
      if (byWeight ? grams === null : line.unit !== commodity.unit) continue;
      traded.push({ lineId: line.lineId, commodityId: commodity.commodity_id, countyCode: line.originCountyCode, quantity: line.quantity, grams: byWeight ? grams : null, amountFen: line.amountFen });
    }
    return traded;
  }

  /** The day's quote of each commodity and county from all its trade lines of the day. */
  private async dayQuotes(em: EntityManager, day: string, places: readonly { commodity_id: number; county_code: string }[]): Promise<Observation[]> {
    const rows = await sqlIn(em)<{ commodity_id: number; county_code: string; unit: string; by_weight: boolean; low: number; avg: number; high: number }>(
      `select t.commodity_id, t.county_code, c.unit, bool_and(t.grams is not null) as by_weight,
              min(case when t.grams is null then (t.amount_fen * 2 + t.quantity) / (2 * t.quantity) else (t.amount_fen * 2000 + t.grams) / (2 * t.grams) end)::int as low,
              floor(case when bool_and(t.grams is not null) then (sum(t.amount_fen) * 2000 + sum(t.grams)) / (2 * sum(t.grams))
                         else (sum(t.amount_fen) * 2 + sum(t.quantity)) / (2 * sum(t.quantity)) end)::int as avg,
              max(case when t.grams is null then (t.amount_fen * 2 + t.quantity) / (2 * t.quantity) else (t.amount_fen * 2000 + t.grams) / (2 * t.grams) end)::int as high
         from "market"."trade_line" t
         join unnest(?::int[], ?::text[]) as p(commodity_id, county_code) on p.commodity_id = t.commodity_id and p.county_code = t.county_code
         join commodity c on c.id = t.commodity_id
        where t.traded_on = ?
        group by t.commodity_id, t.county_code, c.unit`,
      [pgArray(places.map((p) => p.commodity_id)), pgArray(places.map((p) => p.county_code)), day],
    );
    return rows.map((r) => {
      const perKg = r.by_weight;
      return {
        commodityId: r.commodity_id,
        marketId: null,
        countyCode: r.county_code,
        observedOn: day,
        lowFen: r.low,
        avgFen: r.avg,
        highFen: r.high,
        unit: perKg ? 'KG' : r.unit,
        unitQuantity: 1,
        lowPerKgFen: perKg ? r.low : null,
        avgPerKgFen: perKg ? r.avg : null,
        highPerKgFen: perKg ? r.high : null,
        specification: '',
        origin: '',
        key: quoteKey(r.commodity_id, { marketId: null, countyCode: r.county_code }, day, ''),
      };
    });
  }
}
