import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/graphql/client';
import type { CartCard, CartLine } from '../src/lib/cart';
import { cartInput, checkDelivery, checkoutErrorField, emptyDeliveryDraft, quoteDelivery, refusalSubject, type DeliveryDraft } from '../src/lib/checkout';
import { attemptFor, checkoutFingerprint, newCheckoutKey, parseStoredAttempt } from '../src/lib/checkoutAttempt';

const card = (sellerId: string): CartCard => ({
  title: 'x',
  unit: { code: 'KG', nameZh: '千克', nameEn: 'kg', isMass: true },
  sellerId,
  sellerName: sellerId,
  minOrderQuantity: 1,
  stock: 100,
  priceTiers: [{ minQuantity: 1, unitPriceFen: 100, pricePerKgFen: 100 }],
  imageUrl: null,
});
const LINES: CartLine[] = [
  { listingId: 'tea-1', quantity: 20, card: card('tea') },
  { listingId: 'orange-1', quantity: 100, card: card('orange') },
  { listingId: 'tea-2', quantity: 1, card: card('tea') },
];

const draft = (patch: Partial<DeliveryDraft>): DeliveryDraft => ({ ...emptyDeliveryDraft(), recipientName: '王采购', recipientPhone: '139 0000 0002', ...patch });

describe('checking the delivery form', () => {
  it('a station delivery needs the station, a name and a mobile number', () => {
    expect(checkDelivery(draft({ kind: 'STATION', stationId: 's1', note: '  放门卫  ' }))).toEqual({
      errors: {},
      values: { delivery: { recipientName: '王采购', recipientPhone: '13900000002', stationId: 's1' }, note: '放门卫' },
    });
    expect(checkDelivery(draft({ kind: 'STATION', recipientName: '', recipientPhone: '12345' })).errors).toEqual({
      station: { key: 'checkout.stationRequired' },
      recipientName: { key: 'checkout.recipientNameLength', params: { min: 1, max: 20 } },
      recipientPhone: { key: 'auth.phoneInvalid' },
    });
  });

  it('an address delivery needs the county and an address of 2 to 100 characters, and no empty note is sent', () => {
    expect(checkDelivery(draft({ kind: 'ADDRESS', countyCode: '430923', address: '江南镇洞市村 3 组' })).values).toEqual({
      delivery: { recipientName: '王采购', recipientPhone: '13900000002', countyCode: '430923', address: '江南镇洞市村 3 组' },
      note: null,
    });
    expect(checkDelivery(draft({ kind: 'ADDRESS', address: '村' })).errors).toEqual({
      county: { key: 'checkout.countyRequired' },
      address: { key: 'checkout.addressLength', params: { min: 2, max: 100 } },
    });
    expect(checkDelivery(draft({ kind: 'STATION', stationId: 's1', note: '长'.repeat(101) })).errors).toEqual({
      note: { key: 'checkout.noteLength', params: { min: 0, max: 100 } },
    });
  });

  it('puts an API refusal beside its field and leaves the rest to the form', () => {
    const phone = new ApiError({ code: 'ordering/phone-invalid', messageZh: '请填写有效的手机号码', messageEn: '' });
    expect(checkoutErrorField(phone, '请填写有效的手机号码')).toEqual({ field: 'recipientPhone', message: { text: '请填写有效的手机号码' } });
    expect(checkoutErrorField(new ApiError({ code: 'ordering/stock-insufficient', messageZh: '', messageEn: '' }), '')).toBeNull();
  });

  it('reads which listing or seller a refusal is about', () => {
    const stock = new ApiError({ code: 'ordering/stock-insufficient', messageZh: '', messageEn: '', details: { listingId: 'tea-1', available: 3 } });
    expect(refusalSubject(stock)).toEqual({ listingId: 'tea-1', sellerId: null });
    const area = new ApiError({ code: 'logistics/area-not-served', messageZh: '', messageEn: '', details: { sellerId: 'orange' } });
    expect(refusalSubject(area)).toEqual({ listingId: null, sellerId: 'orange' });
    expect(refusalSubject(new Error('offline'))).toEqual({ listingId: null, sellerId: null });
  });
});

describe('the quote', () => {
  it('is asked only once the place is chosen, and stands in for what is not typed yet', () => {
    expect(quoteDelivery(draft({ kind: 'STATION' }), '13900000002')).toBeNull();
    expect(quoteDelivery(draft({ kind: 'ADDRESS' }), '13900000002')).toBeNull();
    const byCounty = quoteDelivery(draft({ kind: 'ADDRESS', countyCode: '430923', address: '' }), '13900000002');
    expect(byCounty).toMatchObject({ countyCode: '430923', recipientPhone: '13900000002' });
    // the typed name and address do not change the quote, so typing them asks nothing again
    expect(quoteDelivery(draft({ kind: 'ADDRESS', countyCode: '430923', address: '江南镇', recipientName: '李' }), '13900000002')).toEqual(byCounty);
  });
});

describe('the cart input', () => {
  it('names the payment method of every seller, the default where none was chosen', () => {
    const input = cartInput(LINES, { recipientName: '王', recipientPhone: '13900000002', stationId: 's1' }, { orange: 'CASH_ON_DELIVERY' }, null);
    expect(input.lines).toEqual([
      { listingId: 'tea-1', quantity: 20 },
      { listingId: 'orange-1', quantity: 100 },
      { listingId: 'tea-2', quantity: 1 },
    ]);
    expect(input.sellerPaymentMethods).toEqual([
      { sellerId: 'tea', method: 'BANK_TRANSFER' },
      { sellerId: 'orange', method: 'CASH_ON_DELIVERY' },
    ]);
  });
});

describe('the checkout attempt', () => {
  const delivery = { recipientName: '王', recipientPhone: '13900000002', stationId: 's1' };
  const input = cartInput(LINES, delivery, {}, null);

  it('reads the same for the same cart, whatever the order of its lines', () => {
    expect(checkoutFingerprint(cartInput([...LINES].reverse(), delivery, {}, null))).toBe(checkoutFingerprint(input));
  });

  it('reads differently when a quantity, the delivery, a payment method or the note changed', () => {
    const changed = [
      cartInput([{ ...LINES[0]!, quantity: 21 }, LINES[1]!, LINES[2]!], delivery, {}, null),
      cartInput(LINES, { ...delivery, stationId: 's2' }, {}, null),
      cartInput(LINES, delivery, { tea: 'CASH_ON_DELIVERY' }, null),
      cartInput(LINES, delivery, {}, '放门卫'),
    ];
    for (const other of changed) expect(checkoutFingerprint(other)).not.toBe(checkoutFingerprint(input));
  });

  it('keeps its key for the same fingerprint and takes a new one for another', () => {
    const keys = ['k-1', 'k-2'];
    const make = () => keys.shift()!;
    const first = attemptFor(null, 'a', make);
    expect(first).toEqual({ key: 'k-1', fingerprint: 'a' });
    expect(attemptFor(first, 'a', make)).toBe(first);
    expect(attemptFor(first, 'b', make)).toEqual({ key: 'k-2', fingerprint: 'b' });
    expect(parseStoredAttempt(JSON.stringify(first))).toEqual(first);
    expect(parseStoredAttempt('{"key":1}')).toBeNull();
  });

  it('makes keys the API takes (8–64 letters, digits, - or _), different every time', () => {
    const a = newCheckoutKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newCheckoutKey()).not.toBe(a);
    expect(newCheckoutKey((bytes) => bytes.fill(255))).toBe('f'.repeat(32));
  });
});
