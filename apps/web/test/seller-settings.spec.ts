import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import BankAccountForm from '../src/components/BankAccountForm.vue';
import ShippingTemplateForm from '../src/components/ShippingTemplateForm.vue';
import type { ShippingRulesFragment } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const DEFAULT_RULES: ShippingRulesFragment = {
  zones: [{ regions: ['430000'], firstKg: 1, firstFen: 0, additionalKg: 1, additionalFen: 0 }],
  excluded: [],
  coldChainFenPerKg: 0,
  freeAboveFen: null,
  pieceWeightGrams: 1000,
};
const sent: { name: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  sent.length = 0;
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    switch (name) {
      case 'Counties':
        return {
          counties: [
            { code: '430923', name: '安化县', prefectureCode: '430900', prefectureName: '益阳市', isPovertyCounty: true },
            { code: '431226', name: '麻阳苗族自治县', prefectureCode: '431200', prefectureName: '怀化市', isPovertyCounty: true },
          ],
        };
      case 'ShippingTemplate':
        return { shippingTemplate: { isDefault: true, rules: DEFAULT_RULES } };
      case 'SetShippingTemplate':
        return { setShippingTemplate: variables.input };
      case 'BankAccount':
        return { bankAccount: { accountName: '安化县云台山黑茶专业合作社', bankName: '示例银行 湖南分行', accountNumber: '6228480000000002' } };
      case 'SetBankAccount':
        return { setBankAccount: variables.input };
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
});

const plugins = () => [i18nPlugin(), createPinia()];

describe('ShippingTemplateForm', () => {
  it('starts from free delivery in Hunan and saves a zone with its prices in fen', async () => {
    const wrapper = mount(ShippingTemplateForm, { props: { organisationId: 'org-1' }, global: { plugins: plugins() } });
    await flushPromises();
    expect(wrapper.get('[data-testid="shipping-default"]').text()).toBe('尚未设置运费模板：目前为湖南省内包邮。');
    expect(wrapper.get('[data-testid="zone-0-regions-chip"]').text()).toContain('湖南全省');

    await wrapper.get('[data-testid="shipping-add-zone"]').trigger('click');
    await wrapper.get('[data-testid="zone-1-regions-add"]').setValue('430900');
    expect(wrapper.get('[data-testid="zone-1-regions-chip"]').text()).toContain('益阳市（全市州）');
    await wrapper.get('[data-testid="zone-1-first-kg"]').setValue('5');
    await wrapper.get('[data-testid="zone-1-first-yuan"]').setValue('6');
    await wrapper.get('[data-testid="zone-1-additional-kg"]').setValue('5');
    await wrapper.get('[data-testid="zone-1-additional-yuan"]').setValue('3.5');
    await wrapper.get('[data-testid="shipping-excluded-add"]').setValue('431226');
    await wrapper.get('[data-testid="shipping-cold-chain"]').setValue('0.2');
    await wrapper.get('[data-testid="shipping-free-above"]').setValue('500');
    await wrapper.get('[data-testid="shipping-form"]').trigger('submit');
    await flushPromises();

    expect(sent.at(-1)).toEqual({
      name: 'SetShippingTemplate',
      variables: {
        organisationId: 'org-1',
        input: {
          zones: [DEFAULT_RULES.zones[0], { regions: ['430900'], firstKg: 5, firstFen: 600, additionalKg: 5, additionalFen: 350 }],
          excluded: ['431226'],
          coldChainFenPerKg: 20,
          freeAboveFen: 50_000,
          pieceWeightGrams: 1000,
        },
      },
    });
    expect(wrapper.get('[data-testid="shipping-saved"]').text()).toBe('运费模板已保存');
    expect(wrapper.find('[data-testid="shipping-default"]').exists()).toBe(false);
    // a further change is not saved yet
    await wrapper.get('[data-testid="shipping-free-above"]').setValue('600');
    expect(wrapper.find('[data-testid="shipping-saved"]').exists()).toBe(false);
  });

  it('sends nothing while a field is wrong, and marks it', async () => {
    const wrapper = mount(ShippingTemplateForm, { props: { organisationId: 'org-1' }, global: { plugins: plugins() } });
    await flushPromises();
    await wrapper.get('[data-testid="zone-0-first-kg"]').setValue('0');
    await wrapper.get('[data-testid="shipping-form"]').trigger('submit');
    await flushPromises();
    expect(sent.some((s) => s.name === 'SetShippingTemplate')).toBe(false);
    expect(wrapper.get('[data-testid="zone-0-first-kg"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="shipping-fix-errors"]').text()).toBe('请修改标出的内容');
  });
});

describe('BankAccountForm', () => {
  it('shows the account and saves a new number without its spaces', async () => {
    const wrapper = mount(BankAccountForm, { props: { organisationId: 'org-1', canEdit: true }, global: { plugins: plugins() } });
    await flushPromises();
    expect((wrapper.get('[data-testid="bank-account-number"]').element as HTMLInputElement).value).toBe('6228480000000002');
    await wrapper.get('[data-testid="bank-account-number"]').setValue('6228 48');
    await wrapper.get('[data-testid="bank-form"]').trigger('submit');
    await flushPromises();
    expect(sent.some((s) => s.name === 'SetBankAccount')).toBe(false);
    expect(wrapper.text()).toContain('账号须为 8 到 34 位数字或字母');

    await wrapper.get('[data-testid="bank-account-number"]').setValue('6228 4800 0000 0009');
    await wrapper.get('[data-testid="bank-form"]').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)!.variables).toEqual({
      organisationId: 'org-1',
      input: { accountName: '安化县云台山黑茶专业合作社', bankName: '示例银行 湖南分行', accountNumber: '6228480000000009' },
    });
    expect(wrapper.get('[data-testid="bank-saved"]').text()).toBe('收款账户已保存');
  });

  it('is read-only for staff', async () => {
    const wrapper = mount(BankAccountForm, { props: { organisationId: 'org-1', canEdit: false }, global: { plugins: plugins() } });
    await flushPromises();
    expect((wrapper.get('fieldset').element as HTMLFieldSetElement).disabled).toBe(true);
    expect(wrapper.find('[data-testid="bank-save"]').exists()).toBe(false);
  });
});
