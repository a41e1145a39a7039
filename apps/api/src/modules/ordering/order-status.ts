import { registerEnumType } from '@nestjs/graphql';

export enum OrderStatus {
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  AWAITING_SHIPMENT = 'AWAITING_SHIPMENT',
  SHIPPED = 'SHIPPED',
  AT_STATION = 'AT_STATION',
  DELIVERED = 'DELIVERED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  REFUND_REQUESTED = 'REFUND_REQUESTED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: '待付款 / 待发货 / 已发货 / 已到服务站 / 已送达 / 已完成 / 已取消 / 退款中 / 已退款',
});

/** Who moves an order. */
export type OrderActor = 'BUYER' | 'SELLER' | 'STATION' | 'LOGISTICS' | 'SYSTEM';

export type OrderAction =
  | 'pay'
  | 'expire'
  | 'cancel'
  | 'ship'
  | 'arrive-at-station'
  | 'hand-over'
  | 'deliver'
  | 'confirm-receipt'
  | 'auto-confirm'
  | 'request-refund'
  | 'approve-refund'
  | 'decline-refund'
  | 'reinstate';

interface Transition {
  from: OrderStatus;
  to: OrderStatus;
  by: readonly OrderActor[];
}

const S = OrderStatus;

/**
 * Every move an order can make, and who may make it. Anything not in this table is refused; the
 * database update that makes a move names the status it starts from, so two moves that race cannot
 * both happen.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderAction, readonly Transition[]>> = {
  // money arrived: a provider's notification, a seller confirming a transfer
  pay: [{ from: S.AWAITING_PAYMENT, to: S.AWAITING_SHIPMENT, by: ['SELLER', 'SYSTEM'] }],
  // a payment that arrives after its order expired takes the stock again if it is there
  reinstate: [{ from: S.CANCELLED, to: S.AWAITING_SHIPMENT, by: ['SELLER', 'SYSTEM'] }],
  expire: [{ from: S.AWAITING_PAYMENT, to: S.CANCELLED, by: ['SYSTEM'] }],
  cancel: [
    { from: S.AWAITING_PAYMENT, to: S.CANCELLED, by: ['BUYER', 'SELLER'] },
    { from: S.AWAITING_SHIPMENT, to: S.CANCELLED, by: ['BUYER', 'SELLER'] },
  ],
  ship: [{ from: S.AWAITING_SHIPMENT, to: S.SHIPPED, by: ['SELLER'] }],
  'arrive-at-station': [{ from: S.SHIPPED, to: S.AT_STATION, by: ['STATION', 'LOGISTICS'] }],
  'hand-over': [{ from: S.AT_STATION, to: S.DELIVERED, by: ['STATION'] }],
  // to a door: the seller's own delivery or the logistics partner hands it over
  deliver: [{ from: S.SHIPPED, to: S.DELIVERED, by: ['SELLER', 'LOGISTICS'] }],
  'confirm-receipt': [
    { from: S.SHIPPED, to: S.COMPLETED, by: ['BUYER'] },
    { from: S.DELIVERED, to: S.COMPLETED, by: ['BUYER'] },
  ],
  'auto-confirm': [{ from: S.DELIVERED, to: S.COMPLETED, by: ['SYSTEM'] }],
  'request-refund': [{ from: S.DELIVERED, to: S.REFUND_REQUESTED, by: ['BUYER'] }],
  'approve-refund': [{ from: S.REFUND_REQUESTED, to: S.REFUNDED, by: ['SELLER'] }],
  'decline-refund': [{ from: S.REFUND_REQUESTED, to: S.DELIVERED, by: ['SELLER'] }],
};

/** The move `action` makes from `from` when `actor` asks, or undefined when the table has none. */
export function transitionFor(action: OrderAction, from: OrderStatus, actor: OrderActor): { to: OrderStatus } | undefined {
  const found = ORDER_TRANSITIONS[action].find((t) => t.from === from && t.by.includes(actor));
  return found ? { to: found.to } : undefined;
}

/** Statuses an order may be cancelled in, and the ones that still hold stock for it. */
export const BEFORE_SHIPMENT: readonly OrderStatus[] = [S.AWAITING_PAYMENT, S.AWAITING_SHIPMENT];
export const FINAL_STATUSES: readonly OrderStatus[] = [S.COMPLETED, S.CANCELLED, S.REFUNDED];
