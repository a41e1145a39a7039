/**
 * Units of sale. Mass units convert to kilograms exactly (kgPerUnit as a fraction);
 * count units (头, 箱, 瓶, 盒, 袋, 件) never convert.
 */
export interface MassRatio {
  /** kilograms per unit = numerator / denominator */
  numerator: number;
  denominator: number;
}

export interface UnitInfo {
  code: string;
  zh: string;
  en: string;
  mass: MassRatio | null;
}

export const UNITS: readonly UnitInfo[] = [
  { code: 'KG', zh: '千克', en: 'kg', mass: { numerator: 1, denominator: 1 } },
  { code: 'JIN', zh: '斤', en: 'jin (0.5 kg)', mass: { numerator: 1, denominator: 2 } },
  { code: 'G', zh: '克', en: 'g', mass: { numerator: 1, denominator: 1000 } },
  { code: 'DAN', zh: '担', en: 'dan (50 kg)', mass: { numerator: 50, denominator: 1 } },
  { code: 'TONNE', zh: '吨', en: 'tonne', mass: { numerator: 1000, denominator: 1 } },
  { code: 'HEAD', zh: '头', en: 'head', mass: null },
  { code: 'BOX', zh: '箱', en: 'box', mass: null },
  { code: 'BOTTLE', zh: '瓶', en: 'bottle', mass: null },
  { code: 'CASE', zh: '盒', en: 'case', mass: null },
  { code: 'BAG', zh: '袋', en: 'bag', mass: null },
  { code: 'PIECE', zh: '件', en: 'piece', mass: null },
] as const;

export const UNIT_CODES = UNITS.map((u) => u.code);

export function unitInfo(code: string): UnitInfo | undefined {
  return UNITS.find((u) => u.code === code);
}

export function isMassUnit(code: string): boolean {
  return unitInfo(code)?.mass != null;
}

/**
 * Price per kilogram in fen, rounded half-up to a whole fen, for a price per `unit`.
 * Returns null for count units. Exact: integer arithmetic on the unit's ratio.
 */
export function pricePerKgFen(priceFen: number, unit: string): number | null {
  const mass = unitInfo(unit)?.mass;
  if (!mass) return null;
  // price / (num/den) = price * den / num, rounded half up
  const scaled = BigInt(priceFen) * BigInt(mass.denominator);
  const num = BigInt(mass.numerator);
  return Number((scaled * 2n + num) / (2n * num));
}

/**
 * Compares two unit prices per kilogram exactly (cross-multiplication, no rounding).
 * Negative when a is cheaper per kg than b.
 */
export function comparePerKg(a: { priceFen: number; unit: string }, b: { priceFen: number; unit: string }): number {
  const ma = unitInfo(a.unit)?.mass;
  const mb = unitInfo(b.unit)?.mass;
  if (!ma || !mb) throw new Error('comparePerKg needs mass units');
  // a.price * a.den / a.num  vs  b.price * b.den / b.num
  const left = BigInt(a.priceFen) * BigInt(ma.denominator) * BigInt(mb.numerator);
  const right = BigInt(b.priceFen) * BigInt(mb.denominator) * BigInt(ma.numerator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Quantity converted to kilograms as an exact fraction, for mass units. */
export function quantityInKg(quantity: number, unit: string): MassRatio | null {
  const mass = unitInfo(unit)?.mass;
  if (!mass) return null;
  return { numerator: quantity * mass.numerator, denominator: mass.denominator };
}
