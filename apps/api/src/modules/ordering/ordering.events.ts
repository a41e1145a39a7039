import type { PaymentMethod } from '../payments/payments.entities';
import type { OrderAction, OrderActor, OrderStatus } from './order-status';

interface OrderRef {
  orderId: string;
  number: string;
  buyerId: string;
  sellerId: string;
  stationId: string | null;
}

declare module '../events/domain-events' {
  interface EventPayloads {
    'order.placed': OrderRef & { status: OrderStatus; paymentMethod: PaymentMethod; totalFen: number };
    /** every move of an order, as its transition table allows */
    'order.transitioned': OrderRef & { action: OrderAction; from: OrderStatus; to: OrderStatus; actor: OrderActor; actorId: string | null; note: string | null };
  }
}
