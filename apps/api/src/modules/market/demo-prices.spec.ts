import { describe, expect, it } from 'vitest';
import { demoObservations } from './demo-prices';

const ids = {
  commodity: new Map([['live-hog', { id: 1 }], ['bingtang-orange', { id: 2 }]]),
  market: new Map([
    ['changsha-mawangdui', { id: 10, countyCode: '430102' }],
    ['ningxiang-hog', { id: 11, countyCode: '430182' }],
    ['mayang-orange', { id: 12, countyCode: '431226' }],
  ]),
};

describe('the sample price history', () => {
  const rows = demoObservations('2026-12-01', ids);

  it('is the same on every start, and only for what exists', () => {
    expect(demoObservations('2026-12-01', ids)).toEqual(rows);
    expect(new Set(rows.map((r) => r.commodityId))).toEqual(new Set([1, 2]));
  });

  it('quotes hogs daily for two years per market, and oranges only in their season', () => {
    const hogs = rows.filter((r) => r.commodityId === 1);
    expect(hogs).toHaveLength(730 * 2);
    expect(hogs[0]!.observedOn).toBe('2024-12-01');
    const orangeMonths = new Set(rows.filter((r) => r.commodityId === 2).map((r) => Number(r.observedOn.slice(5, 7))));
    expect([...orangeMonths].sort((a, b) => a - b)).toEqual([1, 2, 3, 11, 12]);
  });

  it('keeps low ≤ average ≤ high, per-kg prices exact, and quotes unique', () => {
    expect(rows.every((r) => r.lowFen <= r.avgFen && r.avgFen <= r.highFen && r.lowFen > 0)).toBe(true);
    const orange = rows.find((r) => r.commodityId === 2)!;
    expect(orange.avgPerKgFen).toBe(orange.avgFen * 2);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    // hog prices stay near their level: no sample day is off by half
    expect(rows.filter((r) => r.commodityId === 1).every((r) => r.avgFen > 1000 && r.avgFen < 2000)).toBe(true);
  });
});
