import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { APP_CONFIG, type AppConfig } from '../../config';
import { OutboxService } from '../events/outbox.service';
import { type AlipayChannel, AlipayClient, type TradeRequest } from '../payments/alipay/alipay.client';
import { isPaidStatus, type TradeNotification } from '../payments/alipay/alipay-notification';
import { PaymentMethod } from '../payments/payments.entities';
import { PaymentsService } from '../payments/payments.service';
import { SettlementService } from '../payments/settlement.service';
import type { AlipayTradeStatus } from './alipay-trade.entities';
import { nextTradeStatus, refundRequestNo, tradeSubject, UNPAID_TRADE_STATUSES } from './alipay-trade-rules';
import { OrderStatus } from './order-status';
import { type OrderRecord, type OrderRow, toOrderRecord } from './order.record';
import { OrderService } from './order.service';
import { retryOnDeadlock } from './transactions';

declare module '../events/domain-events' {
  interface EventPayloads {
    /** Alipay money came for an order that cannot take it (cancelled first, or expired with its stock gone): it goes back */
    'alipay.refund-due': { orderId: string; number: string };
  }
}

/** What the buyer's page opens: a cashier link (page, phone) or a QR code's content. */
export interface AlipayPaymentStart {
  outTradeNo: string;
  channel: AlipayChannel;
  url: string | null;
  qrCode: string | null;
  expiresAt: Date;
}

/** What a piece of news about a paid trade did to its order. */
export type CreditEffect = 'paid' | 'reinstated' | 'refund-due' | 'already-paid';

interface Trade {
  outTradeNo: string;
  orderId: string;
  amountFen: number;
  status: AlipayTradeStatus;
  refundedFen: number;
}

interface TradeRow {
  out_trade_no: string;
  order_id: string;
  amount_fen: number;
  status: AlipayTradeStatus;
  refunded_fen: number;
}

const toTrade = (r: TradeRow): Trade => ({ outTradeNo: r.out_trade_no, orderId: r.order_id, amountFen: r.amount_fen, status: r.status, refundedFen: r.refunded_fen });

/** A payment link handed out this close to the order's expiry could not be used in time. */
const MIN_PAYMENT_WINDOW_MS = 60_000;
/** Unpaid trades are asked about once they are this old, and again at most this often. */
const STALE_MINUTES = 5;
/** How far Alipay's clock may be from ours when it decides a trade's time_expire has passed. */
const CLOCK_MARGIN_MS = 120_000;

/** A verified notification the platform cannot take (unknown trade, another amount): answered `fail`, nothing kept. */
class Refusal extends Error {}

/**
 * Alipay joined to orders: the buyer's payment link or QR code, notifications that move an order
 * (each at most once, in one transaction with the payment, the order's move and the seller's
 * settlement entry), reconciliation of trades nobody told us about, and refunds of Alipay money an
 * order cannot keep.
 */
@Injectable()
export class AlipayPayments {
  private readonly logger = new Logger('AlipayPayments');

  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrderService,
    private readonly payments: PaymentsService,
    private readonly settlement: SettlementService,
    private readonly alipay: AlipayClient,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ── the buyer pays ───────────────────────────────────────────────────────

  /**
   * Opens (or reopens) the order's trade and gives the buyer the way to pay on the chosen channel.
   * The trade is recorded only when Alipay took the request.
   */
  async pay(ctx: RequestContext, orderId: string, channel: AlipayChannel): Promise<AlipayPaymentStart> {
    const user = ctx.requireUser();
    if (!this.alipay.available) throw new DomainError('payments/alipay-unavailable');
    const order = await this.orders.byId(ctx, orderId);
    if (order.buyerId !== user.id) throw new DomainError('auth/forbidden');
    if (order.paymentMethod !== PaymentMethod.ALIPAY) throw new DomainError('payments/not-alipay-order');
    if (order.status !== OrderStatus.AWAITING_PAYMENT) throw new DomainError('ordering/transition-not-allowed', { status: order.status, action: 'pay' });
    const expiresAt = order.expiresAt;
    if (!expiresAt || expiresAt.getTime() - Date.now() < MIN_PAYMENT_WINDOW_MS) throw new DomainError('payments/payment-window-closed');
    const trade: TradeRequest = { outTradeNo: order.number, amountFen: order.totalFen, subject: tradeSubject(order.number), expiresAt, returnUrl: this.returnUrl(order.id) };
    return this.em.fork().transactional(async (em) => {
      await sqlIn(em)(
        `insert into alipay_trade (out_trade_no, order_id, amount_fen, status, channel, refunded_fen, created_at, updated_at)
         values (?, ?, ?, 'CREATED', ?, 0, now(), now()) on conflict (out_trade_no) do update set channel = excluded.channel, updated_at = now()`,
        [trade.outTradeNo, order.id, trade.amountFen, channel],
      );
      const url = channel === 'PAGE' ? this.alipay.pagePayUrl(trade) : channel === 'WAP' ? this.alipay.wapPayUrl(trade) : null;
      const qrCode = channel === 'QR' ? await this.alipay.precreate(trade) : null;
      return { outTradeNo: trade.outTradeNo, channel, url, qrCode, expiresAt };
    });
  }

