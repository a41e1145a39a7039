import { describe, expect, it } from 'vitest';
import { parseStoredCart, withAdded, withQuoted, type CartCard } from '../src/lib/cart';
import { cartInput } from '../src/lib/checkout';
import { chinaDate, checkoutableQuote, compareQuotes, priceRangeText, verifiedOrganisations } from '../src/lib/requests';

describe('purchase requests', () => {
  it('shows the price range the buyer named', () => {
    expect(priceRangeText(1000, 1200)).toBe('¥10.00–¥12.00');
    expect(priceRangeText(1000, null)).toBe('≥ ¥10.00');
    expect(priceRangeText(null, 1200)).toBe('≤ ¥12.00');
    expect(priceRangeText(null, null)).toBeNull();
  });

  it('tells buyer organisations from sellers, verified only', () => {
    const org = (id: string, kind: string, verificationStatus = 'VERIFIED') => ({ organisation: { id, name: id, kind, verificationStatus } });
    const memberships = [org('canteen', 'BUYER'), org('coop', 'COOPERATIVE'), org('pending', 'BUYER', 'PENDING'), org('station', 'SERVICE_STATION')];
    expect(verifiedOrganisations(memberships, 'BUYER').map((o) => o.id)).toEqual(['canteen']);
    expect(verifiedOrganisations(memberships, 'SELLER').map((o) => o.id)).toEqual(['coop']);
  });

  it('checks out only an accepted quote from a listing, and lists the cheapest open quote first', () => {
    const quotes = [
      { id: 'a', status: 'DECLINED', unitPriceFen: 100, listingId: 'l1' },
      { id: 'b', status: 'PENDING', unitPriceFen: 300, listingId: 'l2' },
      { id: 'c', status: 'PENDING', unitPriceFen: 200, listingId: null },
    ];
    expect(checkoutableQuote(quotes)).toBeNull();
    expect(checkoutableQuote([...quotes, { id: 'd', status: 'ACCEPTED', unitPriceFen: 250, listingId: 'l3' }])?.id).toBe('d');
    expect(compareQuotes(quotes).map((q) => q.id)).toEqual(['c', 'b', 'a']);
  });

  it('dates forms in China time', () => {
    expect(chinaDate(0, new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(chinaDate(7, new Date('2026-11-30T01:00:00Z'))).toBe('2026-12-07');
  });

  it('an accepted quote goes to the cart in place of the listing’s line, survives a reload and is sent with the checkout', () => {
    const card: CartCard = {
      title: '安化黑茶',
      unit: { code: 'KG', nameZh: '千克', nameEn: 'kg', isMass: true },
      sellerId: 'coop',
      sellerName: '合作社',
      minOrderQuantity: 1,
      stock: 300,
      priceTiers: [{ minQuantity: 1, unitPriceFen: 36000, pricePerKgFen: 36000 }],
      imageUrl: null,
    };
    const lines = withQuoted(withAdded([], 'tea', 5, card), 'tea', 20, card, 'quote-1');
    expect(lines).toEqual([{ listingId: 'tea', quantity: 20, card, quoteId: 'quote-1' }]);
    expect(parseStoredCart(JSON.stringify(lines))).toEqual(lines);
    const input = cartInput(lines, { recipientName: '李', recipientPhone: '13900000002', stationId: 's1' }, {}, null);
    expect(input.lines).toEqual([{ listingId: 'tea', quantity: 20, quoteId: 'quote-1' }]);
  });
});
