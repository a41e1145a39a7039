import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { saveTokens } from '../src/graphql';
import { ApiError } from '../src/graphql/client';
import type { CartInput, CheckoutInput, QuoteFieldsFragment } from '../src/graphql/generated/graphql';
import type { CartCard } from '../src/lib/cart';
import CartPage from '../src/pages/CartPage.vue';
import { useCartStore } from '../src/stores/cart';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const TEA: CartCard = {
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
  imageUrl: null,
};
const ORANGE: CartCard = {
  ...TEA,
  title: '麻阳冰糖橙',
  unit: { code: 'JIN', nameZh: '斤', nameEn: 'jin', isMass: true },
  sellerId: 'org-orange',
  sellerName: '麻阳苗族自治县冰糖橙合作社',
  minOrderQuantity: 100,
  stock: 5000,
  priceTiers: [{ minQuantity: 100, unitPriceFen: 380, pricePerKgFen: 760 }],
};

/** What the fake API charges now; a test raises it to play a seller changing the price. */
let teaPriceFen: number;
let placeFailure: (() => ApiError) | null;
let quoteFailure: ApiError | null;
let alipayConfigured: boolean;
const placed: CheckoutInput[] = [];

function quoteFor(input: CartInput): QuoteFieldsFragment {
  const groups = [TEA, ORANGE]
    .map((card) => {
      const lines = input.lines
        .filter((l) => (card === TEA ? l.listingId === 'tea' : l.listingId === 'orange'))
        .map((l) => {
          const unitPriceFen = card === TEA ? teaPriceFen : 380;
          return { listingId: l.listingId, title: card.title, unit: card.unit.code, quantity: l.quantity, unitPriceFen, pricePerKgFen: card === TEA ? unitPriceFen : 760, amountFen: unitPriceFen * l.quantity };
        });
      const goodsFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
      const freightFen = card === TEA ? 0 : 7600;
      const method = input.sellerPaymentMethods?.find((m) => m.sellerId === card.sellerId)?.method ?? input.paymentMethod;
      return { sellerId: card.sellerId, sellerName: card.sellerName, goodsFen, freightFen, coldChainFen: card === TEA ? 0 : 1000, billedKg: 20, totalFen: goodsFen + freightFen, paymentMethod: method, lines };
    })
    .filter((g) => g.lines.length > 0);
  const goodsFen = groups.reduce((s, g) => s + g.goodsFen, 0);
  const freightFen = groups.reduce((s, g) => s + g.freightFen, 0);
  return { goodsFen, freightFen, totalFen: goodsFen + freightFen, groups };
}

function answer() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    switch (operationName(document)) {
      case 'PaymentOptions':
        return { paymentOptions: { alipay: alipayConfigured } };
      case 'Counties':
        return { counties: [{ code: '430923', name: '安化县', prefectureCode: '430900', prefectureName: '益阳市', isPovertyCounty: true }] };
      case 'ServiceStations':
        return { serviceStations: [{ id: 'station-1', name: '江南镇洞市村服务站', address: '洞市村村部一楼', countyCode: '430923' }] };
      case 'CheckoutQuote':
        if (quoteFailure) throw quoteFailure;
        return { checkoutQuote: quoteFor(variables.input as CartInput) };
      case 'PlaceCheckout': {
        const input = variables.input as CheckoutInput;
        placed.push(input);
        if (placeFailure) throw placeFailure();
        const total = quoteFor(input).totalFen;
        if (input.expectedTotalFen !== total) {
          throw new ApiError({ code: 'ordering/price-changed', messageZh: '价格或运费已变化', messageEn: 'Prices changed', details: { expectedTotalFen: input.expectedTotalFen, totalFen: total } });
        }
        const orders = quoteFor(input).groups.map((g, i) => ({
          id: `order-${i}`,
          number: `XN2026120100000${i}`,
          status: g.paymentMethod === 'CASH_ON_DELIVERY' ? 'AWAITING_SHIPMENT' : 'AWAITING_PAYMENT',
          paymentMethod: g.paymentMethod,
          goodsFen: g.goodsFen,
          freightFen: g.freightFen,
          totalFen: g.totalFen,
          placedAt: '2026-12-01T08:00:00Z',
          deliveryKind: 'STATION',
          recipientName: '王采购',
          actions: ['cancel'],
          seller: { id: g.sellerId, name: g.sellerName },
          station: { id: 'station-1', name: '江南镇洞市村服务站' },
          lines: g.lines.map((l) => ({ listingId: l.listingId, title: l.title, quantity: l.quantity, unit: l.unit })),
        }));
        return { placeCheckout: { checkoutId: 'checkout-1', replayed: false, orders } };
      }
      default:
        throw new Error(`unexpected ${operationName(document)}`);
    }
  });
}

