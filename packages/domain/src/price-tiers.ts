/**
 * Quantity price tiers: the first tier starts at the minimum order quantity,
 * later tiers start at strictly larger quantities and never cost more per unit.
 */
export interface PriceTier {
  minQuantity: number;
  unitPriceFen: number;
}

/** More tiers than this is a price list, not a tier table; buyers could not read it either. */
export const MAX_PRICE_TIERS = 10;
/** Largest quantity, stock or price a listing takes (fits a 32-bit column with room to add). */
export const MAX_LISTING_QUANTITY = 1_000_000_000;
export const MAX_UNIT_PRICE_FEN = 2_000_000_000;

export type PriceTierProblem =
  | 'empty'
  | 'tooMany'
  | 'tooLarge'
  | 'notPositive'
  | 'notInteger'
  | 'outOfOrder'
  | 'firstTierAboveMinimum'
  | 'priceRises';

export function priceTierProblem(tiers: readonly PriceTier[], minOrderQuantity: number): PriceTierProblem | null {
  if (tiers.length === 0) return 'empty';
  if (tiers.length > MAX_PRICE_TIERS) return 'tooMany';
  for (const tier of tiers) {
    if (!Number.isInteger(tier.unitPriceFen) || !Number.isInteger(tier.minQuantity)) return 'notInteger';
    if (tier.unitPriceFen <= 0 || tier.minQuantity <= 0) return 'notPositive';
    if (tier.unitPriceFen > MAX_UNIT_PRICE_FEN || tier.minQuantity > MAX_LISTING_QUANTITY) return 'tooLarge';
  }
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i]!.minQuantity <= tiers[i - 1]!.minQuantity) return 'outOfOrder';
    if (tiers[i]!.unitPriceFen > tiers[i - 1]!.unitPriceFen) return 'priceRises';
  }
  if (tiers[0]!.minQuantity > minOrderQuantity) return 'firstTierAboveMinimum';
  return null;
}

/** The unit price for an order of `quantity`: the tier with the largest threshold not above it. */
export function unitPriceFor(tiers: readonly PriceTier[], quantity: number): number | null {
  let price: number | null = null;
  for (const tier of tiers) if (quantity >= tier.minQuantity) price = tier.unitPriceFen;
  return price;
}

export type QuantityProblem = 'minimumInvalid' | 'stockInvalid' | 'stockBelowMinimum';

/**
 * The minimum order is a whole number of at least 1, stock a whole number of at least 0. Stock
 * that is there but below the minimum order could never be bought: it is refused (stock 0 is
 * simply sold out).
 */
export function quantityProblem(minOrderQuantity: number, stock: number): QuantityProblem | null {
  if (!Number.isInteger(minOrderQuantity) || minOrderQuantity < 1 || minOrderQuantity > MAX_LISTING_QUANTITY) return 'minimumInvalid';
  if (!Number.isInteger(stock) || stock < 0 || stock > MAX_LISTING_QUANTITY) return 'stockInvalid';
  if (stock > 0 && stock < minOrderQuantity) return 'stockBelowMinimum';
  return null;
}
