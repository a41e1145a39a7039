import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDayStart, chinaTimestamp, parseChinaTimestamp } from './china-time';

describe('China time', () => {
  it('writes instants as Alipay reads them, eight hours ahead of UTC across the day boundary', () => {
    expect(chinaTimestamp(new Date('2026-12-01T16:30:05Z'))).toBe('2026-12-02 00:30:05');
    expect(chinaTimestamp(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31 23:59:59');
    expect(chinaTimestamp(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
    // no daylight saving in China: a July instant is eight hours ahead as well
    expect(chinaTimestamp(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01 08:00:00');
  });

  it('reads Alipay timestamps back to the same instant, and refuses times that do not exist', () => {
    expect(parseChinaTimestamp('2027-01-01 00:00:00')?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    for (const text of ['2026-02-30 10:00:00', '2026-12-01 24:00:00', '2026-12-01T10:00:00', '2026-12-01 10:00', '']) expect(parseChinaTimestamp(text), text).toBeNull();
  });

  it('names China calendar days and where they begin', () => {
    expect(chinaDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(chinaDayStart('2026-12-01')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaDayStart('2026-13-01')).toBeNull();
  });
});
