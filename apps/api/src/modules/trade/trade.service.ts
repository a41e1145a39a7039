import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { addDays, chinaToday, pricePerKgFen, unitInfo } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId, isUuid } from '../../common/ids';
import { decodeCursor, pageSize, toPage, type Page } from '../../common/pagination';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { containsPattern, optionalText, requireText } from '../../common/text-input';
import { JobRegistry } from '../events/job-registry';
import { OutboxService } from '../events/outbox.service';
import { GeoService } from '../geo/geo.service';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationKind, SELLER_KINDS, VerificationStatus } from '../identity/organisation.entity';
import { OrganisationService } from '../identity/organisation.service';
import { NotificationService } from '../notifications/notification.service';
import { PurchaseRequest, RequestQuote } from './trade.entities';

export interface PostRequestInput {
  organisationId: string;
  channelCode: string;
  categoryId?: string | null;
  title: string;
  quantity: number;
  unit: string;
  minPriceFen?: number | null;
  maxPriceFen?: number | null;
  deliveryCountyCode: string;
  neededBy: string;
  validUntil?: string | null;
}

export interface QuoteInput {
  requestId: string;
  organisationId: string;
  unitPriceFen: number;
  quantity: number;
  deliveryDate: string;
  note?: string | null;
  listingId?: string | null;
}

export interface Suggestion {
  listingId: string;
  sellerId: string;
  title: string;
  score: number;
  pricePerKgFen: number | null;
  reasons: string[];
}

const MAX_VALID_DAYS = 90;
/** A whole number of at least 1 that a 32-bit column holds with room to spare. */
const positive = (n: unknown) => Number.isInteger(n) && (n as number) > 0 && (n as number) <= 2_000_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Purchase requests (求购) and quotes: buyers post what they need, sellers quote, the buyer accepts
 * one. Each new request is matched against public listings and the best sellers are told; each new
 * listing is matched against open requests and their buyers are told.
 */
