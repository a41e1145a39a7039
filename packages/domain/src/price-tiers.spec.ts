import { describe, expect, it } from 'vitest';
import { priceTierProblem, quantityProblem, unitPriceFor } from './price-tiers';

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

describe('tier table size and listing quantities', () => {
  it('takes at most ten tiers', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ minQuantity: i + 1, unitPriceFen: 1000 - i }));
    expect(priceTierProblem(ten, 1)).toBeNull();
    expect(priceTierProblem([...ten, { minQuantity: 11, unitPriceFen: 900 }], 1)).toBe('tooMany');
  });

  it('refuses prices and quantities past what a listing stores', () => {
    expect(priceTierProblem([{ minQuantity: 1, unitPriceFen: 2_000_000_001 }], 1)).toBe('tooLarge');
    expect(priceTierProblem([{ minQuantity: 1_000_000_001, unitPriceFen: 100 }], 1)).toBe('tooLarge');
  });

  it('names the minimum order, not the tiers, when the minimum is not a positive whole number', () => {
    expect(quantityProblem(0, 10)).toBe('minimumInvalid');
    expect(quantityProblem(1.5, 10)).toBe('minimumInvalid');
    expect(quantityProblem(5, -1)).toBe('stockInvalid');
  });

  it('refuses stock that is there but below the minimum order; none at all is sold out', () => {
    expect(quantityProblem(10, 9)).toBe('stockBelowMinimum');
    expect(quantityProblem(10, 10)).toBeNull();
    expect(quantityProblem(10, 0)).toBeNull();
  });
});
