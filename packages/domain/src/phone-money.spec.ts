import { describe, expect, it } from 'vitest';
import { formatFen, parseYuanToFen } from './money';
import { maskMobile, normalizeMobile } from './phone';

describe('mobile numbers', () => {
  it('normalizes mainland mobiles', () => {
    expect(normalizeMobile('138 0013 8000')).toBe('13800138000');
    expect(normalizeMobile('+8613800138000')).toBe('13800138000');
  });
  it('rejects landlines, short numbers and other prefixes', () => {
    expect(normalizeMobile('0731-8888888')).toBeNull();
    expect(normalizeMobile('1380013800')).toBeNull();
    expect(normalizeMobile('12800138000')).toBeNull();
  });
  it('masks for other parties', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });
});

describe('money', () => {
  it('formats fen as yuan', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
  });
  it('parses typed yuan amounts exactly', () => {
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('¥1,200.05')).toBe(120005);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('-3')).toBeNull();
  });
});
