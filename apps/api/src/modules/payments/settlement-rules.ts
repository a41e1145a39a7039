import { chinaTimestamp } from './alipay/china-time';
import type { SettlementKind } from './settlement.entity';

/** Basis points in a whole: a commission of 10000 bps is the whole amount. */
const WHOLE_BPS = 10_000n;

/**
 * The platform's commission on a sale: `bps` basis points of the amount, rounded down to the fen
 * (the seller keeps the fraction). Integer arithmetic throughout.
 */
export function commissionFor(amountFen: number, bps: number): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError(`not an amount of fen: ${amountFen}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError(`not a commission in basis points: ${bps}`);
  return Number((BigInt(amountFen) * BigInt(bps)) / WHOLE_BPS);
}

/**
 * The share of the sale's commission a refund gives back: all of it for a full refund, otherwise
 * in proportion to the amount refunded, rounded down. Returned as the (non-negative) fen reversed.
 */
export function commissionReversed(sale: { amountFen: number; commissionFen: number }, refundFen: number): number {
  if (!Number.isSafeInteger(refundFen) || refundFen <= 0 || refundFen > sale.amountFen) throw new RangeError(`a refund of ${refundFen} fen does not fit a sale of ${sale.amountFen}`);
  if (refundFen === sale.amountFen) return sale.commissionFen;
  return Number((BigInt(sale.commissionFen) * BigInt(refundFen)) / BigInt(sale.amountFen));
}

export interface StatementEntry {
  id: string;
  kind: SettlementKind;
  orderId: string | null;
  orderNumber: string | null;
  amountFen: number;
  commissionFen: number;
  owedFen: number;
  reference: string | null;
  createdAt: Date;
}

export interface StatementTotals {
  openingBalanceFen: number;
  salesFen: number;
  refundsFen: number;
  commissionFen: number;
  payoutsFen: number;
  closingBalanceFen: number;
}

/** The period's totals from its entries and the balance before it; closing = opening + everything owed in the period. */
export function statementTotals(openingBalanceFen: number, entries: readonly StatementEntry[]): StatementTotals {
  const sum = (kind: SettlementKind, pick: (e: StatementEntry) => number) => entries.filter((e) => e.kind === kind).reduce((total, e) => total + pick(e), 0);
  return {
    openingBalanceFen,
    salesFen: sum('SALE', (e) => e.amountFen),
    refundsFen: -sum('REFUND', (e) => e.amountFen),
    commissionFen: entries.reduce((total, e) => total + e.commissionFen, 0),
    payoutsFen: -sum('PAYOUT', (e) => e.owedFen),
    closingBalanceFen: openingBalanceFen + entries.reduce((total, e) => total + e.owedFen, 0),
  };
}

const KIND_LABELS: Record<SettlementKind, string> = { SALE: '销售', REFUND: '退款', PAYOUT: '结算付款' };

/** Signed fen as yuan with two decimals, exactly: -12345 → "-123.45". */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A CSV cell: quoted, quotes doubled; text a spreadsheet would run as a formula is made inert. */
function cell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}

/**
 * The statement as CSV for download: one row per entry, times in China time, amounts in yuan.
 * Starts with a byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
 */
export function statementCsv(entries: readonly StatementEntry[]): string {
  const header = ['时间', '类型', '订单号', '金额（元）', '平台佣金（元）', '应结（元）', '参考号'];
  const rows = entries.map((e) => [
    chinaTimestamp(e.createdAt),
    KIND_LABELS[e.kind],
    e.orderNumber ?? '',
  ].map(cell).concat([yuanText(e.amountFen), yuanText(e.commissionFen), yuanText(e.owedFen)], [cell(e.reference ?? '')]));
  return `\uFEFF${[header.map(cell), ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
}