@Injectable()
export class TradeService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    private readonly geo: GeoService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobRegistry,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.on('notify-matching-sellers', ['trade.request-posted'], async (event, em) => {
      const request = await em.findOneOrFail(PurchaseRequest, event.payload.requestId);
      const best = (await this.suggestionsFor(em, request)).slice(0, 5);
      const sellers = [...new Set(best.map((s) => s.sellerId))];
      for (const sellerId of sellers) {
        await this.notifications.notify(em, await this.organisations.memberIds(sellerId, MemberRole.STAFF, em), {
          kind: 'trade-match',
          titleZh: `新求购与您的供应相符：${request.title}`,
          titleEn: `A new purchase request fits your listings: ${request.title}`,
          bodyZh: `需要 ${request.quantity} ${unitInfo(request.unit)?.zh ?? request.unit}，交货至 ${(await this.geo.county(request.deliveryCountyCode))?.name ?? request.deliveryCountyCode}。`,
          bodyEn: `${request.quantity} ${unitInfo(request.unit)?.en ?? request.unit} wanted.`,
          link: `/requests/${request.id}`,
        });
      }
    });
    this.jobs.on('notify-matching-buyers', ['listing.created'], async (event, em) => {
      if (event.payload.status !== 'ACTIVE') return;
      const requests = await this.requestsMatchingListing(em, event.payload.listingId);
      for (const r of requests.slice(0, 20)) {
        await this.notifications.notify(em, await this.organisations.memberIds(r.buyer_id, MemberRole.STAFF, em), {
          kind: 'trade-match',
          titleZh: `新供应与您的求购相符：${r.title}`,
          titleEn: `A new listing fits your purchase request: ${r.title}`,
          bodyZh: '打开求购查看推荐的供应。',
          bodyEn: 'Open the request to see the suggested listings.',
          link: `/requests/${r.id}`,
        });
      }
    });
    this.jobs.on('notify-quote-parties', ['trade.quote-made', 'trade.quote-accepted'], async (event, em) => {
      const accepted = event.type === 'trade.quote-accepted';
      const to = accepted ? event.payload.sellerId : event.payload.buyerId;
      await this.notifications.notify(em, await this.organisations.memberIds(to, MemberRole.STAFF, em), {
        kind: 'trade-quote',
        titleZh: accepted ? '您的报价已被采纳' : '您的求购收到新报价',
        titleEn: accepted ? 'Your quote was accepted' : 'Your purchase request has a new quote',
        bodyZh: accepted ? '请联系买家安排下单与发货。' : '打开求购比较报价。',
        bodyEn: accepted ? 'Contact the buyer to arrange the order.' : 'Open the request to compare quotes.',
        link: `/requests/${event.payload.requestId}`,
      });
    });
  }

  async post(ctx: RequestContext, input: PostRequestInput): Promise<PurchaseRequest> {
    const user = ctx.requireUser();
    await this.organisations.requireRole(ctx, input.organisationId, MemberRole.STAFF);
    const org = await this.organisations.byId(input.organisationId);
    if (org.kind !== OrganisationKind.BUYER || org.verificationStatus !== VerificationStatus.VERIFIED) throw new DomainError('trade/not-buyer');
    const title = requireText(input.title ?? '', 'listingTitle', 'trade/request-invalid');
    const [channel] = await this.em.getConnection().execute<{ code: string }[]>('select code from channel where code = ?', [input.channelCode]);
    if (!channel) throw new DomainError('catalog/channel-unknown');
    let categoryId: number | null = null;
    if (input.categoryId) {
      categoryId = intId(input.categoryId) ?? null;
      const [found] = categoryId ? await this.em.getConnection().execute<{ id: number }[]>('select id from category where id = ? and channel_code = ?', [categoryId, channel.code]) : [];
      if (!found) throw new DomainError('catalog/category-unknown');
    }
    if (!unitInfo(input.unit)) throw new DomainError('catalog/unit-unknown');
    const today = chinaToday();
    const validUntil = input.validUntil ?? addDays(today, 30);
    const ok =
      positive(input.quantity) &&
      (input.minPriceFen == null || positive(input.minPriceFen)) &&
      (input.maxPriceFen == null || positive(input.maxPriceFen)) &&
      (input.minPriceFen == null || input.maxPriceFen == null || input.minPriceFen <= input.maxPriceFen) &&
      DATE.test(input.neededBy ?? '') && input.neededBy >= today &&
      DATE.test(validUntil) && validUntil >= today && validUntil <= addDays(today, MAX_VALID_DAYS);
    if (!ok) throw new DomainError('trade/request-invalid');
    const county = await this.geo.requireCounty(input.deliveryCountyCode);
    const [commodity] = categoryId
      ? await this.em.getConnection().execute<{ id: number }[]>('select id from commodity where category_id = ? or category_id = (select parent_id from category where id = ?) limit 1', [categoryId, categoryId])
      : [];
    return this.em.fork().transactional(async (em) => {
      const request = em.create(PurchaseRequest, {
        buyerId: org.id, createdBy: user.id, channelCode: channel.code, categoryId, commodityId: commodity?.id ?? null, title,
        quantity: input.quantity, unit: input.unit, minPriceFen: input.minPriceFen ?? null, maxPriceFen: input.maxPriceFen ?? null,
        deliveryCountyCode: county.code, neededBy: input.neededBy, validUntil, status: 'OPEN',
      });
      await em.flush();
      await this.outbox.record(em, { type: 'trade.request-posted', aggregate: 'purchase-request', aggregateId: request.id, payload: { requestId: request.id, buyerId: org.id, channel: channel.code } });
      return request;
    });
  }

  /** Open requests of a channel (or all), newest first: the 供求 board. */
  /** Open requests, newest first: of a channel, a commodity, a delivery county or prefecture, with words in the title. */
  async board(args: { channel?: string; q?: string; commodity?: string; countyCode?: string; prefectureCode?: string; first?: number; after?: string }): Promise<Page<PurchaseRequest>> {
    const size = pageSize(args.first);
    const where: string[] = [`r.status = 'OPEN'`, 'r.valid_until >= ?'];
    const params: unknown[] = [chinaToday()];
    if (args.channel) {
      where.push('r.channel_code = ?');
      params.push(args.channel);
    }
    if (args.commodity) {
      const [commodity] = await this.em.getConnection().execute<{ id: number }[]>('select id from commodity where code = ?', [args.commodity]);
      if (!commodity) throw new DomainError('market/commodity-unknown', { code: args.commodity });
      where.push('r.commodity_id = ?');
      params.push(commodity.id);
    }
    if (args.countyCode) {
      where.push('r.delivery_county_code = ?');
      params.push((await this.geo.requireCounty(args.countyCode)).code);
    }
    if (args.prefectureCode) {
      if (!(await this.geo.counties({ prefectureCode: args.prefectureCode })).length) throw new DomainError('geo/county-unknown', { prefectureCode: args.prefectureCode });
      where.push('r.delivery_county_code in (select code from county where prefecture_code = ?)');
      params.push(args.prefectureCode);
    }
    const pattern = containsPattern(args.q, 'catalog/query-too-long');
    if (pattern) {
      where.push(`r.title ilike ? escape '\\'`);
      params.push(pattern);
    }
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      where.push('(r.created_at, r.id) < (?::timestamptz, ?::uuid)');
      params.push(createdAt, id);
    }
    const rows = await this.em.getConnection().execute<{ id: string }[]>(`select r.id from purchase_request r where ${where.join(' and ')} order by r.created_at desc, r.id desc limit ?`, [...params, size + 1]);
    const found = rows.length ? await this.em.fork().find(PurchaseRequest, { id: { $in: rows.map((r) => r.id) } }) : [];
    return toPage(rows.map((r) => found.find((f) => f.id === r.id)!), size, (r) => [r.createdAt, r.id]);
  }

  async byId(id: string): Promise<PurchaseRequest> {
    const request = isUuid(id) ? await this.em.fork().findOne(PurchaseRequest, id) : null;
    if (!request) throw new DomainError('trade/request-not-found');
    return request;
  }

  async close(ctx: RequestContext, id: string): Promise<PurchaseRequest> {
    const request = await this.byId(id);
    await this.organisations.requireRole(ctx, request.buyerId, MemberRole.STAFF);
    await this.em.fork().transactional(async (em) => {
      const closed = await sqlIn(em)(`update purchase_request set status = 'CLOSED' where id = ? and status = 'OPEN' returning id`, [id]);
      if (!closed.length) throw new DomainError('trade/request-closed');
      await sqlIn(em)(`update request_quote set status = 'DECLINED', updated_at = now() where request_id = ? and status = 'PENDING'`, [id]);
    });
    return this.byId(id);
  }

  /** A seller's quote; quoting again while it is pending changes it. */
  async quote(ctx: RequestContext, input: QuoteInput): Promise<RequestQuote> {
    const user = ctx.requireUser();
    const request = await this.byId(input.requestId);
    const seller = await this.organisations.requireSeller(ctx, input.organisationId);
    if (seller.verificationStatus !== VerificationStatus.VERIFIED || !SELLER_KINDS.includes(seller.kind)) throw new DomainError('auth/forbidden');
    if (seller.id === request.buyerId) throw new DomainError('trade/own-request');
    const today = chinaToday();
    if (request.status !== 'OPEN' || request.validUntil < today) throw new DomainError('trade/request-closed');
    if (!positive(input.unitPriceFen) || !positive(input.quantity) || !DATE.test(input.deliveryDate ?? '') || input.deliveryDate < today) throw new DomainError('trade/quote-invalid');
    const note = optionalText(input.note, 'orderNote', 'trade/quote-invalid') ?? '';
    if (input.listingId) {
      const [listing] = isUuid(input.listingId) ? await this.em.getConnection().execute<{ id: string }[]>('select id from listing where id = ? and organisation_id = ?', [input.listingId, seller.id]) : [];
      if (!listing) throw new DomainError('catalog/listing-not-found');
    }
    return this.em.fork().transactional(async (em) => {
      const [row] = await sqlIn(em)<{ id: string; inserted: boolean }>(
        `insert into request_quote (id, request_id, seller_id, created_by, listing_id, unit_price_fen, quantity, delivery_date, note, status, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', now(), now())
         on conflict (request_id, seller_id) do update set unit_price_fen = excluded.unit_price_fen, quantity = excluded.quantity, delivery_date = excluded.delivery_date,
           note = excluded.note, listing_id = excluded.listing_id, created_by = excluded.created_by, updated_at = now()
           where request_quote.status = 'PENDING'
         returning id, (xmax = 0) as inserted`,
        [request.id, seller.id, user.id, input.listingId ?? null, input.unitPriceFen, input.quantity, input.deliveryDate, note],
      );
      if (!row) throw new DomainError('trade/request-closed');
      if (row.inserted) {
        await this.outbox.record(em, { type: 'trade.quote-made', aggregate: 'purchase-request', aggregateId: request.id, payload: { requestId: request.id, quoteId: row.id, buyerId: request.buyerId, sellerId: seller.id } });
      }
      return em.findOneOrFail(RequestQuote, row.id);
    });
  }

  /** The buyer takes one quote: it is accepted, the others declined, the request fulfilled — once, whatever races. */
  async accept(ctx: RequestContext, quoteId: string): Promise<RequestQuote> {
    const quote = isUuid(quoteId) ? await this.em.fork().findOne(RequestQuote, quoteId) : null;
    if (!quote) throw new DomainError('trade/quote-not-found');
    const request = await this.byId(quote.requestId);
    if (!(await this.organisations.roleOf(ctx, request.buyerId))) throw new DomainError(ctx.user ? 'trade/quote-not-found' : 'auth/unauthenticated');
    return this.em.fork().transactional(async (em) => {
      const taken = await sqlIn(em)(`update purchase_request set status = 'FULFILLED' where id = ? and status = 'OPEN' returning id`, [request.id]);
      if (!taken.length) throw new DomainError('trade/request-closed');
      const accepted = await sqlIn(em)(`update request_quote set status = 'ACCEPTED', updated_at = now() where id = ? and status = 'PENDING' returning id`, [quote.id]);
      if (!accepted.length) throw new DomainError('trade/request-closed');
      await sqlIn(em)(`update request_quote set status = 'DECLINED', updated_at = now() where request_id = ? and id <> ? and status = 'PENDING'`, [request.id, quote.id]);
      await this.outbox.record(em, { type: 'trade.quote-accepted', aggregate: 'purchase-request', aggregateId: request.id, payload: { requestId: request.id, quoteId: quote.id, buyerId: request.buyerId, sellerId: quote.sellerId } });
      return em.findOneOrFail(RequestQuote, quote.id, { refresh: true });
    });
  }

  /**
   * An accepted quote as the price of a checkout line: only for a member of the buyer, for the
   * quote's listing, up to its quantity, once. With `take` (in the checkout's transaction) the quote
   * becomes ORDERED; without (a price preview) it is only checked. Returns the agreed unit price.
   */
  async agreedPrice(em: EntityManager, quoteId: string, userId: string, listingId: string, quantity: number, take: boolean): Promise<number> {
    const [q] = isUuid(quoteId)
      ? await sqlIn(em)<{ status: string; listing_id: string | null; quantity: number; unit_price_fen: number; member: boolean }>(
          `select q.status, q.listing_id, q.quantity, q.unit_price_fen,
                  exists (select 1 from membership m where m.user_id = ? and m.organisation_id = r.buyer_id) as member
             from request_quote q join purchase_request r on r.id = q.request_id where q.id = ?${take ? ' for update of q' : ''}`,
          [userId, quoteId],
        )
      : [];
    if (!q || !q.member) throw new DomainError('trade/quote-not-found');
    if (q.status !== 'ACCEPTED' || q.listing_id !== listingId) throw new DomainError('trade/quote-not-orderable', { status: q.status });
    if (quantity > q.quantity) throw new DomainError('ordering/quantity-invalid', { listingId, maxQuantity: q.quantity });
    if (take) await sqlIn(em)(`update request_quote set status = 'ORDERED', updated_at = now() where id = ?`, [quoteId]);
    return q.unit_price_fen;
  }

  /** Quotes on a request: all of them to the buyer's members, a seller's own to that seller, none to anyone else. */
  async quotesFor(ctx: RequestContext, request: PurchaseRequest): Promise<RequestQuote[]> {
    if (!ctx.user) return [];
    const all = await this.em.fork().find(RequestQuote, { requestId: request.id }, { orderBy: { unitPriceFen: 'asc', createdAt: 'asc' } });
    if (ctx.user.isPlatformAdmin || (await this.organisations.roleOf(ctx, request.buyerId))) return all;
    const mine = [];
    for (const q of all) if (await this.organisations.roleOf(ctx, q.sellerId)) mine.push(q);
    return mine;
  }

  /**
   * Public listings that fit a request, best first: the same category (or one below it), then price
   * within the range (compared per kg when both are sold by weight), stock for the whole quantity,
   * nearness (same county, then prefecture) and certifications.
   */
  async suggestionsFor(em: EntityManager, request: PurchaseRequest): Promise<Suggestion[]> {
    const rows = await sqlIn(em)<{ id: string; organisation_id: string; title: string; unit: string; base_price_fen: number; stock: number; origin_county_code: string; certifications: string[] }>(
      `select l.id, l.organisation_id, l.title, l.unit, l.base_price_fen, l.stock, l.origin_county_code, l.certifications
         from listing l join organisation o on o.id = l.organisation_id
        where l.status = 'ACTIVE' and o.verification_status = 'VERIFIED' and l.channel_code = ? and o.id <> ?
          ${request.categoryId ? 'and (l.category_id = ? or l.category_id in (select id from category where parent_id = ?))' : ''}
        order by l.published_at desc limit 500`,
      request.categoryId ? [request.channelCode, request.buyerId, request.categoryId, request.categoryId] : [request.channelCode, request.buyerId],
    );
    const perKg = (fen: number | null | undefined, unit: string) => (fen == null ? null : pricePerKgFen(fen, unit));
    const maxPerKg = perKg(request.maxPriceFen, request.unit);
    const suggestions = rows.map((l) => {
      const reasons: string[] = [];
      let score = 1;
      const listingPerKg = pricePerKgFen(l.base_price_fen, l.unit);
      const priceFits = request.maxPriceFen == null ? true : maxPerKg !== null && listingPerKg !== null ? listingPerKg <= maxPerKg : l.unit === request.unit && l.base_price_fen <= request.maxPriceFen;
      if (priceFits) { score += 3; reasons.push('price'); }
      const sameUnitStock = l.unit === request.unit ? l.stock : null;
      if (sameUnitStock !== null && sameUnitStock >= request.quantity) { score += 2; reasons.push('stock'); }
      if (l.origin_county_code === request.deliveryCountyCode) { score += 3; reasons.push('county'); }
      else if (l.origin_county_code.slice(0, 4) === request.deliveryCountyCode.slice(0, 4)) { score += 2; reasons.push('prefecture'); }
      if (l.certifications.length) { score += 1; reasons.push('certified'); }
      return { listingId: l.id, sellerId: l.organisation_id, title: l.title, score, pricePerKgFen: listingPerKg, reasons };
    });
    return suggestions.sort((a, b) => b.score - a.score || (a.pricePerKgFen ?? Infinity) - (b.pricePerKgFen ?? Infinity)).slice(0, 20);
  }

  /** Open requests a new listing fits (its channel, and its category or the one above). */
  private async requestsMatchingListing(em: EntityManager, listingId: string): Promise<{ id: string; buyer_id: string; title: string }[]> {
    return sqlIn(em)(
      `select r.id, r.buyer_id, r.title from purchase_request r join listing l on l.id = ?
        where r.status = 'OPEN' and r.valid_until >= ? and r.channel_code = l.channel_code and r.buyer_id <> l.organisation_id
          and (r.category_id is null or r.category_id = l.category_id or r.category_id = (select parent_id from category where id = l.category_id))
        order by r.created_at desc limit 50`,
      [listingId, chinaToday()],
    );
  }
}
