import { parseYuanToFen, priceTierProblem, type PriceTier, type PriceTierProblem } from '@xiangnong/domain';

/** One editable row: what the person typed, kept as text so half-typed amounts survive re-renders. */
export interface TierRow {
  minQuantity: string;
  priceYuan: string;
}

export type TierConversion =
  | { ok: true; tiers: PriceTier[] }
  | { ok: false; index: number; reason: 'quantity' | 'price' }
  | { ok: false; index: -1; reason: PriceTierProblem };

const WHOLE = /^\d{1,9}$/;

/** Typed rows → integer fen tiers for the API, or the first problem found. */
export function rowsToTiers(rows: readonly TierRow[], minOrderQuantity: number): TierConversion {
  const tiers: PriceTier[] = [];
  for (const [index, row] of rows.entries()) {
    const quantity = row.minQuantity.trim();
    if (!WHOLE.test(quantity)) return { ok: false, index, reason: 'quantity' };
    const fen = parseYuanToFen(row.priceYuan);
    if (fen === null) return { ok: false, index, reason: 'price' };
    tiers.push({ minQuantity: Number(quantity), unitPriceFen: fen });
  }
  const problem = priceTierProblem(tiers, minOrderQuantity);
  if (problem) return { ok: false, index: -1, reason: problem };
  return { ok: true, tiers };
}

/** Fen tiers from the API → rows showing yuan with two decimals. */
export function tiersToRows(tiers: readonly PriceTier[]): TierRow[] {
  return tiers.map((tier) => ({
    minQuantity: String(tier.minQuantity),
    priceYuan: `${Math.floor(tier.unitPriceFen / 100)}.${String(tier.unitPriceFen % 100).padStart(2, '0')}`,
  }));
}
