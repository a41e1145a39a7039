import { describe, expect, it } from 'vitest';
import { priceTierProblem, unitPriceFor } from './price-tiers';

describe('price tiers', () => {
  const tiers = [
    { minQuantity: 10, unitPriceFen: 1200 },
    { minQuantity: 100, unitPriceFen: 1100 },
    { minQuantity: 1000, unitPriceFen: 980 },
  ];

  it('accepts ascending quantities with falling prices', () => {
    expect(priceTierProblem(tiers, 10)).toBeNull();
  });

  it('rejects empty, zero, negative and fractional tiers', () => {
    expect(priceTierProblem([], 1)).toBe('empty');
    expect(priceTierProblem([{ minQuantity: 1, unitPriceFen: 0 }], 1)).toBe('notPositive');
    expect(priceTierProblem([{ minQuantity: 1, unitPriceFen: -5 }], 1)).toBe('notPositive');
    expect(priceTierProblem([{ minQuantity: 1, unitPriceFen: 1.5 }], 1)).toBe('notInteger');
  });

  it('rejects tiers out of order or rising in price', () => {
    expect(priceTierProblem([tiers[1]!, tiers[0]!], 10)).toBe('outOfOrder');
    expect(priceTierProblem([tiers[0]!, { minQuantity: 10, unitPriceFen: 1000 }], 10)).toBe('outOfOrder');
    expect(priceTierProblem([tiers[0]!, { minQuantity: 50, unitPriceFen: 1300 }], 10)).toBe('priceRises');
  });

  it('requires the first tier to cover the minimum order', () => {
    expect(priceTierProblem(tiers, 5)).toBe('firstTierAboveMinimum');
  });

  it('prices an order by the largest tier reached', () => {
    expect(unitPriceFor(tiers, 9)).toBeNull();
    expect(unitPriceFor(tiers, 10)).toBe(1200);
    expect(unitPriceFor(tiers, 999)).toBe(1100);
    expect(unitPriceFor(tiers, 5000)).toBe(980);
  });
});
