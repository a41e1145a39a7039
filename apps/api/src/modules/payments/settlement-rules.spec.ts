import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../database/csv';
import { commissionFor, commissionReversed, type StatementEntry, statementCsv, statementTotals, yuanText } from './settlement-rules';

const entry = (overrides: Partial<StatementEntry>): StatementEntry => ({
  id: '1', kind: 'SALE', orderId: 'o', orderNumber: 'XN20261201000001', amountFen: 0, commissionFen: 0, owedFen: 0, reference: null, createdAt: new Date('2026-12-01T02:00:00Z'), ...overrides,
});

describe('settlement rules', () => {
  it('takes no commission by default and rounds a commission down to the fen', () => {
    expect(commissionFor(123_456, 0)).toBe(0);
    expect(commissionFor(123_456, 60)).toBe(740); // 0.6 % of 1234.56 is 7.40736
    expect(commissionFor(999, 10_000)).toBe(999);
    expect(commissionFor(1_000_000_000, 9_999)).toBe(999_900_000);
    expect(() => commissionFor(100, 10_001)).toThrow(RangeError);
  });

  it('gives a full refund all the commission back, a partial one its share rounded down', () => {
    expect(commissionReversed({ amountFen: 10_001, commissionFen: 60 }, 10_001)).toBe(60);
    expect(commissionReversed({ amountFen: 10_000, commissionFen: 61 }, 5_000)).toBe(30);
    expect(() => commissionReversed({ amountFen: 100, commissionFen: 1 }, 101)).toThrow(RangeError);
  });

  it('adds a period up: money in less commission less payouts moves the balance', () => {
    const entries = [
      entry({ kind: 'SALE', amountFen: 10_000, commissionFen: 60, owedFen: 9_940 }),
      entry({ kind: 'SALE', amountFen: 5_000, commissionFen: 30, owedFen: 4_970 }),
      entry({ kind: 'REFUND', amountFen: -5_000, commissionFen: -30, owedFen: -4_970 }),
      entry({ kind: 'PAYOUT', orderId: null, orderNumber: null, owedFen: -9_000, reference: 'BANK-1' }),
    ];
    expect(statementTotals(1_000, entries)).toEqual({ openingBalanceFen: 1_000, salesFen: 15_000, refundsFen: 5_000, commissionFen: 60, payoutsFen: 9_000, closingBalanceFen: 1_940 });
  });

  it('writes a CSV a spreadsheet reads back: China time, exact yuan, formulas made inert', () => {
    const csv = statementCsv([
      entry({ kind: 'SALE', amountFen: 123_456, commissionFen: 740, owedFen: 122_716, reference: '2026120122001' }),
      entry({ kind: 'PAYOUT', orderId: null, orderNumber: null, owedFen: -5, reference: '=HYPERLINK("x")', createdAt: new Date('2026-12-01T16:00:00Z') }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      { 时间: '2026-12-01 10:00:00', 类型: '销售', 订单号: 'XN20261201000001', '金额（元）': '1234.56', '平台佣金（元）': '7.40', '应结（元）': '1227.16', 参考号: '2026120122001' },
      { 时间: '2026-12-02 00:00:00', 类型: '结算付款', 订单号: '', '金额（元）': '0.00', '平台佣金（元）': '0.00', '应结（元）': '-0.05', 参考号: `'=HYPERLINK("x")` },
    ]);
    expect(yuanText(-12_345)).toBe('-123.45');
  });
});
