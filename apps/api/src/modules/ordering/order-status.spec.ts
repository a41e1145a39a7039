import { describe, expect, it } from 'vitest';
import { ORDER_TRANSITIONS, OrderStatus, transitionFor, type OrderAction } from './order-status';

describe('the order transition table', () => {
  it('moves along the happy paths for the right people only', () => {
    expect(transitionFor('pay', OrderStatus.AWAITING_PAYMENT, 'SELLER')).toEqual({ to: OrderStatus.AWAITING_SHIPMENT });
    expect(transitionFor('pay', OrderStatus.AWAITING_PAYMENT, 'BUYER')).toBeUndefined();
    expect(transitionFor('ship', OrderStatus.AWAITING_SHIPMENT, 'SELLER')).toEqual({ to: OrderStatus.SHIPPED });
    expect(transitionFor('ship', OrderStatus.AWAITING_SHIPMENT, 'STATION')).toBeUndefined();
    expect(transitionFor('hand-over', OrderStatus.AT_STATION, 'STATION')).toEqual({ to: OrderStatus.DELIVERED });
    expect(transitionFor('expire', OrderStatus.AWAITING_PAYMENT, 'SYSTEM')).toEqual({ to: OrderStatus.CANCELLED });
  });

  it('never leaves a final status except a paid-late expiry, and never moves a shipped order back to unshipped', () => {
    const all = Object.entries(ORDER_TRANSITIONS) as [OrderAction, readonly { from: OrderStatus; to: OrderStatus }[]][];
    const fromFinal = all.flatMap(([action, ts]) => ts.filter((t) => [OrderStatus.COMPLETED, OrderStatus.REFUNDED, OrderStatus.CANCELLED].includes(t.from)).map((t) => `${action}:${t.from}`));
    expect(fromFinal).toEqual(['reinstate:CANCELLED']);
    const shipped = [OrderStatus.SHIPPED, OrderStatus.AT_STATION, OrderStatus.DELIVERED];
    const backwards = all.flatMap(([, ts]) => ts.filter((t) => shipped.includes(t.from) && [OrderStatus.AWAITING_PAYMENT, OrderStatus.AWAITING_SHIPMENT, OrderStatus.CANCELLED].includes(t.to)));
    expect(backwards).toEqual([]);
  });
});
