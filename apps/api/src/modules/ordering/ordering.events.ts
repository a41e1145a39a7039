import type { PaymentMethod } from '../payments/payments.entities';
import type { OrderAction, OrderActor, OrderStatus } from './order-status';

interface OrderRef {
  orderId: string;
  number: string;
  buyerId: string;
  sellerId: string;
  stationId: string | null;
}

/** A line of a completed order, as trade prices read it. */
export interface CompletedLine {
  lineId: string;
  listingId: string;
  categoryId: number;
  originCountyCode: string;
  unit: string;
  quantity: number;
  amountFen: number;
}

declare module '../events/domain-events' {
  interface EventPayloads {
    'order.placed': OrderRef & { status: OrderStatus; paymentMethod: PaymentMethod; totalFen: number };
    /** every move of an order, as its transition table allows */
    'order.transitioned': OrderRef & { action: OrderAction; from: OrderStatus; to: OrderStatus; actor: OrderActor; actorId: string | null; note: string | null };
    /** an order completed (confirmed by the buyer or by time): its lines are trades at their prices, on that day in China */
    'order.completed': { orderId: string; sellerId: string; completedOn: string; lines: CompletedLine[] };
  }
}
