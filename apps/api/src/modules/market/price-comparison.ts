import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { chinaToday } from '@xiangnong/domain';
import { Args, Field, Float, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { sqlIn } from '../../common/sql';
import { MarketService } from './market.service';

/** Places whose latest quote is older than this are left out of a comparison. */
const RECENT_DAYS = 90;

@ObjectType('PlacePrice', { description: '各地对比的一行 / One market’s (or county’s) latest average of a commodity' })
export class PlacePriceView {
  @Field(() => ID, { nullable: true, description: 'The market; null for quotes given for a county (bulletins by county, platform trades)' })
  marketId!: string | null;

  @Field(() => String, { nullable: true })
  marketCode!: string | null;

  @Field({ description: 'The market’s name, or the county’s' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'WHOLESALE, FARM_GATE or RETAIL for a market' })
  kind!: string | null;

  @Field()
  countyCode!: string;

  @Field()
  countyName!: string;

  @Field({ description: 'The place’s latest day with quotes, YYYY-MM-DD' })
  day!: string;

  @Field(() => Float, { description: 'Average on that day, in fen per kg (per the commodity’s unit when sold by count)' })
  avgFen!: number;

  @Field(() => Float, { nullable: true, description: 'Change against the place’s quotes four weeks before, in percent' })
  changePercent!: number | null;

  @Field({ description: '平台成交价 / The quotes are the platform’s own completed trades' })
  trade!: boolean;
}

/**
 * A commodity's markets and counties side by side: each place's latest average (within the last 90
 * days) and its change over four weeks, dearest first, so that a seller sees where it sells best and
 * a buyer where it is cheapest.
 */
@Injectable()
export class PriceComparison {
  constructor(
    private readonly em: EntityManager,
    private readonly market: MarketService,
  ) {}

  async places(commodityCode: string): Promise<PlacePriceView[]> {
    const commodity = await this.market.commodity(commodityCode);
    const rows = await sqlIn(this.em.fork())<{
      market_id: number | null; code: string | null; name: string | null; kind: string | null; county_code: string; county_name: string;
      day: string; avg: number; before: number | null; trade: boolean;
    }>(
      `with places as (
         select o.market_id, o.county_code, o.source = 'TRADE' as trade, max(o.observed_on) as last_day
           from "market"."price_observation" o
          where o.commodity_id = ? and o.observed_on > ?::date - ? and o.observed_on <= ?::date
          group by 1, 2, 3),
       priced as (
         select p.*,
                (select avg(coalesce(o.avg_per_kg_fen, o.avg_fen)) from "market"."price_observation" o
                  where o.commodity_id = ? and o.observed_on = p.last_day and o.market_id is not distinct from p.market_id
                    and o.county_code = p.county_code and (o.source = 'TRADE') = p.trade) as avg,
                (select avg(coalesce(o.avg_per_kg_fen, o.avg_fen)) from "market"."price_observation" o
                  where o.commodity_id = ? and o.market_id is not distinct from p.market_id and o.county_code = p.county_code and (o.source = 'TRADE') = p.trade
                    and o.observed_on = (select max(b.observed_on) from "market"."price_observation" b
                                          where b.commodity_id = ? and b.market_id is not distinct from p.market_id and b.county_code = p.county_code
                                            and (b.source = 'TRADE') = p.trade and b.observed_on <= p.last_day - 28)) as before
           from places p)
       select p.market_id, m.code, m.name, m.kind, p.county_code, c.name as county_name, to_char(p.last_day, 'YYYY-MM-DD') as day,
              round(p.avg)::float8 as avg, round(p.before)::float8 as before, p.trade
         from priced p left join market m on m.id = p.market_id join county c on c.code = p.county_code
        order by p.avg desc, p.county_code, m.name`,
      [commodity.id, chinaToday(), RECENT_DAYS, chinaToday(), commodity.id, commodity.id, commodity.id],
    );
    return rows.map((r) => ({
      marketId: r.market_id === null ? null : String(r.market_id),
      marketCode: r.code,
      name: r.name ?? r.county_name,
      kind: r.kind,
      countyCode: r.county_code,
      countyName: r.county_name,
      day: r.day,
      avgFen: r.avg,
      changePercent: r.before ? Math.round(((r.avg - r.before) / r.before) * 1000) / 10 : null,
      trade: r.trade,
    }));
  }
}

@Resolver()
export class PriceComparisonResolver {
  constructor(private readonly comparison: PriceComparison) {}

  @Query(() => [PlacePriceView], { description: '各地对比 / A commodity’s markets and counties side by side: latest average and four-week change, dearest first' })
  pricesByPlace(@Args('commodity') commodity: string): Promise<PlacePriceView[]> {
    return this.comparison.places(commodity);
  }
}
