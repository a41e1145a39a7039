import { yuanToFen } from './alipay-money';
import { parseChinaTimestamp } from './china-time';

/** A trade's states at Alipay; NOT_EXIST is a QR code nobody scanned or a payment page nobody paid from. */
export type TradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_CLOSED' | 'TRADE_SUCCESS' | 'TRADE_FINISHED';
export const TRADE_STATUSES: readonly TradeStatus[] = ['WAIT_BUYER_PAY', 'TRADE_CLOSED', 'TRADE_SUCCESS', 'TRADE_FINISHED'];

/** A trade that took the buyer's money (TRADE_FINISHED: and can no longer be refunded at Alipay). */
export function isPaidStatus(status: string): status is 'TRADE_SUCCESS' | 'TRADE_FINISHED' {
  return status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED';
}

/** An asynchronous notification whose signature and fields were checked. */
export interface TradeNotification {
  notifyId: string;
  notifyTime: Date;
  outTradeNo: string;
  tradeNo: string;
  tradeStatus: TradeStatus;
  totalFen: number;
  /** on the notification of a refund: all that was refunded on the trade so far */
  refundFen: number | null;
  /** on the notification of a refund: its request number (out_request_no) */
  outBizNo: string | null;
}

export type NotificationCheck = { ok: true; notification: TradeNotification } | { ok: false; reason: string };

export interface NotificationExpectations {
  appId: string;
  sellerId: string;
  /** the SDK's signature check (checkNotifySignV2) with Alipay's public key */
  signatureValid: (fields: Record<string, string>) => boolean;
}

const NOTIFY_ID = /^[A-Za-z0-9_-]{1,128}$/;
const OUT_TRADE_NO = /^[A-Za-z0-9_-]{1,64}$/;
const TRADE_NO = /^[0-9A-Za-z]{1,64}$/;

/**
 * Reads a notification as Alipay posted it. The signature comes first: nothing in an unsigned or
 * altered notification is believed. Then it must be for this application and this platform's
 * account, and every field the order depends on must be well formed (amounts exactly, in fen).
 */
export function readNotification(fields: Record<string, string>, expected: NotificationExpectations): NotificationCheck {
  const refuse = (reason: string): NotificationCheck => ({ ok: false, reason });
  if (!fields.sign) return refuse('unsigned');
  if (!expected.signatureValid(fields)) return refuse('signature');
  if (fields.app_id !== expected.appId) return refuse('app_id');
  if (fields.seller_id !== expected.sellerId) return refuse('seller_id');
  const notifyTime = parseChinaTimestamp(fields.notify_time);
  if (!NOTIFY_ID.test(fields.notify_id ?? '') || !notifyTime) return refuse('notify_id or notify_time');
  if (!OUT_TRADE_NO.test(fields.out_trade_no ?? '') || !TRADE_NO.test(fields.trade_no ?? '')) return refuse('trade numbers');
  const tradeStatus = fields.trade_status as TradeStatus;
  if (!TRADE_STATUSES.includes(tradeStatus)) return refuse('trade_status');
  const totalFen = yuanToFen(fields.total_amount);
  if (totalFen === null || totalFen === 0) return refuse('total_amount');
  const refundFen = fields.refund_fee === undefined ? null : yuanToFen(fields.refund_fee);
  if (fields.refund_fee !== undefined && refundFen === null) return refuse('refund_fee');
  const outBizNo = fields.out_biz_no ?? null;
  if (outBizNo !== null && !OUT_TRADE_NO.test(outBizNo)) return refuse('out_biz_no');
  return {
    ok: true,
    notification: { notifyId: fields.notify_id!, notifyTime, outTradeNo: fields.out_trade_no!, tradeNo: fields.trade_no!, tradeStatus, totalFen, refundFen, outBizNo },
  };
}

/**
 * The fields of a form-encoded body, each once. A field given twice is refused (null): which copy
 * the signature covered would be a guess.
 */
export function formFields(body: string): Record<string, string> | null {
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (key in fields) return null;
    fields[key] = value;
  }
  return fields;
}
