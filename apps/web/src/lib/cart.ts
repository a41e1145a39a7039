import type { UnitFieldsFragment } from '../graphql/generated/graphql';

/**
 * The cart's rules, kept apart from the store so they can be tested without a browser: what a line
 * holds, which price tier a quantity falls in, what a quantity may be, and how the stored cart is
 * read back. Prices here are what the listing showed when it was added; the checkout's quote, made
 * by the API from the listings as they are now, is what the buyer pays.
 */

export interface CartTier {
  minQuantity: number;
  unitPriceFen: number;
  /** per kilogram, for mass units */
  pricePerKgFen: number | null;
}

/** What the cart shows of a listing without asking the API again. */
export interface CartCard {
  title: string;
  unit: UnitFieldsFragment;
  sellerId: string;
  sellerName: string;
  minOrderQuantity: number;
  stock: number;
  priceTiers: CartTier[];
  imageUrl: string | null;
}

export interface CartLine {
  listingId: string;
  /** in the listing's unit */
  quantity: number;
  card: CartCard;
  /** An accepted 求购 quote: the checkout prices the line as agreed (up to the quoted quantity). */
  quoteId?: string;
}

export interface SellerGroup {
  sellerId: string;
  sellerName: string;
  lines: CartLine[];
}

/** The tier a quantity is priced at: the one with the largest threshold not above it (the first tier below the minimum). */
export function tierFor(tiers: readonly CartTier[], quantity: number): CartTier | null {
  let found: CartTier | null = tiers[0] ?? null;
  for (const tier of tiers) if (quantity >= tier.minQuantity) found = tier;
  return found;
}

/** The next tier up from `quantity`, to tell the buyer how much more makes it cheaper; null at the top. */
export function nextTier(tiers: readonly CartTier[], quantity: number): CartTier | null {
  return tiers.find((tier) => tier.minQuantity > quantity) ?? null;
}

/** Goods of a line at its tier price, in fen (the quote's amount is what counts). */
export function lineAmountFen(line: CartLine): number {
  return (tierFor(line.card.priceTiers, line.quantity)?.unitPriceFen ?? 0) * line.quantity;
}

/** A whole quantity between the minimum order and the stock (the minimum when the stock is below it). */
export function clampQuantity(quantity: number, card: Pick<CartCard, 'minOrderQuantity' | 'stock'>): number {
  const whole = Number.isFinite(quantity) ? Math.trunc(quantity) : card.minOrderQuantity;
  const most = Math.max(card.minOrderQuantity, card.stock);
  return Math.min(Math.max(whole, card.minOrderQuantity), most);
}

/** Whether anybody can order this listing at all: stock enough for its minimum order. */
export const canOrder = (card: Pick<CartCard, 'minOrderQuantity' | 'stock'>): boolean => card.stock >= card.minOrderQuantity && card.stock > 0;

/** The cart with `quantity` more of a listing (its card refreshed), kept within the listing's limits. */
export function withAdded(lines: readonly CartLine[], listingId: string, quantity: number, card: CartCard): CartLine[] {
  const existing = lines.find((line) => line.listingId === listingId);
  if (!existing) return [...lines, { listingId, quantity: clampQuantity(quantity, card), card }];
  return lines.map((line) => (line.listingId === listingId ? { listingId, quantity: clampQuantity(line.quantity + quantity, card), card } : line));
}

/** The cart with a listing's line replaced by an accepted quote's (its quantity as quoted). */
export function withQuoted(lines: readonly CartLine[], listingId: string, quantity: number, card: CartCard, quoteId: string): CartLine[] {
  return [...lines.filter((line) => line.listingId !== listingId), { listingId, quantity, card, quoteId }];
}

/** Lines by seller, sellers in the order their first line was added. */
export function groupBySeller(lines: readonly CartLine[]): SellerGroup[] {
  const groups = new Map<string, SellerGroup>();
  for (const line of lines) {
    const group = groups.get(line.card.sellerId) ?? { sellerId: line.card.sellerId, sellerName: line.card.sellerName, lines: [] };
    group.lines.push(line);
    groups.set(line.card.sellerId, group);
  }
  return [...groups.values()];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readTier(value: unknown): CartTier | null {
  if (!isObject(value) || !isWhole(value.minQuantity) || !isWhole(value.unitPriceFen)) return null;
  const perKg = value.pricePerKgFen;
  return { minQuantity: value.minQuantity, unitPriceFen: value.unitPriceFen, pricePerKgFen: isWhole(perKg) ? perKg : null };
}

function readCard(value: unknown): CartCard | null {
  if (!isObject(value) || !isObject(value.unit)) return null;
  const { title, sellerId, sellerName, minOrderQuantity, stock, imageUrl, unit } = value;
  if (typeof title !== 'string' || typeof sellerId !== 'string' || typeof sellerName !== 'string') return null;
  if (!isWhole(minOrderQuantity) || minOrderQuantity < 1 || !isWhole(stock)) return null;
  if (typeof unit.code !== 'string' || typeof unit.nameZh !== 'string' || typeof unit.nameEn !== 'string' || typeof unit.isMass !== 'boolean') return null;
  const tiers = Array.isArray(value.priceTiers) ? value.priceTiers.map(readTier) : [];
  if (tiers.length === 0 || tiers.some((tier) => tier === null)) return null;
  return {
    title,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, isMass: unit.isMass },
    sellerId,
    sellerName,
    minOrderQuantity,
    stock,
    priceTiers: tiers as CartTier[],
    imageUrl: typeof imageUrl === 'string' ? imageUrl : null,
  };
}

/**
 * The cart as stored (JSON written by an earlier version of the page, or by hand): lines that do not
 * read as lines are dropped rather than breaking the page.
 */
export function parseStoredCart(raw: string | null): CartLine[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const lines: CartLine[] = [];
  for (const item of parsed) {
    if (!isObject(item) || typeof item.listingId !== 'string' || !isWhole(item.quantity) || item.quantity < 1) continue;
    const card = readCard(item.card);
    if (!card || lines.some((line) => line.listingId === item.listingId)) continue;
    lines.push({ listingId: item.listingId, quantity: item.quantity, card, ...(typeof item.quoteId === 'string' ? { quoteId: item.quoteId } : {}) });
  }
  return lines;
}
