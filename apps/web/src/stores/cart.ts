import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { attemptFor, parseStoredAttempt, type CheckoutAttempt } from '../lib/checkoutAttempt';
import { clampQuantity, groupBySeller, parseStoredCart, withAdded, withQuoted, type CartCard, type CartLine } from '../lib/cart';

const CART_KEY = 'xiangnong.cart';
const ATTEMPT_KEY = 'xiangnong.checkout';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or a full store: the cart just lasts for this page.
  }
}

/**
 * The buyer's cart: listings and quantities, each with the card it shows, kept in this browser's
 * localStorage (another tab's changes follow), whoever is signed in. Also the idempotency key of the
 * checkout attempt under way, so that a retry of the same cart, even after a reload, cannot place
 * its orders twice.
 */
export const useCartStore = defineStore('cart', () => {
  const lines = ref<CartLine[]>(parseStoredCart(read(CART_KEY)));
  let attempt: CheckoutAttempt | null = parseStoredAttempt(read(ATTEMPT_KEY));

  /** How many listings are in the cart (the header's badge). */
  const count = computed(() => lines.value.length);
  const groups = computed(() => groupBySeller(lines.value));

  function save(next: CartLine[]): void {
    lines.value = next;
    write(CART_KEY, next.length ? JSON.stringify(next) : null);
  }

  /** Adds `quantity` of a listing (to what is there already), within its minimum order and stock. */
  function add(listingId: string, quantity: number, card: CartCard): void {
    save(withAdded(lines.value, listingId, quantity, card));
  }

  /** Puts an accepted 求购 quote's line in the cart, replacing the listing's line if there was one. */
  function addQuoted(listingId: string, quantity: number, card: CartCard, quoteId: string): void {
    save(withQuoted(lines.value, listingId, quantity, card, quoteId));
  }

  function setQuantity(listingId: string, quantity: number): void {
    save(lines.value.map((line) => (line.listingId === listingId ? { ...line, quantity: clampQuantity(quantity, line.card) } : line)));
  }

  function remove(listingId: string): void {
    save(lines.value.filter((line) => line.listingId !== listingId));
  }

  /** Takes out what a checkout placed. */
  function removeAll(listingIds: readonly string[]): void {
    save(lines.value.filter((line) => !listingIds.includes(line.listingId)));
  }

  /**
   * The idempotency key for placing the cart whose fingerprint this is: the same as last time while
   * the cart, delivery and payment are the same, a new one as soon as any of them changed.
   */
  function checkoutKey(fingerprint: string): string {
    const next = attemptFor(attempt, fingerprint);
    if (next !== attempt) {
      attempt = next;
      write(ATTEMPT_KEY, JSON.stringify(next));
    }
    return next.key;
  }

  /** The attempt succeeded: the next checkout, even of the same things, is a new one. */
  function forgetCheckout(): void {
    attempt = null;
    write(ATTEMPT_KEY, null);
  }

  // Another tab added or removed something: follow it.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === CART_KEY || event.key === null) lines.value = parseStoredCart(read(CART_KEY));
      if (event.key === ATTEMPT_KEY || event.key === null) attempt = parseStoredAttempt(read(ATTEMPT_KEY));
    });
  }

  return { lines, count, groups, add, addQuoted, setQuantity, remove, removeAll, checkoutKey, forgetCheckout };
});
