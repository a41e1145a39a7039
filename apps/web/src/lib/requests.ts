import { formatFen } from '@xiangnong/domain';

/**
 * 求购 rules the pages share, kept apart so they can be tested without a browser: whose request it is,
 * which quote can be checked out, and the price range as the board shows it.
 */

interface Membership {
  organisation: { id: string; name: string; kind: string; verificationStatus: string };
}

const SELLER_KINDS = ['COOPERATIVE', 'ENTERPRISE', 'FAMILY_FARM'];

/** The viewer's verified organisations of one side (BUYER: 采购方; SELLER: those that list goods). */
export function verifiedOrganisations<T extends Membership>(memberships: readonly T[], kind: 'BUYER' | 'SELLER'): T['organisation'][] {
  return memberships
    .map((m) => m.organisation)
    .filter((org) => org.verificationStatus === 'VERIFIED' && (kind === 'BUYER' ? org.kind === 'BUYER' : SELLER_KINDS.includes(org.kind)));
}

/** "¥10.00–¥12.00", "≥ ¥10.00", "≤ ¥12.00"; null when the buyer named no price. */
export function priceRangeText(minFen: number | null | undefined, maxFen: number | null | undefined): string | null {
  if (minFen != null && maxFen != null) return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}–${formatFen(maxFen)}`;
  if (minFen != null) return `≥ ${formatFen(minFen)}`;
  if (maxFen != null) return `≤ ${formatFen(maxFen)}`;
  return null;
}

interface QuoteLike {
  id: string;
  status: string;
  listingId?: string | null;
}

/** The accepted quote that can go to the cart: it names the listing the goods come from. */
export function checkoutableQuote<T extends QuoteLike>(quotes: readonly T[]): (T & { listingId: string }) | null {
  const accepted = quotes.find((q) => q.status === 'ACCEPTED' && q.listingId);
  return accepted ? (accepted as T & { listingId: string }) : null;
}

/** Quotes compared: pending and accepted first, then by price per unit, cheapest first. */
export function compareQuotes<T extends { status: string; unitPriceFen: number }>(quotes: readonly T[]): T[] {
  const rank = (q: T) => (q.status === 'ACCEPTED' ? 0 : q.status === 'PENDING' ? 1 : 2);
  return [...quotes].sort((a, b) => rank(a) - rank(b) || a.unitPriceFen - b.unitPriceFen);
}

/** Today in China (YYYY-MM-DD), plus `days`: the forms' default dates. */
export function chinaDate(days = 0, now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
