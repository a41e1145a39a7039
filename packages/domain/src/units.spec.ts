import { describe, expect, it } from 'vitest';
import { comparePerKg, isMassUnit, pricePerKgFen, quantityInKg } from './units';

describe('units', () => {
  it('converts 斤 prices to per-kg exactly', () => {
    expect(pricePerKgFen(350, 'JIN')).toBe(700);
  });

  it('converts tonne and 担 prices, rounding half up to the fen', () => {
    expect(pricePerKgFen(560_000, 'TONNE')).toBe(560);
    expect(pricePerKgFen(1_500, 'TONNE')).toBe(2); // 1.5 fen/kg rounds up
    expect(pricePerKgFen(1_499, 'TONNE')).toBe(1);
    expect(pricePerKgFen(25_000, 'DAN')).toBe(500);
  });

  it('gives no per-kg price for count units', () => {
    expect(pricePerKgFen(180_000, 'HEAD')).toBeNull();
    expect(isMassUnit('BOX')).toBe(false);
  });

  it('compares per kg without rounding', () => {
    // 1,499 fen per tonne vs 1 fen per kg: 1.499 < 1? no, 1.499 > 1
    expect(comparePerKg({ priceFen: 1_499, unit: 'TONNE' }, { priceFen: 1, unit: 'KG' })).toBe(1);
    expect(comparePerKg({ priceFen: 500, unit: 'JIN' }, { priceFen: 1000, unit: 'KG' })).toBe(0);
    expect(comparePerKg({ priceFen: 499, unit: 'JIN' }, { priceFen: 1000, unit: 'KG' })).toBe(-1);
  });

  it('converts quantities to kg as fractions', () => {
    expect(quantityInKg(3, 'JIN')).toEqual({ numerator: 3, denominator: 2 });
    expect(quantityInKg(2, 'TONNE')).toEqual({ numerator: 2000, denominator: 1 });
  });
});
