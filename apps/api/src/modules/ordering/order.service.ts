import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { chinaToday, pricePerKgFen } from '@xiangnong/domain';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, pageSize, toPage, type Page } from '../../common/pagination';
import type { AuthUser, RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { optionalText, requireText } from '../../common/text-input';
import { APP_CONFIG, type AppConfig } from '../../config';
import { StockService } from '../catalog/stock.service';
import type { StockReason } from '../catalog/catalog.events';
import { OutboxService } from '../events/outbox.service';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import { LogisticsService } from '../logistics/logistics.service';
import { PaymentMethod } from '../payments/payments.entities';
import { PaymentsService } from '../payments/payments.service';
import { type OrderAction, type OrderActor, OrderStatus, ORDER_TRANSITIONS, transitionFor } from './order-status';
import { type OrderRecord, type OrderRow, toOrderRecord } from './order.record';
import { retryOnDeadlock } from './transactions';

/** Columns a move may set besides the status. */
type OrderPatch = Partial<Record<'paid_at' | 'shipped_at' | 'delivered_at' | 'completed_at' | 'pickup_code' | 'cancel_reason' | 'expires_at', unknown>>;

export interface ShipInput {
  carrier?: string | null;
  trackingNumber?: string | null;
  ownDelivery?: boolean | null;
  logisticsOrganisationId?: string | null;
}

/** What people can do on an order page besides the moves of the transition table. */
export type OrderCommand = OrderAction | 'confirm-transfer' | 'track' | 'review';

const CARRIER = /^[A-Z0-9]{2,20}$/;
const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,40}$/;

/** Handed over: delivered now, and paid now when the money is cash on delivery. */
function handOverPatch(order: OrderRecord): OrderPatch {
  const now = new Date();
  return order.paymentMethod === PaymentMethod.CASH_ON_DELIVERY ? { delivered_at: now, paid_at: now } : { delivered_at: now };
}

interface Moved {
  order: OrderRecord;
  actor: OrderActor;
}

