import type { AlipayTradeStatus } from './alipay-trade.entities';

/** How far along each state is: later news never takes a trade back to an earlier one. */
const RANK: Record<AlipayTradeStatus, number> = { CREATED: 0, WAIT_BUYER_PAY: 1, TRADE_CLOSED: 2, TRADE_SUCCESS: 3, TRADE_FINISHED: 4 };

export const UNPAID_TRADE_STATUSES: readonly AlipayTradeStatus[] = ['CREATED', 'WAIT_BUYER_PAY'];

/**
 * The trade's state after news of `incoming` (a notification, a query), whatever order the news
 * came in. A paid trade becomes closed only once it was refunded in full (Alipay closes it then).
 */
export function nextTradeStatus(current: AlipayTradeStatus, incoming: AlipayTradeStatus, refundedInFull: boolean): AlipayTradeStatus {
  if (incoming === 'TRADE_CLOSED' && RANK[current] >= RANK.TRADE_SUCCESS) return refundedInFull ? 'TRADE_CLOSED' : current;
  // closed unpaid, then news of a payment that raced the close; closed after a full refund stays closed
  if (current === 'TRADE_CLOSED' && RANK[incoming] >= RANK.TRADE_SUCCESS) return refundedInFull ? current : incoming;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/** The refund's request number, derived from the trade: however often the refund is retried, Alipay refunds once. */
export function refundRequestNo(outTradeNo: string): string {
  return `${outTradeNo}R1`;
}

/** What the buyer reads on Alipay's cashier. */
export function tradeSubject(orderNumber: string): string {
  return `湘农网订单 ${orderNumber}`;
}