/** Past the quote's pause after a change, and its answer. */
async function settle() {
  await flushPromises();
  vi.advanceTimersByTime(300);
  await flushPromises();
}

async function mountCart() {
  localStorage.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
  const session = useSessionStore();
  session.viewer = { id: 'u2', phone: '13900000002', displayName: '王采购', isPlatformAdmin: false, memberships: [] };
  session.loaded = true;
  const cart = useCartStore();
  cart.add('tea', 20, TEA);
  cart.add('orange', 100, ORANGE);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push('/cart');
  const wrapper = mount(CartPage, { global: { plugins: [i18nPlugin(), pinia, router] } });
  await settle();
  await wrapper.get('[data-testid="checkout-area"]').setValue('430923');
  await settle();
  return { wrapper, cart };
}

describe('CartPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    localStorage.clear();
    gql.mockReset();
    teaPriceFen = 32000;
    placeFailure = null;
    quoteFailure = null;
    alipayConfigured = false;
    placed.length = 0;
    answer();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each seller’s freight from the quote once the station is chosen', async () => {
    const { wrapper } = await mountCart();
    // the only station of the county is taken
    expect((wrapper.get('[data-testid="checkout-station"] input').element as HTMLInputElement).checked).toBe(true);
    const groups = wrapper.findAll('[data-testid="cart-group"]');
    expect(groups.map((g) => g.get('[data-testid="cart-group-seller"]').text())).toEqual([TEA.sellerName, ORANGE.sellerName]);
    expect(groups[0]!.get('[data-testid="cart-group-freight"]').text()).toBe('包邮');
    expect(groups[1]!.get('[data-testid="cart-group-freight"]').text()).toBe('¥76.00');
    expect(groups[1]!.get('[data-testid="cart-group-cold-chain"]').text()).toBe('含冷链 ¥10.00');
    expect(wrapper.get('[data-testid="checkout-total"]').text()).toBe('¥6,856.00');
    expect(wrapper.get('[data-testid="checkout-place"]').text()).toBe('提交订单（2 个卖家，分 2 单）');
  });

  it('offers 支付宝 only while the platform has it configured', async () => {
    const methods = (wrapper: Awaited<ReturnType<typeof mountCart>>['wrapper']) =>
      wrapper.findAll('[data-testid="cart-group"]')[0]!.findAll('input[type="radio"]').map((r) => r.attributes('data-testid'));
    const without = await mountCart();
    expect(methods(without.wrapper)).toEqual(['checkout-pay-BANK_TRANSFER', 'checkout-pay-CASH_ON_DELIVERY']);
    without.wrapper.unmount();
    alipayConfigured = true;
    const withAlipay = await mountCart();
    expect(methods(withAlipay.wrapper)).toEqual(['checkout-pay-ALIPAY', 'checkout-pay-BANK_TRANSFER', 'checkout-pay-CASH_ON_DELIVERY']);
  });

  it('places nothing at a total the buyer did not see: it quotes again, asks, and places at the new total with the same key', async () => {
    const { wrapper, cart } = await mountCart();
    await groupsPay(wrapper, 1, 'CASH_ON_DELIVERY');
    teaPriceFen = 33000;
    await wrapper.get('[data-testid="checkout-form"]').trigger('submit');
    await flushPromises();
    expect(placed).toHaveLength(1);
    expect(placed[0]!.expectedTotalFen).toBe(685_600);
    expect(wrapper.get('[data-testid="checkout-price-changed"]').text()).toContain('原应付 ¥6,856.00，现应付 ¥7,056.00');
    expect(wrapper.get('[data-testid="checkout-total"]').text()).toBe('¥7,056.00');
    expect(wrapper.find('[data-testid="checkout-placed"]').exists()).toBe(false);
    expect(cart.count).toBe(2);

    await wrapper.get('[data-testid="checkout-confirm-new-total"]').trigger('click');
    await flushPromises();
    expect(placed).toHaveLength(2);
    expect(placed[1]!.expectedTotalFen).toBe(705_600);
    expect(placed[1]!.idempotencyKey).toBe(placed[0]!.idempotencyKey);
    expect(placed[1]!.sellerPaymentMethods).toEqual([
      { sellerId: 'org-tea', method: 'BANK_TRANSFER' },
      { sellerId: 'org-orange', method: 'CASH_ON_DELIVERY' },
    ]);
    expect(placed[1]!.delivery).toEqual({ recipientName: '王采购', recipientPhone: '13900000002', stationId: 'station-1' });
    const orders = wrapper.findAll('[data-testid="placed-order"]');
    expect(orders.map((o) => o.get('[data-testid="placed-order-status"]').text())).toEqual(['待付款', '待发货']);
    expect(cart.count).toBe(0);
  });

  it('retries a checkout whose answer was lost with the same key, and a changed cart with a new one', async () => {
    const { wrapper } = await mountCart();
    placeFailure = () => new ApiError({ code: 'network/unreachable', messageZh: '网络连接失败，请稍后再试', messageEn: 'offline' });
    await wrapper.get('[data-testid="checkout-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="checkout-error"]').text()).toBe('网络连接失败，请稍后再试');
    await wrapper.get('[data-testid="checkout-form"]').trigger('submit');
    await flushPromises();
    expect(placed[1]!.idempotencyKey).toBe(placed[0]!.idempotencyKey);

    await wrapper.get('[data-testid="checkout-note"]').setValue('请电话联系');
    await wrapper.get('[data-testid="checkout-form"]').trigger('submit');
    await flushPromises();
    expect(placed[2]!.note).toBe('请电话联系');
    expect(placed[2]!.idempotencyKey).not.toBe(placed[0]!.idempotencyKey);
  });

  it('checks the recipient before sending anything', async () => {
    const { wrapper } = await mountCart();
    await wrapper.get('[data-testid="checkout-recipient-phone"]').setValue('1390000');
    await wrapper.get('[data-testid="checkout-form"]').trigger('submit');
    await flushPromises();
    expect(placed).toHaveLength(0);
    expect(wrapper.get('[data-testid="checkout-recipient-phone-error"]').text()).toBe('请输入有效的中国大陆手机号');
    expect(wrapper.get('[data-testid="checkout-fix-errors"]').text()).toBe('请修改标出的内容');
  });

  it('says beside the line when a listing cannot be bought as it is, and keeps the order button off', async () => {
    quoteFailure = new ApiError({ code: 'ordering/stock-insufficient', messageZh: '库存不足，请减少数量', messageEn: 'Not enough stock', details: { listingId: 'orange', available: 50 } });
    const { wrapper } = await mountCart();
    const orange = wrapper.findAll('[data-testid="cart-line"]').find((line) => line.attributes('data-listing-id') === 'orange')!;
    expect(orange.get('[data-testid="cart-line-error"]').text()).toBe('库存不足，请减少数量');
    expect(wrapper.get('[data-testid="checkout-place"]').attributes('disabled')).toBeDefined();
  });
});

async function groupsPay(wrapper: Awaited<ReturnType<typeof mountCart>>['wrapper'], group: number, method: string) {
  await wrapper.findAll('[data-testid="cart-group"]')[group]!.get(`[data-testid="checkout-pay-${method}"]`).setValue(true);
  await settle();
}