/**
 * The order state machine and what each move does to stock, money and shipments. Every move is one
 * transaction around a guarded update (`… where status = <from>`), so of two moves that race only
 * one happens, and its effects happen with it.
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    private readonly logistics: LogisticsService,
    private readonly payments: PaymentsService,
    private readonly stock: StockService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ── reads ────────────────────────────────────────────────────────────────

  /** An order its buyer, seller, station or carrier (or an admin) may see; "not found" for anyone else. */
  async byId(ctx: RequestContext, id: string): Promise<OrderRecord> {
    const user = ctx.requireUser();
    const order = isUuid(id) ? await this.load(this.em.fork(), id, false) : undefined;
    if (!order) throw new DomainError('ordering/not-found');
    if (!user.isPlatformAdmin && !(await this.actorsOn(this.em.fork(), user, order)).length) throw new DomainError('ordering/not-found');
    return order;
  }

  async byCheckout(checkoutId: string): Promise<OrderRecord[]> {
    const rows = await this.em.getConnection().execute<OrderRow[]>('select * from sales_order where checkout_id = ? order by number', [checkoutId]);
    return rows.map(toOrderRecord);
  }

  async buyerOrders(ctx: RequestContext, args: { first?: number; after?: string; status?: OrderStatus }): Promise<Page<OrderRecord>> {
    const user = ctx.requireUser();
    return this.page(['o.buyer_id = ?'], [user.id], args);
  }

  async sellerOrders(ctx: RequestContext, organisationId: string, args: { first?: number; after?: string; status?: OrderStatus }): Promise<Page<OrderRecord>> {
    if (!isUuid(organisationId)) throw new DomainError('org/not-found');
    await this.organisations.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    return this.page(['o.seller_id = ?'], [organisationId], args);
  }

  /** Orders travelling to the stations an organisation runs, or carried by it as a logistics partner. */
  async partnerOrders(ctx: RequestContext, organisationId: string, args: { first?: number; after?: string; status?: OrderStatus }): Promise<Page<OrderRecord>> {
    if (!isUuid(organisationId)) throw new DomainError('org/not-found');
    await this.organisations.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    return this.page(
      [
        `(o.station_id in (select id from service_station where organisation_id = ?)
          or o.id in (select order_id from shipment where logistics_organisation_id = ?))`,
        `o.status not in ('AWAITING_PAYMENT', 'AWAITING_SHIPMENT')`,
      ],
      [organisationId, organisationId],
      args,
    );
  }

  private async page(where: string[], params: unknown[], args: { first?: number; after?: string; status?: OrderStatus }): Promise<Page<OrderRecord>> {
    const size = pageSize(args.first);
    const conditions = [...where];
    const values = [...params];
    if (args.status) {
      conditions.push('o.status = ?');
      values.push(args.status);
    }
    if (args.after) {
      const [placedAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      conditions.push('(o.placed_at, o.id) < (?::timestamptz, ?::uuid)');
      values.push(placedAt, id);
    }
    const rows = await this.em
      .getConnection()
      .execute<OrderRow[]>(`select o.* from sales_order o where ${conditions.join(' and ')} order by o.placed_at desc, o.id desc limit ?`, [...values, size + 1]);
    return toPage(rows.map(toOrderRecord), size, (o) => [o.placedAt, o.id]);
  }

  /** Who the user is on this order: its buyer, a member of its seller, of its station's operator, of its carrier. */
  private async actorsOn(em: EntityManager, user: AuthUser, order: OrderRecord): Promise<OrderActor[]> {
    const actors: OrderActor[] = [];
    if (order.buyerId === user.id) actors.push('BUYER');
    const [row] = await sqlIn(em)<{ seller: boolean; station: boolean; logistics: boolean }>(
      `select exists (select 1 from membership m where m.user_id = ? and m.organisation_id = ?) as seller,
              exists (select 1 from membership m join service_station s on s.organisation_id = m.organisation_id where m.user_id = ? and s.id = ?) as station,
              exists (select 1 from membership m join shipment sh on sh.logistics_organisation_id = m.organisation_id where m.user_id = ? and sh.order_id = ?) as logistics`,
      [user.id, order.sellerId, user.id, order.stationId, user.id, order.id],
    );
    if (row!.seller) actors.push('SELLER');
    if (row!.station) actors.push('STATION');
    if (row!.logistics) actors.push('LOGISTICS');
    return actors;
  }

  /** What the user can do on the order now, for the buttons of its page. */
  async commandsFor(ctx: RequestContext, order: OrderRecord): Promise<OrderCommand[]> {
    if (!ctx.user) return [];
    const actors = await this.actorsOn(this.em.fork(), ctx.user, order);
    const can = (action: OrderAction) => actors.some((a) => transitionFor(action, order.status, a) && this.guard(action, order) === null);
    const commands: OrderCommand[] = (Object.keys(ORDER_TRANSITIONS) as OrderAction[]).filter(
      (a) => !['pay', 'expire', 'auto-confirm', 'reinstate'].includes(a) && can(a),
    );
    if (actors.includes('SELLER') && order.paymentMethod === PaymentMethod.BANK_TRANSFER && order.status === OrderStatus.AWAITING_PAYMENT) commands.push('confirm-transfer');
    if (actors.some((a) => a !== 'BUYER') && [OrderStatus.SHIPPED, OrderStatus.AT_STATION].includes(order.status)) commands.push('track');
    if (actors.includes('BUYER') && order.status === OrderStatus.COMPLETED) {
      const reviewed = await this.em.getConnection().execute<unknown[]>('select 1 from order_review where order_id = ?', [order.id]);
      if (!reviewed.length) commands.push('review');
    }
    return commands;
  }

  /** A reason beyond the table why a move does not fit this order, or null. */
  private guard(action: OrderAction, order: OrderRecord): string | null {
    const cod = order.paymentMethod === PaymentMethod.CASH_ON_DELIVERY;
    switch (action) {
      case 'arrive-at-station':
      case 'hand-over':
        return order.deliveryKind === 'STATION' ? null : 'delivered to an address, not a station';
      case 'deliver':
        return order.deliveryKind === 'ADDRESS' ? null : 'collected at a station with its pickup code';
      case 'confirm-receipt':
        // straight from shipped only where nobody must hand over goods or collect money
        if (order.status === OrderStatus.SHIPPED && (cod || order.deliveryKind === 'STATION')) return 'not handed over yet';
        return null;
      default:
        return null;
    }
  }

  // ── moves ────────────────────────────────────────────────────────────────

  /**
   * Runs a user's move on an order: locks it, finds the role the table lets the user act in, checks
   * the move's own rules (`check`), makes the guarded update and its effects (`effects`), all in one
   * transaction.
   */
  private async act(
    ctx: RequestContext,
    orderId: string,
    action: OrderAction,
    options: {
      note?: string | null;
      patch?: (order: OrderRecord) => OrderPatch;
      check?: (order: OrderRecord, em: EntityManager) => Promise<void> | void;
      effects?: (moved: Moved, em: EntityManager) => Promise<void>;
    } = {},
  ): Promise<OrderRecord> {
    const user = ctx.requireUser();
    if (!isUuid(orderId)) throw new DomainError('ordering/not-found');
    return retryOnDeadlock(() =>
      this.em.fork().transactional(async (em) => {
        const { order, actors } = await this.asParty(em, user, orderId, true);
        const actor = actors.find((a) => transitionFor(action, order.status, a));
        if (!actor) {
          const anyone = ORDER_TRANSITIONS[action].some((t) => t.from === order.status);
          throw anyone ? new DomainError('auth/forbidden') : new DomainError('ordering/transition-not-allowed', { status: order.status, action });
        }
        const reason = this.guard(action, order);
        if (reason) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action, reason });
        await options.check?.(order, em);
        const moved = await this.move(em, order, action, actor, user.id, { note: options.note ?? null, patch: options.patch?.(order) ?? {} });
        await options.effects?.({ order: moved, actor }, em);
        return moved;
      }),
    );
  }

  /**
   * The guarded update: moves the order from the status it was read in to the one the table gives,
   * or throws when another move got there first. Records the transition and its event.
   */
  async move(
    em: EntityManager,
    order: OrderRecord,
    action: OrderAction,
    actor: OrderActor,
    actorId: string | null,
    { note = null, patch = {} }: { note?: string | null; patch?: OrderPatch } = {},
  ): Promise<OrderRecord> {
    const next = transitionFor(action, order.status, actor);
    if (!next) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action });
    const sets = Object.keys(patch).map((column) => `${column} = ?`);
    const sql = sqlIn(em);
    const [row] = await sql<OrderRow>(
      `update sales_order set status = ?, updated_at = now()${sets.map((s) => `, ${s}`).join('')} where id = ? and status = ? returning *`,
      [next.to, ...Object.values(patch), order.id, order.status],
    );
    if (!row) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action });
    await sql('insert into order_transition (order_id, action, from_status, to_status, actor_role, actor_id, note, created_at) values (?, ?, ?, ?, ?, ?, ?, now())', [
      order.id, action, order.status, next.to, actor, actorId, note,
    ]);
    const moved = toOrderRecord(row);
    await this.outbox.record(em, {
      type: 'order.transitioned',
      aggregate: 'order',
      aggregateId: order.id,
      payload: { orderId: order.id, number: order.number, buyerId: order.buyerId, sellerId: order.sellerId, stationId: order.stationId, action, from: order.status, to: next.to, actor, actorId, note },
    });
    return moved;
  }

  async cancel(ctx: RequestContext, orderId: string, reasonRaw: string): Promise<OrderRecord> {
    const reason = requireText(reasonRaw ?? '', 'orderReason', 'ordering/reason-invalid');
    return this.act(ctx, orderId, 'cancel', {
      note: reason,
      patch: () => ({ cancel_reason: reason }),
      effects: async ({ order, actor }, em) => {
        await this.returnStock(em, order, 'order-cancelled', ctx.user!.id);
        await this.refundIfPaid(em, order, `${actor === 'BUYER' ? 'buyer' : 'seller'} cancelled`, ctx.user!.id);
      },
    });
  }

  /**
   * A seller saw the buyer's transfer arrive. On an order still waiting, it moves on; on one that
   * expired meanwhile, the stock is taken again if it is there, and otherwise the money is recorded
   * as owed back to the buyer.
   */
  async confirmTransfer(ctx: RequestContext, orderId: string, referenceRaw?: string | null): Promise<OrderRecord> {
    const user = ctx.requireUser();
    const reference = optionalText(referenceRaw, 'orderNote', 'ordering/note-invalid') ?? null;
    if (!isUuid(orderId)) throw new DomainError('ordering/not-found');
    return retryOnDeadlock(() =>
      this.em.fork().transactional(async (em) => {
        const { order, actors } = await this.asParty(em, user, orderId, true);
        if (!actors.includes('SELLER')) throw new DomainError('auth/forbidden');
        if (order.paymentMethod !== PaymentMethod.BANK_TRANSFER) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action: 'pay' });
        return this.paymentArrived(em, order, { method: PaymentMethod.BANK_TRANSFER, amountFen: order.totalFen, reference, actor: 'SELLER', actorId: user.id });
      }),
    );
  }

  /**
   * Money for an order arrived (a confirmed transfer; a provider's notification). Moves the order on
   * at most once: a second arrival for a paid order changes nothing.
   */
  async paymentArrived(
    em: EntityManager,
    order: OrderRecord,
    money: { method: PaymentMethod; amountFen: number; reference: string | null; actor: OrderActor; actorId: string | null },
  ): Promise<OrderRecord> {
    if (order.status === OrderStatus.AWAITING_PAYMENT) {
      await this.payments.record(em, { orderId: order.id, kind: 'PAYMENT', method: money.method, amountFen: money.amountFen, reference: money.reference, actorId: money.actorId });
      return this.move(em, order, 'pay', money.actor, money.actorId, { note: money.reference, patch: { paid_at: new Date(), expires_at: null } });
    }
    const expired = order.status === OrderStatus.CANCELLED && (await this.lastAction(em, order.id)) === 'expire';
    if (!expired) {
      if (order.paidAt) return order; // the same money told twice
      throw new DomainError('ordering/transition-not-allowed', { status: order.status, action: 'pay' });
    }
    const recorded = await this.payments.record(em, { orderId: order.id, kind: 'PAYMENT', method: money.method, amountFen: money.amountFen, reference: money.reference, actorId: money.actorId });
    if (!recorded) return order;
    const taken = await this.retake(em, order, money.actorId);
    if (taken) return this.move(em, order, 'reinstate', money.actor, money.actorId, { note: money.reference, patch: { paid_at: new Date(), expires_at: null, cancel_reason: null } });
    await this.payments.record(em, { orderId: order.id, kind: 'REFUND', method: money.method, amountFen: money.amountFen, reference: 'paid after expiry, stock gone', actorId: money.actorId });
    return order;
  }

  async ship(ctx: RequestContext, orderId: string, input: ShipInput): Promise<OrderRecord> {
    const own = Boolean(input.ownDelivery);
    const carrier = input.carrier?.trim().toUpperCase() || null;
    const trackingNumber = input.trackingNumber?.trim() || null;
    if (own ? carrier || trackingNumber : !(carrier && CARRIER.test(carrier) && trackingNumber && TRACKING_NUMBER.test(trackingNumber))) {
      throw new DomainError('logistics/shipment-invalid');
    }
    const partner = input.logisticsOrganisationId || null;
    if (partner) await this.logistics.requirePartner(partner);
    return this.act(ctx, orderId, 'ship', {
      patch: () => ({ shipped_at: new Date() }),
      effects: async ({ order }, em) => {
        const shipment = await this.logistics.createShipment(em, { orderId: order.id, carrier, trackingNumber, logisticsOrganisationId: partner, stationId: order.stationId });
        const how = own ? '卖家自行配送' : `${carrier} ${trackingNumber}`;
        await this.logistics.track(em, shipment.id, { description: `卖家已发货（${how}）`, source: 'SELLER', actorId: ctx.user!.id });
      },
    });
  }

  /** A note on the parcel's way, from its seller, carrier or station. */
  async track(ctx: RequestContext, orderId: string, description: string, location?: string | null): Promise<OrderRecord> {
    const user = ctx.requireUser();
    return this.em.fork().transactional(async (em) => {
      const { order, actors } = await this.asParty(em, user, orderId);
      const carriers = actors.filter((a) => a !== 'BUYER');
      if (!carriers.length) throw new DomainError('auth/forbidden');
      if (![OrderStatus.SHIPPED, OrderStatus.AT_STATION].includes(order.status)) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action: 'track' });
      const shipment = (await this.logistics.shipmentOf(em, order.id))!;
      await this.logistics.track(em, shipment.id, { description, location, source: carriers[0]!, actorId: user.id });
      return order;
    });
  }

  /** The order and who the user is on it; "not found" for anyone who is no party to it (admins included: they look, they do not act). */
  private async asParty(em: EntityManager, user: AuthUser, orderId: string, lock = false): Promise<{ order: OrderRecord; actors: OrderActor[] }> {
    const order = isUuid(orderId) ? await this.load(em, orderId, lock) : undefined;
    if (!order) throw new DomainError('ordering/not-found');
    const actors = await this.actorsOn(em, user, order);
    if (!actors.length) throw new DomainError('ordering/not-found');
    return { order, actors };
  }

  /** The parcel reached the village station: the buyer gets a pickup code. */
  async arriveAtStation(ctx: RequestContext, orderId: string): Promise<OrderRecord> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    return this.act(ctx, orderId, 'arrive-at-station', {
      patch: () => ({ pickup_code: code }),
      effects: async ({ order, actor }, em) => {
        const shipment = await this.logistics.shipmentOf(em, order.id);
        const [station] = await this.logistics.stationsByIds([order.stationId!]);
        if (shipment) await this.logistics.track(em, shipment.id, { description: `已到达${station?.name ?? '服务站'}，请凭取件码取件`, source: actor === 'STATION' ? 'STATION' : 'LOGISTICS', actorId: ctx.user!.id });
      },
    });
  }

  /** The station hands the parcel over against the buyer's pickup code; cash on delivery is collected here. */
  async handOver(ctx: RequestContext, orderId: string, code: string): Promise<OrderRecord> {
    return this.act(ctx, orderId, 'hand-over', {
      check: (order) => {
        const given = Buffer.from(String(code ?? '').trim());
        const expected = Buffer.from(order.pickupCode ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DomainError('ordering/pickup-code-wrong');
      },
      patch: handOverPatch,
      effects: async ({ order }, em) => this.handedOver(em, order, ctx.user!.id, 'STATION'),
    });
  }

  /** Delivered to the door by the seller's own delivery or the logistics partner; cash on delivery is collected here. */
  async deliver(ctx: RequestContext, orderId: string): Promise<OrderRecord> {
    return this.act(ctx, orderId, 'deliver', {
      patch: handOverPatch,
      effects: async ({ order, actor }, em) => this.handedOver(em, order, ctx.user!.id, actor === 'SELLER' ? 'SELLER' : 'LOGISTICS'),
    });
  }

  private async handedOver(em: EntityManager, order: OrderRecord, actorId: string, source: 'STATION' | 'SELLER' | 'LOGISTICS'): Promise<void> {
    if (order.paymentMethod === PaymentMethod.CASH_ON_DELIVERY) {
      await this.payments.record(em, { orderId: order.id, kind: 'PAYMENT', method: PaymentMethod.CASH_ON_DELIVERY, amountFen: order.totalFen, reference: 'collected on hand-over', actorId });
    }
    const shipment = await this.logistics.shipmentOf(em, order.id);
    if (shipment) await this.logistics.track(em, shipment.id, { description: order.deliveryKind === 'STATION' ? '买家已凭取件码取件' : '已送达', source, actorId });
  }

  async confirmReceipt(ctx: RequestContext, orderId: string): Promise<OrderRecord> {
    return this.act(ctx, orderId, 'confirm-receipt', {
      patch: () => ({ completed_at: new Date() }),
      effects: async ({ order }, em) => this.recordSales(em, order),
    });
  }

  async requestRefund(ctx: RequestContext, orderId: string, reasonRaw: string): Promise<OrderRecord> {
    const reason = requireText(reasonRaw ?? '', 'orderReason', 'ordering/reason-invalid');
    return this.act(ctx, orderId, 'request-refund', { note: reason });
  }

  async decideRefund(ctx: RequestContext, orderId: string, approve: boolean, noteRaw?: string | null): Promise<OrderRecord> {
    const note = optionalText(noteRaw, 'orderReason', 'ordering/reason-invalid') ?? null;
    if (!approve) return this.act(ctx, orderId, 'decline-refund', { note });
    return this.act(ctx, orderId, 'approve-refund', {
      note,
      effects: async ({ order }, em) => this.refundIfPaid(em, order, note ?? 'refund approved', ctx.user!.id),
    });
  }

  async review(ctx: RequestContext, orderId: string, rating: number, commentRaw?: string | null): Promise<boolean> {
    const { order, actors } = await this.asParty(this.em.fork(), ctx.requireUser(), orderId);
    if (!actors.includes('BUYER')) throw new DomainError('auth/forbidden');
    if (order.status !== OrderStatus.COMPLETED) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action: 'review' });
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new DomainError('ordering/review-invalid');
    const comment = optionalText(commentRaw, 'reviewComment', 'ordering/review-invalid') ?? '';
    const rows = await this.em.getConnection().execute<unknown[]>(
      `insert into order_review (order_id, seller_id, buyer_id, rating, comment, created_at) values (?, ?, ?, ?, ?, now())
       on conflict (order_id) do nothing returning order_id`,
      [order.id, order.sellerId, order.buyerId, rating, comment],
    );
    if (!rows.length) throw new DomainError('ordering/review-exists');
    return true;
  }

  // ── the system's moves ───────────────────────────────────────────────────

  /**
   * Cancels unpaid orders whose time ran out and returns their stock. Safe to run on several
   * instances at once: each order's guarded update succeeds for one run only, and only that run
   * returns the stock. Returns how many this run cancelled.
   */
  async expireDue(now = new Date(), batch = 200): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.em.getConnection().execute<{ id: string }[]>(
        `select id from sales_order where status = 'AWAITING_PAYMENT' and expires_at <= ? order by expires_at limit ?`,
        [now, batch],
      );
      for (const { id } of due) if (await this.systemMove(id, 'expire', (order, em) => this.returnStock(em, order, 'reservation-released', null))) expired++;
      if (due.length < batch) return expired;
    }
  }

  /** Completes delivered orders their buyers did not confirm within the configured days. */
  async autoConfirmDue(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.autoConfirmDays * 86_400_000);
    const due = await this.em.getConnection().execute<{ id: string }[]>(
      `select id from sales_order where status = 'DELIVERED' and delivered_at <= ? order by delivered_at limit 500`,
      [cutoff],
    );
    let done = 0;
    for (const { id } of due) if (await this.systemMove(id, 'auto-confirm', (order, em) => this.recordSales(em, order), { completed_at: new Date() })) done++;
    return done;
  }

  /** A move by the system; false when the order had already moved on (another run, the buyer). */
  private async systemMove(id: string, action: OrderAction, effects: (order: OrderRecord, em: EntityManager) => Promise<void>, patch: OrderPatch = {}): Promise<boolean> {
    return retryOnDeadlock(() =>
      this.em.fork().transactional(async (em) => {
        const order = await this.load(em, id, false);
        if (!order || !transitionFor(action, order.status, 'SYSTEM')) return false;
        try {
          const moved = await this.move(em, order, action, 'SYSTEM', null, { patch });
          await effects(moved, em);
          return true;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'ordering/transition-not-allowed') return false;
          throw error;
        }
      }),
    );
  }

  // ── effects ──────────────────────────────────────────────────────────────

  private async load(em: EntityManager, id: string, lock: boolean): Promise<OrderRecord | undefined> {
    const [row] = await sqlIn(em)<OrderRow>(`select * from sales_order where id = ?${lock ? ' for update' : ''}`, [id]);
    return row ? toOrderRecord(row) : undefined;
  }

  private async lines(em: EntityManager, orderId: string): Promise<{ id: string; listing_id: string; quantity: number; unit: string; unit_price_fen: number; amount_fen: number; channel_code: string; origin_county_code: string }[]> {
    return sqlIn(em)('select * from order_line where order_id = ? order by listing_id', [orderId]);
  }

  private async lastAction(em: EntityManager, orderId: string): Promise<string | undefined> {
    const [row] = await sqlIn(em)<{ action: string }>('select action from order_transition where order_id = ? order by id desc limit 1', [orderId]);
    return row?.action;
  }

  /** Puts an order's stock back, listing by listing in id order. */
  private async returnStock(em: EntityManager, order: OrderRecord, reason: StockReason, actorId: string | null): Promise<void> {
    for (const line of await this.lines(em, order.id)) {
      await this.stock.adjust(em, { listingId: line.listing_id, delta: line.quantity, reason, reference: order.id, actorId });
    }
  }

  /** Takes an expired order's stock again; false (and nothing taken) when any line's stock is gone. */
  private async retake(em: EntityManager, order: OrderRecord, actorId: string | null): Promise<boolean> {
    await sqlIn(em)('savepoint retake');
    try {
      for (const line of await this.lines(em, order.id)) {
        await this.stock.adjust(em, { listingId: line.listing_id, delta: -line.quantity, reason: 'order-reinstated', reference: order.id, actorId });
      }
      await sqlIn(em)('release savepoint retake');
      return true;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'catalog/stock-insufficient')) throw error;
      await sqlIn(em)('rollback to savepoint retake');
      return false;
    }
  }

  private async refundIfPaid(em: EntityManager, order: OrderRecord, reference: string, actorId: string | null): Promise<void> {
    const { paid, method } = await this.payments.paidFen(em, order.id);
    if (paid > 0 && method) await this.payments.record(em, { orderId: order.id, kind: 'REFUND', method, amountFen: paid, reference: reference.slice(0, 64), actorId });
  }

  /** The completed order's lines join the sales figures of their seller and county, and (through `order.completed`) the trade prices. */
  private async recordSales(em: EntityManager, order: OrderRecord): Promise<void> {
    const lines = await sqlIn(em)<Awaited<ReturnType<OrderService['lines']>>[number] & { category_id: number }>(
      'select l.*, li.category_id from order_line l join listing li on li.id = l.listing_id where l.order_id = ? order by l.listing_id',
      [order.id],
    );
    await sqlIn(em)(
      `insert into sales_record (order_line_id, order_id, seller_id, listing_id, channel_code, origin_county_code, unit, quantity, amount_fen, price_per_kg_fen, completed_at)
       values ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())').join(', ')} on conflict (order_line_id) do nothing`,
      lines.flatMap((l) => [l.id, order.id, order.sellerId, l.listing_id, l.channel_code, l.origin_county_code, l.unit, l.quantity, l.amount_fen, pricePerKgFen(l.unit_price_fen, l.unit)]),
    );
    await this.outbox.record(em, {
      type: 'order.completed',
      aggregate: 'order',
      aggregateId: order.id,
      payload: {
        orderId: order.id,
        sellerId: order.sellerId,
        completedOn: chinaToday(),
        lines: lines.map((l) => ({ lineId: l.id, listingId: l.listing_id, categoryId: l.category_id, originCountyCode: l.origin_county_code, unit: l.unit, quantity: l.quantity, amountFen: l.amount_fen })),
      },
    });
  }
}
