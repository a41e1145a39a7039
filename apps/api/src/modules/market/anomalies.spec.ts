import { describe, expect, it } from 'vitest';
import { anomalies } from './anomalies';

describe('anomalies in a price series', () => {
  it('flags a spike far from the rolling median, not the ordinary ups and downs', () => {
    const series = [1460, 1470, 1455, 1480, 1465, 1475, 1490, 1470, 1460, 2950, 1480, 1485];
    expect(anomalies(series).map((a, i) => (a ? i : -1)).filter((i) => i >= 0)).toEqual([9]);
  });

  it('says nothing without enough history, and flags a jump out of a flat history but not a small move', () => {
    expect(anomalies([100, 500, 100])).toEqual([false, false, false]);
    const flat = [...Array(10).fill(300), 305, 360];
    expect(anomalies(flat).slice(-2)).toEqual([false, true]);
  });

  it('does not flag the ordinary noise of a quiet market', () => {
    const quiet = Array.from({ length: 365 }, (_, i) => 1460 + ((i * 7919) % 13) - 6);
    expect(anomalies(quiet).filter(Boolean)).toHaveLength(0);
  });

  it('follows a trend without flagging it', () => {
    const rising = Array.from({ length: 60 }, (_, i) => 1000 + i * 10);
    expect(anomalies(rising).some(Boolean)).toBe(false);
  });
});
