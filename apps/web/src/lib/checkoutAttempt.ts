import type { CartInput } from '../graphql/generated/graphql';

/**
 * The idempotency key of a checkout attempt, kept while the cart being placed stays the same. Kept
 * apart from the checkout form's rules because the cart store (in every page's bundle) needs it.
 */

/** JSON with object keys in order, so that the same cart always reads the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What identifies a checkout attempt: the cart as it will be placed (lines in listing order, delivery,
 * payment, note). The same fingerprint keeps the same idempotency key, so a retry after a lost answer
 * gets the orders already placed instead of a second set; any change makes a new attempt.
 */
export function checkoutFingerprint(input: CartInput): string {
  const lines = [...input.lines].sort((a, b) => (a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0));
  const methods = [...(input.sellerPaymentMethods ?? [])].sort((a, b) => (a.sellerId < b.sellerId ? -1 : a.sellerId > b.sellerId ? 1 : 0));
  return stableJson({ ...input, lines, sellerPaymentMethods: methods });
}

/** A new idempotency key: 32 hex digits from the browser's random source (also where randomUUID is missing, on plain http). */
export function newCheckoutKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface CheckoutAttempt {
  key: string;
  fingerprint: string;
}

/** The attempt for this fingerprint: the stored one when it is the same cart, a new key otherwise. */
export function attemptFor(stored: CheckoutAttempt | null, fingerprint: string, makeKey: () => string = newCheckoutKey): CheckoutAttempt {
  return stored && stored.fingerprint === fingerprint ? stored : { key: makeKey(), fingerprint };
}

export function parseStoredAttempt(raw: string | null): CheckoutAttempt | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<CheckoutAttempt>;
    return typeof parsed.key === 'string' && typeof parsed.fingerprint === 'string' ? { key: parsed.key, fingerprint: parsed.fingerprint } : null;
  } catch {
    return null;
  }
}
