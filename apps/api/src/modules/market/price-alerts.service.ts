import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaToday, formatFen } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId, isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { pgArray, sqlIn } from '../../common/sql';
import { JobRegistry } from '../events/job-registry';
import { GeoService } from '../geo/geo.service';
import type { NotificationMessage } from '../notifications/notification-kinds';
import { NotificationService } from '../notifications/notification.service';
import { AlertWebhooks } from './alert-webhooks';
import { Market, PriceSubscription } from './market.entities';
import { MarketService } from './market.service';

export type SubscriptionKind = PriceSubscription['kind'];

export interface SubscribeInput {
  commodity: string;
  kind: SubscriptionKind;
  /** ABOVE / BELOW: per kg in fen */
  thresholdFen?: number | null;
  /** MOVE: in percent, e.g. 5 for 5 % */
  percent?: number | null;
  /** MOVE: over how many days (1 to 365, 1 when left out) */
  days?: number | null;
  marketId?: string | null;
  /** a county instead of a market: the average of every quote given in it */
  countyCode?: string | null;
}

/** Subscriptions a user may hold. */
const MAX_SUBSCRIPTIONS = 100;
const MAX_THRESHOLD_FEN = 100_000_000;
const MAX_MOVE_DAYS = 365;

interface Hit {
  subscription_id: string;
  user_id: string;
  kind: SubscriptionKind;
  threshold_fen: number | null;
  percent_bp: number | null;
  days: number | null;
  commodity_code: string;
  commodity_name: string;
  market_name: string | null;
  day: string;
  avg: number;
  prev: number | null;
}

/** What a subscriber reads when an alert fires. */
export function alertMessage(hit: Hit): NotificationMessage {
  const where = hit.market_name ? `（${hit.market_name}）` : '';
  const price = `${formatFen(hit.avg)}/千克`;
  const link = `/prices/${hit.commodity_code}`;
  if (hit.kind === 'MOVE') {
    const change = hit.prev ? (((hit.avg - hit.prev) / hit.prev) * 100).toFixed(1) : '0';
    const up = hit.prev !== null && hit.avg > hit.prev;
    const days = hit.days ?? 1;
    return {
      kind: 'price-alert',
      titleZh: `${hit.commodity_name}${where} ${hit.day} ${days > 1 ? `${days} 天内` : ''}${up ? '上涨' : '下跌'} ${Math.abs(Number(change))}%`,
      titleEn: `${hit.commodity_code} ${up ? 'rose' : 'fell'} ${Math.abs(Number(change))}% ${days > 1 ? `in ${days} days to` : 'on'} ${hit.day}`,
      bodyZh: `均价 ${price}，${days > 1 ? `${days} 天前` : '前一报价日'} ${formatFen(hit.prev ?? 0)}/千克。`,
      bodyEn: `Average ${price.replace('千克', 'kg')}, ${days > 1 ? `${days} days before` : 'previous day'} ${formatFen(hit.prev ?? 0)}/kg.`,
      link,
    };
  }
  const above = hit.kind === 'ABOVE';
  return {
    kind: 'price-alert',
    titleZh: `${hit.commodity_name}${where} 均价 ${price}，${above ? '高于' : '低于'}您设定的 ${formatFen(hit.threshold_fen!)}`,
    titleEn: `${hit.commodity_code}: average ${price.replace('千克', 'kg')} is ${above ? 'above' : 'below'} your ${formatFen(hit.threshold_fen!)}`,
    bodyZh: `${hit.day} 的报价。`,
    bodyEn: `Quotes of ${hit.day}.`,
    link,
  };
}

/**
 * Price subscriptions and their alerts. When quotes arrive (an import, a reporter, platform trades),
 * every subscription on the commodities they brought is checked in one statement against the
 * average of the latest day they brought — everywhere, or at the subscription's market — and, for a
 * move, the latest quotes at least N days before. Each subscription keeps whether the price was
 * beyond its rule: an alert goes out when that turns true (once per crossing, not again while the
 * price stays beyond), as a notification (live to open pages). Daily digests go out each morning.
 */
