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

  it('flags exactly what the definition says, point by point, on noisy series with ties and spikes', () => {
    // the definition written plainly: each point against the sorted copy of the 28 before it
    const median = (s: number[]) => (s.length % 2 ? s[s.length >> 1]! : (s[(s.length >> 1) - 1]! + s[s.length >> 1]!) / 2);
    const byDefinition = (values: number[]) =>
      values.map((value, i) => {
        const history = values.slice(Math.max(0, i - 28), i).sort((a, b) => a - b);
        if (history.length < 7) return false;
        const m = median(history);
        const spread = Math.max(1.4826 * median(history.map((v) => Math.abs(v - m)).sort((a, b) => a - b)), Math.abs(m) * 0.02);
        return spread > 0 && Math.abs(value - m) / spread > 3.5;
      });
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    let flagged = 0;
    for (let run = 0; run < 50; run++) {
      const level = 100 + Math.floor(next() * 3000);
      const noise = 1 + Math.floor(next() * (run % 5 === 0 ? 3 : 200));
      const series = Array.from({ length: 400 }, () => (next() < 0.03 ? level * (next() < 0.5 ? 0 : 3) : level + Math.floor(next() * noise)));
      const expected = byDefinition(series);
      expect(anomalies(series)).toEqual(expected);
      flagged += expected.filter(Boolean).length;
    }
    expect(flagged).toBeGreaterThan(100);
  });
});
