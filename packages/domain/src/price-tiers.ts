/**
 * Quantity price tiers: the first tier starts at the minimum order quantity,
 * later tiers start at strictly larger quantities and never cost more per unit.
 */
export interface PriceTier {
  minQuantity: number;
  unitPriceFen: number;
}

export type PriceTierProblem =
  | 'empty'
  | 'notPositive'
  | 'notInteger'
  | 'outOfOrder'
  | 'firstTierAboveMinimum'
  | 'priceRises';

export function priceTierProblem(tiers: readonly PriceTier[], minOrderQuantity: number): PriceTierProblem | null {
  if (tiers.length === 0) return 'empty';
  for (const tier of tiers) {
    if (!Number.isInteger(tier.unitPriceFen) || !Number.isInteger(tier.minQuantity)) return 'notInteger';
    if (tier.unitPriceFen <= 0 || tier.minQuantity <= 0) return 'notPositive';
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