@Injectable()
export class PriceAlertsService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobRegistry,
    private readonly notifications: NotificationService,
    private readonly market: MarketService,
    private readonly webhooks: AlertWebhooks,
    private readonly geo: GeoService,
  ) {}

  onModuleInit(): void {
    this.jobs.on('evaluate-price-alerts', ['market.prices-imported', 'market.trade-prices'], async (event, em) => {
      if (event.type === 'market.prices-imported') await this.evaluate(em, (event.payload as { importId: string }).importId);
      else await this.evaluateDays(em, (event.payload as { days: { commodityId: number; day: string }[] }).days);
    });
    // 08:00 in China
    this.jobs.every('price-digest', '0 0 * * *', async () => {
      await this.em.fork().transactional((em) => this.digest(em));
    });
  }

  async subscribe(ctx: RequestContext, input: SubscribeInput): Promise<PriceSubscription> {
    const user = ctx.requireUser();
    const commodity = await this.market.commodity(input.commodity);
    const kind = input.kind;
    let thresholdFen: number | null = null;
    let percentBp: number | null = null;
    let days: number | null = null;
    if (kind === 'ABOVE' || kind === 'BELOW') {
      if (!Number.isInteger(input.thresholdFen) || input.thresholdFen! <= 0 || input.thresholdFen! > MAX_THRESHOLD_FEN) throw new DomainError('market/subscription-invalid', { field: 'thresholdFen' });
      thresholdFen = input.thresholdFen!;
    } else if (kind === 'MOVE') {
      const percent = input.percent;
      if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0 || percent > 1000 || Math.abs(Math.round(percent * 100) - percent * 100) > 1e-6) {
        throw new DomainError('market/subscription-invalid', { field: 'percent' });
      }
      percentBp = Math.round(percent * 100);
      days = input.days ?? 1;
      if (!Number.isInteger(days) || days < 1 || days > MAX_MOVE_DAYS) throw new DomainError('market/subscription-invalid', { field: 'days' });
    } else if (kind !== 'DIGEST') throw new DomainError('market/subscription-invalid', { field: 'kind' });
    let marketId: number | null = null;
    let countyCode: string | null = null;
    if (input.marketId && input.countyCode) throw new DomainError('market/subscription-invalid', { field: 'countyCode' });
    if (input.countyCode) {
      const county = await this.geo.county(input.countyCode);
      if (!county) throw new DomainError('market/subscription-invalid', { field: 'countyCode' });
      countyCode = county.code;
    }
    if (input.marketId) {
      const id = intId(input.marketId);
      if (!id || !(await this.em.fork().findOne(Market, id))) throw new DomainError('market/subscription-invalid', { field: 'marketId' });
      marketId = id;
    }
    return this.em.fork().transactional(async (em) => {
      // one user's subscriptions are counted under a lock on the user, so a burst cannot pass the limit
      await sqlIn(em)(`select pg_advisory_xact_lock(hashtextextended('price-subscriptions:' || ?, 0))`, [user.id]);
      const [{ n }] = await sqlIn(em)<{ n: number }>('select count(*)::int as n from price_subscription where user_id = ?', [user.id]);
      if (n >= MAX_SUBSCRIPTIONS) throw new DomainError('market/too-many-subscriptions');
      const row = em.create(PriceSubscription, { userId: user.id, commodityId: commodity.id, kind, thresholdFen, percentBp, days, marketId, countyCode });
      await em.flush();
      return row;
    });
  }

  async unsubscribe(ctx: RequestContext, id: string): Promise<boolean> {
    const user = ctx.requireUser();
    if (!isUuid(id)) return false;
    return (await this.em.fork().nativeDelete(PriceSubscription, { id, userId: user.id })) > 0;
  }

  async mine(ctx: RequestContext): Promise<PriceSubscription[]> {
    const user = ctx.requireUser();
    return this.em.fork().find(PriceSubscription, { userId: user.id }, { orderBy: { createdAt: 'desc' } });
  }

  /**
   * Checks every subscription on what an import brought, in `em`'s transaction; returns how many
   * alerts went out. A subscription's state moves only forward in quote days, and only from the
   * state this evaluation read: a concurrent evaluation that changed it first wins (the update is
   * checked again against the row it waited for), so concurrent imports cannot alert twice.
   */
  evaluate(em: EntityManager, importId: string): Promise<number> {
    return this.check(em, `select commodity_id, max(observed_on) as day from "market"."price_observation" where import_id = ? group by commodity_id`, [importId]);
  }

  /** The same for quotes of these commodities on these days (platform trades). */
  evaluateDays(em: EntityManager, days: readonly { commodityId: number; day: string }[]): Promise<number> {
    if (!days.length) return Promise.resolve(0);
    return this.check(em, `select * from unnest(?::int[], ?::date[]) as d(commodity_id, day)`, [pgArray(days.map((d) => d.commodityId)), pgArray(days.map((d) => d.day))]);
  }

  /** `latest` selects (commodity_id, day): the day each commodity's subscriptions are checked on. */
  private async check(em: EntityManager, latest: string, params: unknown[]): Promise<number> {
    const hits = await sqlIn(em)<Hit>(
      `with latest as (${latest}),
       subs as (
         select s.*, l.day from price_subscription s join latest l on l.commodity_id = s.commodity_id
          where s.kind <> 'DIGEST' and (s.state_on is null or s.state_on <= l.day)),
       averages as (
         select o.commodity_id, o.observed_on, sum(coalesce(o.avg_per_kg_fen, o.avg_fen))::float8 / count(*) as avg
           from "market"."price_observation" o join latest l on l.commodity_id = o.commodity_id and o.observed_on = l.day
          group by 1, 2),
       at_place as (
         select o.commodity_id, o.market_id, null::varchar as county_code, sum(coalesce(o.avg_per_kg_fen, o.avg_fen))::float8 / count(*) as avg
           from "market"."price_observation" o join latest l on l.commodity_id = o.commodity_id and o.observed_on = l.day
          where o.market_id in (select market_id from subs where market_id is not null)
          group by 1, 2
         union all
         select o.commodity_id, null::int, o.county_code, sum(coalesce(o.avg_per_kg_fen, o.avg_fen))::float8 / count(*)
           from "market"."price_observation" o join latest l on l.commodity_id = o.commodity_id and o.observed_on = l.day
          where o.county_code in (select county_code from subs where county_code is not null)
          group by 1, 3),
       bases as (
         select b.commodity_id, b.market_id, b.county_code, b.days, b.day, base.avg
           from (select distinct commodity_id, market_id, county_code, coalesce(days, 1) as days, day from subs where kind = 'MOVE') b
           left join lateral (
             select sum(coalesce(o.avg_per_kg_fen, o.avg_fen))::float8 / count(*) as avg
               from "market"."price_observation" o
              where o.commodity_id = b.commodity_id and (b.market_id is null or o.market_id = b.market_id) and (b.county_code is null or o.county_code = b.county_code)
                and o.observed_on = (select max(p.observed_on) from "market"."price_observation" p
                                      where p.commodity_id = b.commodity_id and (b.market_id is null or p.market_id = b.market_id)
                                        and (b.county_code is null or p.county_code = b.county_code) and p.observed_on <= b.day - b.days)) base on true),
       checked as (
         select s.id, s.day, s.beyond as was_beyond, coalesce(m.avg, a.avg) as avg, b.avg as prev
           from subs s
           left join averages a on s.market_id is null and s.county_code is null and a.commodity_id = s.commodity_id
           left join at_place m on (s.market_id is not null or s.county_code is not null) and m.commodity_id = s.commodity_id
                                and m.market_id is not distinct from s.market_id and m.county_code is not distinct from s.county_code
           left join bases b on s.kind = 'MOVE' and b.commodity_id = s.commodity_id and b.market_id is not distinct from s.market_id
                            and b.county_code is not distinct from s.county_code and b.days = coalesce(s.days, 1) and b.day = s.day
          where coalesce(m.avg, a.avg) is not null),
       moved as (
         update price_subscription s
            set beyond = case s.kind when 'ABOVE' then c.avg >= s.threshold_fen
                                     when 'BELOW' then c.avg <= s.threshold_fen
                                     else coalesce(c.prev > 0 and abs(c.avg - c.prev) * 10000 >= s.percent_bp * c.prev, false) end,
                state_on = c.day
           from checked c
          where s.id = c.id and (s.state_on is null or s.state_on <= c.day) and s.beyond = c.was_beyond
         returning s.id as subscription_id, s.user_id, s.kind, s.threshold_fen, s.percent_bp, s.days, s.market_id, s.county_code, s.commodity_id,
                   c.day, c.avg, c.prev, c.was_beyond, s.beyond as is_beyond),
       sent as (
         insert into price_alert (subscription_id, observed_on, avg_fen, created_at)
         select subscription_id, day, round(avg), now() from moved where is_beyond and not was_beyond
         on conflict do nothing returning subscription_id)
       select h.subscription_id, h.user_id, h.kind, h.threshold_fen, h.percent_bp, h.days, c.code as commodity_code, c.name_zh as commodity_name,
              coalesce(m.name, k.name) as market_name, to_char(h.day, 'YYYY-MM-DD') as day, round(h.avg)::int as avg, round(h.prev)::int as prev
         from moved h join sent on sent.subscription_id = h.subscription_id
         join commodity c on c.id = h.commodity_id left join market m on m.id = h.market_id left join county k on k.code = h.county_code`,
      params,
    );
    const messages = hits.map((hit) => ({ hit, message: alertMessage(hit) }));
    await this.webhooks.queue(
      em,
      messages.map(({ hit, message }) => ({
        userId: hit.user_id,
        event: 'price-alert',
        data: {
          subscriptionId: hit.subscription_id,
          kind: hit.kind,
          commodity: hit.commodity_code,
          commodityName: hit.commodity_name,
          market: hit.market_name,
          day: hit.day,
          avgPerKgFen: hit.avg,
          previousPerKgFen: hit.prev,
          thresholdFen: hit.threshold_fen,
          percent: hit.percent_bp === null ? null : hit.percent_bp / 100,
          days: hit.days,
          titleZh: message.titleZh,
          titleEn: message.titleEn,
          link: message.link,
        },
      })),
    );
    return this.notifications.notifyEach(em, messages.map(({ hit, message }) => ({ userId: hit.user_id, message })));
  }

  /** Each digest subscriber's followed commodities, their latest average per kg and change, in one notification per user. */
  async digest(em: EntityManager): Promise<number> {
    const rows = await sqlIn(em)<{ user_id: string; name: string; avg: number | null; prev: number | null }>(
      `with subs as (select distinct s.user_id, s.commodity_id from price_subscription s where s.kind = 'DIGEST'),
       last as (select s.commodity_id, max(o.observed_on) as day from subs s join "market"."price_observation" o on o.commodity_id = s.commodity_id and o.observed_on <= ?::date group by 1)
       select s.user_id, c.name_zh as name,
              (select round(avg(coalesce(o.avg_per_kg_fen, o.avg_fen)))::int from "market"."price_observation" o where o.commodity_id = s.commodity_id and o.observed_on = l.day) as avg,
              (select round(avg(coalesce(o.avg_per_kg_fen, o.avg_fen)))::int from "market"."price_observation" o where o.commodity_id = s.commodity_id
                  and o.observed_on = (select max(p.observed_on) from "market"."price_observation" p where p.commodity_id = s.commodity_id and p.observed_on < l.day)) as prev
         from subs s join commodity c on c.id = s.commodity_id left join last l on l.commodity_id = s.commodity_id
        order by s.user_id, c.sort_order`,
      [chinaToday()],
    );
    const byUser = new Map<string, string[]>();
    for (const r of rows) {
      const change = r.avg !== null && r.prev ? ` ${r.avg >= r.prev ? '↑' : '↓'}${(Math.abs(r.avg - r.prev) / r.prev * 100).toFixed(1)}%` : '';
      byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.avg === null ? `${r.name} 暂无报价` : `${r.name} ${formatFen(r.avg)}/千克${change}`]);
    }
    return this.notifications.notifyEach(
      em,
      [...byUser].map(([userId, lines]) => ({
        userId,
        message: { kind: 'price-digest', titleZh: `今日行情：${lines.length} 个品种`, titleEn: `Today's prices: ${lines.length} commodities`, bodyZh: lines.join('；'), bodyEn: lines.join('; '), link: '/prices' },
      })),
    );
  }
}
