import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import OrderActions from '../src/components/OrderActions.vue';
import { ApiError } from '../src/graphql/client';
import type { OrderStatus } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const sent: { name: string; variables: Record<string, unknown> }[] = [];
/** The order as a mutation answers it: only what the component reads matters here. */
const after = (status: OrderStatus, actions: string[] = []) => ({ id: 'o1', status, actions, totalFen: 45_600 });

function answer(respond: (name: string, variables: Record<string, unknown>) => unknown) {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    return respond(name, variables);
  });
}

function mountFor(status: OrderStatus, actions: string[]) {
  return mount(OrderActions, { props: { order: { id: 'o1', status, actions, totalFen: 45_600 } }, global: { plugins: [i18nPlugin(), createPinia()] } });
}

const buttons = (wrapper: ReturnType<typeof mountFor>) => wrapper.findAll('[data-testid^="order-action-"]').map((b) => b.text());

describe('OrderActions', () => {
  beforeEach(() => {
    gql.mockReset();
    sent.length = 0;
  });

  it('offers exactly what the API says the user may do, each with its own words', () => {
    expect(buttons(mountFor('AWAITING_PAYMENT', ['cancel', 'confirm-transfer']))).toEqual(['确认收到转账', '取消订单']);
    expect(buttons(mountFor('AT_STATION', ['hand-over', 'track']))).toEqual(['凭取件码交付', '添加物流信息']);
    expect(buttons(mountFor('REFUND_REQUESTED', ['approve-refund', 'decline-refund']))).toEqual(['处理退款申请']);
    expect(mountFor('COMPLETED', []).find('[data-testid="order-actions"]').exists()).toBe(false);
  });

  it('hands a parcel over against the pickup code as the buyer reads it out, and says when it is wrong', async () => {
    const wrapper = mountFor('AT_STATION', ['hand-over', 'track']);
    await wrapper.get('[data-testid="order-action-hand-over"]').trigger('click');
    await wrapper.get('[data-testid="action-pickup-code"]').setValue('5928');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="action-problem"]').text()).toBe('请输入 6 位数字取件码');
    expect(sent).toHaveLength(0);

    answer(() => {
      throw new ApiError({ code: 'ordering/pickup-code-wrong', messageZh: '取件码不正确', messageEn: 'The pickup code is wrong' });
    });
    await wrapper.get('[data-testid="action-pickup-code"]').setValue('123 456');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'HandOverOrder', variables: { orderId: 'o1', pickupCode: '123456' } });
    expect(wrapper.get('[data-testid="action-error"]').text()).toBe('取件码不正确');
    expect(wrapper.emitted('updated')).toBeUndefined();

    answer(() => ({ handOverOrder: after('DELIVERED') }));
    await wrapper.get('[data-testid="action-pickup-code"]').setValue('592-809');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)!.variables).toEqual({ orderId: 'o1', pickupCode: '592809' });
    expect(wrapper.emitted('updated')).toEqual([[after('DELIVERED')]]);
    expect(wrapper.get('[data-testid="action-done"]').text()).toBe('已更新：已送达');
    expect(wrapper.find('[data-testid="order-action-form"]').exists()).toBe(false);
  });

  it('ships with a carrier and tracking number, or as the seller’s own delivery', async () => {
    answer(() => ({ shipOrder: after('SHIPPED', ['track']) }));
    const wrapper = mountFor('AWAITING_SHIPMENT', ['ship', 'cancel']);
    await wrapper.get('[data-testid="order-action-ship"]').trigger('click');
    await wrapper.get('[data-testid="action-carrier"]').setValue('SF');
    await wrapper.get('[data-testid="action-tracking-number"]').setValue('SF12');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="action-problem"]').text()).toBe('运单号为 6 到 40 位字母、数字或 -');
    await wrapper.get('[data-testid="action-tracking-number"]').setValue(' SF1234567890 ');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'ShipOrder', variables: { input: { orderId: 'o1', carrier: 'SF', trackingNumber: 'SF1234567890' } } });

    const own = mountFor('AWAITING_SHIPMENT', ['ship']);
    await own.get('[data-testid="order-action-ship"]').trigger('click');
    await own.get('[data-testid="action-own-delivery"]').setValue(true);
    expect(own.find('[data-testid="action-carrier"]').exists()).toBe(false);
    await own.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)!.variables).toEqual({ input: { orderId: 'o1', ownDelivery: true } });
  });

  it('asks a reason before cancelling, and decides a refund either way with an optional note', async () => {
    answer((name) => (name === 'CancelOrder' ? { cancelOrder: after('CANCELLED') } : { decideRefund: after('DELIVERED') }));
    const buyer = mountFor('AWAITING_PAYMENT', ['cancel']);
    await buyer.get('[data-testid="order-action-cancel"]').trigger('click');
    await buyer.get('[data-testid="order-action-form"]').trigger('submit');
    expect(buyer.get('[data-testid="action-problem"]').text()).toBe('请填写 1 到 100 个字的原因');
    await buyer.get('[data-testid="action-reason"]').setValue('买错了规格');
    await buyer.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'CancelOrder', variables: { orderId: 'o1', reason: '买错了规格' } });

    const seller = mountFor('REFUND_REQUESTED', ['approve-refund', 'decline-refund']);
    await seller.get('[data-testid="order-action-refund-decision"]').trigger('click');
    await seller.get('[data-testid="action-refund-note"]').setValue('货已签收且无质量问题');
    await seller.get('[data-testid="action-decline"]').trigger('click');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'DecideRefund', variables: { orderId: 'o1', approve: false, note: '货已签收且无质量问题' } });
  });

  it('reviews the seller with a rating and a comment', async () => {
    answer(() => ({ reviewOrder: true }));
    const wrapper = mountFor('COMPLETED', ['review']);
    await wrapper.get('[data-testid="order-action-review"]').trigger('click');
    await wrapper.get('[data-testid="action-rating-4"] input').setValue(true);
    await wrapper.get('[data-testid="action-comment"]').setValue('汤色红亮');
    await wrapper.get('[data-testid="order-action-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'ReviewOrder', variables: { orderId: 'o1', rating: 4, comment: '汤色红亮' } });
    expect(wrapper.emitted('reviewed')).toHaveLength(1);
  });
});
