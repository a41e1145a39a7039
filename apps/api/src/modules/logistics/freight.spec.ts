import { describe, expect, it } from 'vitest';
import { DEFAULT_FREIGHT_RULES, type FreightRules, freightRulesProblem, lineGrams, quoteFreight, zoneFor } from './freight';

const rules: FreightRules = {
  zones: [
    { regions: ['430923'], firstKg: 1, firstFen: 500, additionalKg: 1, additionalFen: 100 },
    { regions: ['430900'], firstKg: 1, firstFen: 800, additionalKg: 2, additionalFen: 300 },
    { regions: ['430000'], firstKg: 2, firstFen: 1200, additionalKg: 1, additionalFen: 400 },
  ],
  excluded: ['433100', '430102'],
  coldChainFenPerKg: 50,
  freeAboveFen: 100_000,
  pieceWeightGrams: 2500,
};

describe('freight', () => {
  it('picks the most specific zone, and none where the seller does not deliver', () => {
    expect(zoneFor(rules, '430923')!.firstFen).toBe(500); // the county itself
    expect(zoneFor(rules, '430921')!.firstFen).toBe(800); // elsewhere in 益阳
    expect(zoneFor(rules, '430725')!.firstFen).toBe(1200); // elsewhere in Hunan
    expect(zoneFor(rules, '433127')).toBeUndefined(); // 湘西州 is excluded as a prefecture
    expect(zoneFor(rules, '430102')).toBeUndefined(); // one excluded county
  });

  it('weighs mass units exactly and count units by the template piece weight', () => {
    expect(lineGrams({ quantity: 3, unit: 'JIN', channel: 'tea' }, 1000)).toBe(1500n);
    expect(lineGrams({ quantity: 2, unit: 'TONNE', channel: 'rice' }, 1000)).toBe(2_000_000n);
    expect(lineGrams({ quantity: 7, unit: 'G', channel: 'tea' }, 1000)).toBe(7n);
    expect(lineGrams({ quantity: 4, unit: 'BOX', channel: 'fruit' }, 2500)).toBe(10_000n);
  });

  it('charges first weight, each started step beyond it, and the cold chain on fresh produce', () => {
    // 3 斤 tea = 1.5 kg → 2 kg billed in 益阳 (not the county): 8 元 + one started 2-kg step 3 元
    expect(quoteFreight(rules, '430921', [{ quantity: 3, unit: 'JIN', channel: 'tea' }], 5000)).toEqual({ freightFen: 1100, billedKg: 2, coldChainFen: 0, free: false });
    // 4 boxes of oranges (10 kg) + 1 kg tea to 桃源: 11 kg → 12 元 + 9 × 4 元, cold chain 10 × 0.5 元
    expect(quoteFreight(rules, '430725', [{ quantity: 4, unit: 'BOX', channel: 'fruit' }, { quantity: 1, unit: 'KG', channel: 'tea' }], 5000)).toEqual({
      freightFen: 1200 + 9 * 400 + 500,
      billedKg: 11,
      coldChainFen: 500,
      free: false,
    });
  });

  it('is free above the amount, nothing where not served, and free in Hunan by default', () => {
    expect(quoteFreight(rules, '430923', [{ quantity: 100, unit: 'KG', channel: 'tea' }], 100_000).freightFen).toBe(0);
    expect(quoteFreight(rules, '433127', [{ quantity: 1, unit: 'KG', channel: 'tea' }], 100).freightFen).toBeNull();
    expect(quoteFreight(DEFAULT_FREIGHT_RULES, '433127', [{ quantity: 400, unit: 'TONNE', channel: 'rice' }], 100).freightFen).toBe(0);
  });

  it('refuses templates that could not be priced or would overflow', () => {
    expect(freightRulesProblem(rules)).toBeNull();
    expect(freightRulesProblem({ ...rules, zones: [] })).toMatch(/zones/);
    expect(freightRulesProblem({ ...rules, zones: [{ ...rules.zones[0]!, additionalKg: 0 }] })).toMatch(/weights/);
    expect(freightRulesProblem({ ...rules, zones: [{ ...rules.zones[0]!, regions: ['110000'] }] })).toMatch(/Hunan/);
    expect(freightRulesProblem({ ...rules, coldChainFenPerKg: -1 })).toMatch(/coldChain/);
    expect(freightRulesProblem({ ...rules, freeAboveFen: 0 })).toMatch(/freeAbove/);
    expect(freightRulesProblem({ ...rules, pieceWeightGrams: 1.5 })).toMatch(/pieceWeight/);
  });
});
