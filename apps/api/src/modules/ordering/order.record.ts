import { PaymentMethod } from '../payments/payments.entities';
import { OrderStatus } from './order-status';

/** An order as services pass it around: the row of `sales_order`, named as code names things. */
export interface OrderRecord {
  id: string;
  number: string;
  checkoutId: string;
  buyerId: string;
  sellerId: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  goodsFen: number;
  freightFen: number;
  totalFen: number;
  deliveryKind: 'ADDRESS' | 'STATION';
  recipientName: string;
  recipientPhone: string;
  countyCode: string;
  address: string;
  stationId: string | null;
  buyerNote: string | null;
  expiresAt: Date | null;
  pickupCode: string | null;
  cancelReason: string | null;
  placedAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
}

export interface OrderRow {
  id: string;
  number: string;
  checkout_id: string;
  buyer_id: string;
  seller_id: string;
  status: OrderStatus;
  payment_method: PaymentMethod;
  goods_fen: number;
  freight_fen: number;
  total_fen: number;
  delivery_kind: 'ADDRESS' | 'STATION';
  recipient_name: string;
  recipient_phone: string;
  county_code: string;
  address: string;
  station_id: string | null;
  buyer_note: string | null;
  expires_at: string | null;
  pickup_code: string | null;
  cancel_reason: string | null;
  placed_at: string;
  paid_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  completed_at: string | null;
  updated_at: string;
}

/** Raw rows carry timestamps as text (the ORM's driver setting); records carry dates. */
export function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function toOrderRecord(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    number: row.number,
    checkoutId: row.checkout_id,
    buyerId: row.buyer_id,
    sellerId: row.seller_id,
    status: row.status,
    paymentMethod: row.payment_method,
    goodsFen: row.goods_fen,
    freightFen: row.freight_fen,
    totalFen: row.total_fen,
    deliveryKind: row.delivery_kind,
    recipientName: row.recipient_name,
    recipientPhone: row.recipient_phone,
    countyCode: row.county_code,
    address: row.address,
    stationId: row.station_id,
    buyerNote: row.buyer_note,
    expiresAt: dateOf(row.expires_at),
    pickupCode: row.pickup_code,
    cancelReason: row.cancel_reason,
    placedAt: dateOf(row.placed_at)!,
    paidAt: dateOf(row.paid_at),
    shippedAt: dateOf(row.shipped_at),
    deliveredAt: dateOf(row.delivered_at),
    completedAt: dateOf(row.completed_at),
    updatedAt: dateOf(row.updated_at)!,
  };
}