  /** Where the buyer's browser returns after paying: the order's page on the site Alipay notifies. */
  private returnUrl(orderId: string): string {
    return new URL(`/orders/${orderId}`, this.config.alipay!.notifyUrl).toString();
  }

  // ── Alipay tells us ──────────────────────────────────────────────────────

  /**
   * An asynchronous notification, as posted. `success` when it was verified and recorded (also when
   * it was recorded before); `fail` otherwise, and then nothing was written, so Alipay sends it again.
   */
  async receive(fields: Record<string, string>): Promise<'success' | 'fail'> {
    const check = this.alipay.readNotification(fields);
    if (!check.ok) {
      this.logger.warn(`refused an Alipay notification (${check.reason}) about ${String(fields.out_trade_no ?? '?').slice(0, 64)}`);
      return 'fail';
    }
    try {
      await retryOnDeadlock(() => this.em.fork().transactional((em) => this.apply(em, check.notification)));
      return 'success';
    } catch (error) {
      if (error instanceof Refusal) this.logger.warn(`refused Alipay notification ${check.notification.notifyId}: ${error.message}`);
      else this.logger.error(`Alipay notification ${check.notification.notifyId} failed: ${(error as Error).message}`);
      return 'fail';
    }
  }

  /** One notification, in one transaction: its record by notify_id, then what it means for the order. */
  private async apply(em: EntityManager, n: TradeNotification): Promise<void> {
    const sql = sqlIn(em);
    const [fresh] = await sql(
      `insert into alipay_notification (notify_id, out_trade_no, trade_no, trade_status, total_fen, refund_fen, notify_time, effect, received_at)
       values (?, ?, ?, ?, ?, ?, ?, 'noted', now()) on conflict (notify_id) do nothing returning notify_id`,
      [n.notifyId, n.outTradeNo, n.tradeNo, n.tradeStatus, n.totalFen, n.refundFen, n.notifyTime],
    );
    if (!fresh) return; // told before: its effect committed with its record
    const held = await this.hold(em, n.outTradeNo);
    if (!held) throw new Refusal(`no trade ${n.outTradeNo}`);
    const { order, trade } = held;
    if (n.totalFen !== trade.amountFen || n.totalFen !== order.totalFen) throw new Refusal(`${n.totalFen} fen for a trade of ${trade.amountFen}`);
    if (n.outBizNo !== null && n.outBizNo !== refundRequestNo(trade.outTradeNo)) {
      this.logger.error(`Alipay reports refund ${n.outBizNo} on ${trade.outTradeNo}, which the platform did not ask for; the settlement ledger does not know of it`);
    }
    const effect = isPaidStatus(n.tradeStatus) ? await this.credit(em, order, n.tradeNo, n.totalFen) : 'noted';
    await this.note(em, trade, n.tradeStatus, n.tradeNo);
    await sql('update alipay_notification set effect = ? where notify_id = ?', [effect, n.notifyId]);
  }

