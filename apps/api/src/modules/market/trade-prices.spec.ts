import { describe, expect, it } from 'vitest';
import { gramsOf } from './trade-prices';

describe('gramsOf', () => {
  it('weighs mass units exactly in whole grams and refuses counts', () => {
    expect(gramsOf(5, 'JIN')).toBe(2500);
    expect(gramsOf(3, 'KG')).toBe(3000);
    expect(gramsOf(2, 'DAN')).toBe(100_000);
    expect(gramsOf(7, 'G')).toBe(7);
    expect(gramsOf(1, 'TONNE')).toBe(1_000_000);
    expect(gramsOf(4, 'BOX')).toBeNull();
    expect(gramsOf(4, 'HEAD')).toBeNull();
    expect(gramsOf(0, 'KG')).toBeNull();
  });
});
