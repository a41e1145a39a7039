import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { canOrder, clampQuantity, groupBySeller, lineAmountFen, nextTier, parseStoredCart, tierFor, withAdded, type CartCard } from '../src/lib/cart';
import { useCartStore } from '../src/stores/cart';

/** 麻阳冰糖橙: sold by the 斤 from 100, cheaper from 1000. */
const ORANGE: CartCard = {
  title: '麻阳冰糖橙 70-75 毫米',
  unit: { code: 'JIN', nameZh: '斤', nameEn: 'jin', isMass: true },
  sellerId: 'org-orange',
  sellerName: '麻阳苗族自治县冰糖橙合作社',
  minOrderQuantity: 100,
  stock: 5000,
  priceTiers: [
    { minQuantity: 100, unitPriceFen: 380, pricePerKgFen: 760 },
    { minQuantity: 1000, unitPriceFen: 340, pricePerKgFen: 680 },
  ],
  imageUrl: null,
};
const TEA: CartCard = {
  ...ORANGE,
  title: '安化黑茶 千两茶',
  unit: { code: 'KG', nameZh: '千克', nameEn: 'kg', isMass: true },
  sellerId: 'org-tea',
  sellerName: '安化县云台山黑茶专业合作社',
  minOrderQuantity: 1,
  stock: 300,
  priceTiers: [
    { minQuantity: 1, unitPriceFen: 36000, pricePerKgFen: 36000 },
    { minQuantity: 20, unitPriceFen: 32000, pricePerKgFen: 32000 },
  ],
};

describe('price tiers in the cart', () => {
  it('prices a quantity at the tier with the largest threshold it reaches', () => {
    expect(tierFor(ORANGE.priceTiers, 100)?.unitPriceFen).toBe(380);
    expect(tierFor(ORANGE.priceTiers, 999)?.unitPriceFen).toBe(380);
    expect(tierFor(ORANGE.priceTiers, 1000)?.unitPriceFen).toBe(340);
    expect(tierFor(ORANGE.priceTiers, 4000)?.pricePerKgFen).toBe(680);
  });

  it('names the next cheaper tier until the top one is reached', () => {
    expect(nextTier(TEA.priceTiers, 1)).toEqual({ minQuantity: 20, unitPriceFen: 32000, pricePerKgFen: 32000 });
    expect(nextTier(TEA.priceTiers, 20)).toBeNull();
  });

  it('adds up a line at its tier price in whole fen', () => {
    expect(lineAmountFen({ listingId: 'tea', quantity: 20, card: TEA })).toBe(640_000);
    expect(lineAmountFen({ listingId: 'orange', quantity: 1000, card: ORANGE })).toBe(340_000);
  });
});

describe('quantities', () => {
  it('stay whole, at least the minimum order and at most the stock', () => {
    expect(clampQuantity(20, ORANGE)).toBe(100);
    expect(clampQuantity(150.7, ORANGE)).toBe(150);
    expect(clampQuantity(99_999, ORANGE)).toBe(5000);
    expect(clampQuantity(Number.NaN, ORANGE)).toBe(100);
  });

  it('a listing whose stock is below its minimum order cannot be ordered', () => {
    expect(canOrder({ minOrderQuantity: 100, stock: 99 })).toBe(false);
    expect(canOrder({ minOrderQuantity: 1, stock: 0 })).toBe(false);
    expect(canOrder({ minOrderQuantity: 100, stock: 100 })).toBe(true);
  });

  it('adding a listing already in the cart adds to its quantity, within the stock', () => {
    let lines = withAdded([], 'orange', 100, ORANGE);
    lines = withAdded(lines, 'tea', 1, TEA);
    lines = withAdded(lines, 'orange', 4950, ORANGE);
    expect(lines.map((l) => [l.listingId, l.quantity])).toEqual([
      ['orange', 5000],
      ['tea', 1],
    ]);
  });
});

describe('the cart by seller', () => {
  it('groups lines under their seller, sellers in the order they were first added', () => {
    const lines = withAdded(withAdded(withAdded([], 'tea', 20, TEA), 'orange', 100, ORANGE), 'tea-2', 5, { ...TEA, title: '安化天尖' });
    expect(groupBySeller(lines).map((g) => [g.sellerName, g.lines.map((l) => l.listingId)])).toEqual([
      ['安化县云台山黑茶专业合作社', ['tea', 'tea-2']],
      ['麻阳苗族自治县冰糖橙合作社', ['orange']],
    ]);
  });
});

describe('the stored cart', () => {
  it('reads back what was stored', () => {
    const lines = withAdded([], 'orange', 200, ORANGE);
    expect(parseStoredCart(JSON.stringify(lines))).toEqual(lines);
  });

  it('drops what does not read as a line instead of breaking the page', () => {
    const good = { listingId: 'orange', quantity: 100, card: ORANGE };
    const stored = JSON.stringify([good, { listingId: 'x', quantity: -1, card: ORANGE }, { listingId: 'y', quantity: 1, card: { title: 'no tiers' } }, 'junk', good]);
    expect(parseStoredCart(stored)).toEqual([good]);
    expect(parseStoredCart('{not json')).toEqual([]);
    expect(parseStoredCart('{"listingId":"a"}')).toEqual([]);
    expect(parseStoredCart(null)).toEqual([]);
  });
});

describe('the cart store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('keeps the cart in this browser: a new page load finds it again', () => {
    useCartStore().add('orange', 100, ORANGE);
    useCartStore().add('tea', 20, TEA);
    setActivePinia(createPinia());
    const reloaded = useCartStore();
    expect(reloaded.count).toBe(2);
    reloaded.setQuantity('orange', 10);
    expect(reloaded.lines.find((l) => l.listingId === 'orange')?.quantity).toBe(100);
    reloaded.removeAll(['orange', 'tea']);
    expect(localStorage.getItem('xiangnong.cart')).toBeNull();
  });

  it('keeps one checkout key for the same cart, even across a reload, and a new one once it changed or was placed', () => {
    const first = useCartStore().checkoutKey('cart-a');
    expect(useCartStore().checkoutKey('cart-a')).toBe(first);
    setActivePinia(createPinia());
    expect(useCartStore().checkoutKey('cart-a')).toBe(first);
    const changed = useCartStore().checkoutKey('cart-b');
    expect(changed).not.toBe(first);
    useCartStore().forgetCheckout();
    expect(useCartStore().checkoutKey('cart-b')).not.toBe(changed);
  });
});
