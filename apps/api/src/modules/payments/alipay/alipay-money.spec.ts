import { describe, expect, it } from 'vitest';
import { ALIPAY_MAX_FEN, fenToYuan, yuanToFen } from './alipay-money';

describe('Alipay amounts', () => {
  it('reads decimal yuan into integer fen exactly', () => {
    expect(yuanToFen('1234.50')).toBe(123450);
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('88')).toBe(8800);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('1.13')).toBe(113); // 1.13 * 100 is 112.99999999999999
    expect(yuanToFen('100000000.00')).toBe(ALIPAY_MAX_FEN);
  });

  it('refuses anything that is not exactly an amount', () => {
    for (const text of ['1.005', '1.', '.5', '-1.00', '+1.00', '01.00', '1e3', ' 1.00', '1.00 ', '1,000.00', '100000000.01', '999999999', '', 'NaN', '１.00']) {
      expect(yuanToFen(text), text).toBeNull();
    }
    expect(yuanToFen(12.5)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
  });

  it('writes fen as yuan with two decimals, and reads back what it wrote', () => {
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(100)).toBe('1.00');
    for (const fen of [0, 7, 10, 99, 101, 999_999_999, ALIPAY_MAX_FEN]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(-1)).toThrow(RangeError);
  });
});