  /**
   * A paid trade's money reaches its order, once: the order moves on (or is reinstated after
   * expiry), and the seller is owed it. When the order cannot take it (cancelled first, or expired
   * with its stock gone) the money is recorded as owed back and the refund is queued.
   */
  private async credit(em: EntityManager, order: OrderRecord, tradeNo: string | null, amountFen: number): Promise<CreditEffect> {
    if ((await this.payments.paidFen(em, order.id)).paid > 0) return 'already-paid';
    const reference = tradeNo ?? order.number;
    let moved = order;
    try {
      moved = await this.orders.paymentArrived(em, order, { method: PaymentMethod.ALIPAY, amountFen, reference, actor: 'SYSTEM', actorId: null });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ordering/transition-not-allowed')) throw error;
      // cancelled before the money came: taken, and owed back in full
      await this.payments.record(em, { orderId: order.id, kind: 'PAYMENT', method: PaymentMethod.ALIPAY, amountFen, reference });
      await this.payments.record(em, { orderId: order.id, kind: 'REFUND', method: PaymentMethod.ALIPAY, amountFen, reference: 'paid after cancellation' });
    }
    await this.settlement.recordSale(em, { sellerId: order.sellerId, orderId: order.id, orderNumber: order.number, amountFen, reference });
    if ((await this.payments.paidFen(em, order.id)).refunded > 0) {
      await this.outbox.record(em, { type: 'alipay.refund-due', aggregate: 'order', aggregateId: order.id, payload: { orderId: order.id, number: order.number } });
      return 'refund-due';
    }
    return moved.status === OrderStatus.AWAITING_SHIPMENT && order.status === OrderStatus.CANCELLED ? 'reinstated' : 'paid';
  }

  /** Records what Alipay says of the trade, never taking it back to an earlier state. */
  private async note(em: EntityManager, trade: Trade, incoming: AlipayTradeStatus, tradeNo: string | null): Promise<void> {
    const status = nextTradeStatus(trade.status, incoming, trade.refundedFen >= trade.amountFen);
    await sqlIn(em)('update alipay_trade set status = ?, trade_no = coalesce(trade_no, ?), updated_at = now() where out_trade_no = ?', [status, tradeNo, trade.outTradeNo]);
  }

  /** Locks the trade's order, then the trade (the order first, as every order move does). */
  private async hold(em: EntityManager, outTradeNo: string): Promise<{ order: OrderRecord; trade: Trade } | undefined> {
    const sql = sqlIn(em);
    const [ref] = await sql<{ order_id: string }>('select order_id from alipay_trade where out_trade_no = ?', [outTradeNo]);
    if (!ref) return undefined;
    const [order] = await sql<OrderRow>('select * from sales_order where id = ? for update', [ref.order_id]);
    const [trade] = await sql<TradeRow>('select out_trade_no, order_id, amount_fen, status, refunded_fen from alipay_trade where out_trade_no = ? for update', [outTradeNo]);
    return { order: toOrderRecord(order!), trade: toTrade(trade!) };
  }

  private async tradeOf(em: EntityManager, orderId: string): Promise<string | undefined> {
    const [row] = await sqlIn(em)<{ out_trade_no: string }>('select out_trade_no from alipay_trade where order_id = ?', [orderId]);
    return row?.out_trade_no;
  }

  // ── reconciliation ───────────────────────────────────────────────────────

  /**
   * Asks Alipay about unpaid trades that went quiet (a notification lost, a buyer who never paid)
   * and about those whose order stopped waiting: a paid one completes its order as a notification
   * would; an unpaid one whose order expired or was cancelled is closed so it cannot be paid.
   * Returns how many trades it completed or closed.
   */
  async reconcile(now = new Date(), batch = 100): Promise<number> {
    if (!this.alipay.available) return 0;
    const due = await this.em.getConnection().execute<{ out_trade_no: string }[]>(
      `select t.out_trade_no from alipay_trade t join sales_order o on o.id = t.order_id
        where t.status in ('CREATED', 'WAIT_BUYER_PAY')
          and (t.checked_at is null or t.checked_at <= ?::timestamptz - ? * interval '1 minute')
          and (t.created_at <= ?::timestamptz - ? * interval '1 minute' or o.status <> 'AWAITING_PAYMENT' or o.expires_at <= ?)
        order by t.created_at limit ?`,
      [now, STALE_MINUTES, now, STALE_MINUTES, now, batch],
    );
    let settled = 0;
    for (const { out_trade_no: outTradeNo } of due) {
      try {
        const outcome = await retryOnDeadlock(() => this.em.fork().transactional((em) => this.reconcileTrade(em, outTradeNo, now)));
        if (outcome !== 'unchanged') settled++;
      } catch (error) {
        // one trade Alipay cannot answer for now does not hold up the others; the next run asks again
        this.logger.warn(`reconciling ${outTradeNo} failed: ${(error as Error).message}`);
      }
    }
    return settled;
  }

  /** One unpaid trade, asked about and settled in the caller's transaction. */
  async reconcileTrade(em: EntityManager, outTradeNo: string, now: Date): Promise<'completed' | 'closed' | 'unchanged'> {
    const held = await this.hold(em, outTradeNo);
    if (!held || !UNPAID_TRADE_STATUSES.includes(held.trade.status)) return 'unchanged';
    const { order, trade } = held;
    const state = await this.alipay.query(outTradeNo);
    await sqlIn(em)('update alipay_trade set checked_at = ? where out_trade_no = ?', [now, outTradeNo]);
    if (isPaidStatus(state.status)) {
      if (state.totalFen !== trade.amountFen) throw new Error(`Alipay reports ${state.totalFen} fen paid on ${outTradeNo}, opened for ${trade.amountFen}`);
      await this.credit(em, order, state.tradeNo, state.totalFen);
      await this.note(em, trade, state.status, state.tradeNo);
      return 'completed';
    }
    const payable = order.status === OrderStatus.AWAITING_PAYMENT && order.expiresAt !== null && order.expiresAt > now;
    if (payable) {
      if (state.status === 'WAIT_BUYER_PAY') await this.note(em, trade, 'WAIT_BUYER_PAY', state.tradeNo);
      return 'unchanged';
    }
    // a code or page handed out can be paid at Alipay until its time_expire, even for a cancelled order: keep asking till then
    if (state.status === 'NOT_EXIST' && order.expiresAt !== null && order.expiresAt.getTime() + CLOCK_MARGIN_MS > now.getTime()) return 'unchanged';
    if (state.status === 'WAIT_BUYER_PAY' && (await this.alipay.close(outTradeNo)) === 'NOT_CLOSABLE') return 'unchanged'; // paid meanwhile: the next query completes it
    await this.note(em, trade, 'TRADE_CLOSED', state.tradeNo);
    return 'closed';
  }

  /** An unpaid Alipay order was cancelled or expired: its trade is closed at once rather than at the next reconciliation. */
  async closeForCancelled(em: EntityManager, orderId: string): Promise<void> {
    const outTradeNo = await this.tradeOf(em, orderId);
    if (outTradeNo) await this.reconcileTrade(em, outTradeNo, new Date());
  }

  // ── refunds ──────────────────────────────────────────────────────────────

  /**
   * Carries out at Alipay a refund the order owes (cancelled or refunded after payment, paid after
   * cancellation or after its stock was gone), under a request number derived from the trade, so a
   * retry never refunds twice; the seller's settlement gives back its share in the same
   * transaction. False when nothing is owed back through Alipay or it was refunded already.
   */
  async refundOwed(em: EntityManager, orderId: string): Promise<boolean> {
    const owed = await this.payments.paidFen(em, orderId);
    if (owed.method !== PaymentMethod.ALIPAY || owed.refunded === 0) return false;
    const outTradeNo = await this.tradeOf(em, orderId);
    if (!outTradeNo) throw new Error(`order ${orderId} was paid with Alipay but has no trade`);
    const { order, trade } = (await this.hold(em, outTradeNo))!;
    if (trade.refundedFen >= owed.refunded) return false;
    const outRequestNo = refundRequestNo(outTradeNo);
    const refunded = await this.alipay.refund({ outTradeNo, amountFen: owed.refunded, outRequestNo, reason: `${tradeSubject(order.number)} 退款` });
    if (refunded !== owed.refunded) throw new Error(`Alipay refunded ${refunded} fen on ${outTradeNo}; ${owed.refunded} were asked`);
    const status = nextTradeStatus(trade.status, 'TRADE_CLOSED', refunded >= trade.amountFen);
    await sqlIn(em)('update alipay_trade set refunded_fen = ?, status = ?, updated_at = now() where out_trade_no = ?', [refunded, status, outTradeNo]);
    await this.settlement.recordRefund(em, { sellerId: order.sellerId, orderId: order.id, orderNumber: order.number, amountFen: refunded, reference: outRequestNo });
    return true;
  }
}
