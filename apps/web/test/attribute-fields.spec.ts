import type { AttributeSchema, AttributeValue } from '@xiangnong/domain';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import AttributeFields from '../src/components/AttributeFields.vue';
import { i18nPlugin } from './helpers';

// One attribute of every type, as a channel added purely as data could define them.
const schema: AttributeSchema = {
  attributes: [
    { key: 'variety', labelZh: '品种', labelEn: 'Variety', type: 'text', required: true, maxLength: 20 },
    { key: 'headCount', labelZh: '头数', labelEn: 'Head count', type: 'integer', min: 1 },
    { key: 'brix', labelZh: '糖度', labelEn: 'Brix', type: 'decimal', min: 0, max: 40, unitLabel: '°Bx' },
    {
      key: 'teaType',
      labelZh: '茶类',
      labelEn: 'Tea type',
      type: 'enum',
      required: true,
      options: [
        { value: 'dark', labelZh: '黑茶', labelEn: 'Dark' },
        { value: 'green', labelZh: '绿茶', labelEn: 'Green' },
      ],
    },
    { key: 'pickingDate', labelZh: '采摘日期', labelEn: 'Picked on', type: 'date' },
    { key: 'harvestYear', labelZh: '收获年份', labelEn: 'Harvest year', type: 'year', min: 2000, max: 2100 },
    { key: 'organicFarm', labelZh: '有机农场', labelEn: 'Organic farm', type: 'boolean' },
  ],
};

/** Wraps the fields in a parent holding v-model state, the way the listing editor uses them. */
function mountWithModel(initial: Record<string, AttributeValue> = {}, showErrors = false, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const model = ref<Record<string, AttributeValue>>(initial);
  const Host = defineComponent({
    setup: () => () =>
      h(AttributeFields, {
        schema,
        modelValue: model.value,
        showErrors,
        'onUpdate:modelValue': (value: Record<string, AttributeValue>) => {
          model.value = value;
        },
      }),
  });
  const wrapper = mount(Host, { global: { plugins: [i18nPlugin(locale)] } });
  return { wrapper, model };
}

describe('AttributeFields', () => {
  it('renders a suitable control for every attribute type, with labels from the schema', () => {
    const { wrapper } = mountWithModel();
    const control = (key: string) => wrapper.get(`[data-testid="attr-${key}"]`);
    expect(control('variety').element.tagName).toBe('INPUT');
    expect(control('headCount').attributes('inputmode')).toBe('numeric');
    expect(control('brix').attributes('inputmode')).toBe('decimal');
    expect(control('teaType').element.tagName).toBe('SELECT');
    expect(control('teaType').findAll('option').map((o) => o.text())).toEqual(['请选择', '黑茶', '绿茶']);
    expect(control('pickingDate').attributes('type')).toBe('date');
    expect(control('harvestYear').attributes('placeholder')).toBe('2000–2100');
    expect(control('organicFarm').findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'true', 'false']);
    expect(wrapper.get('[data-testid="attr-field-brix"]').text()).toContain('糖度（°Bx）');
    expect(wrapper.get('[data-testid="attr-field-variety"]').text()).toContain('*');
  });

  it('emits values with the types the API expects', async () => {
    const { wrapper, model } = mountWithModel();
    await wrapper.get('[data-testid="attr-variety"]').setValue('冰糖橙');
    await wrapper.get('[data-testid="attr-headCount"]').setValue('120');
    await wrapper.get('[data-testid="attr-brix"]').setValue('14.5');
    await wrapper.get('[data-testid="attr-teaType"]').setValue('dark');
    await wrapper.get('[data-testid="attr-pickingDate"]').setValue('2026-11-20');
    await wrapper.get('[data-testid="attr-harvestYear"]').setValue('2024');
    await wrapper.get('[data-testid="attr-organicFarm"]').setValue('false');
    expect(model.value).toStrictEqual({
      variety: '冰糖橙',
      headCount: 120,
      brix: 14.5,
      teaType: 'dark',
      pickingDate: '2026-11-20',
      harvestYear: 2024,
      organicFarm: false,
    });
  });

  it('drops a cleared field instead of sending an empty string', async () => {
    const { wrapper, model } = mountWithModel({ variety: '玉针香', brix: 12 });
    await wrapper.get('[data-testid="attr-brix"]').setValue('');
    await wrapper.get('[data-testid="attr-organicFarm"]').setValue('');
    expect(model.value).toStrictEqual({ variety: '玉针香' });
  });

  it('keeps text that is not a number so the problem is shown rather than silently lost', async () => {
    const { wrapper, model } = mountWithModel({ variety: 'x', teaType: 'dark' });
    await wrapper.get('[data-testid="attr-headCount"]').setValue('12头');
    expect(model.value.headCount).toBe('12头');
    expect(wrapper.get('[data-testid="attr-error-headCount"]').text()).toBe('头数须为整数');
    expect((wrapper.get('[data-testid="attr-headCount"]').element as HTMLInputElement).value).toBe('12头');
  });

  it('shows the values it is given, including numbers and booleans', () => {
    const { wrapper } = mountWithModel({ variety: '黄华占', headCount: 40, teaType: 'green', organicFarm: true });
    expect((wrapper.get('[data-testid="attr-headCount"]').element as HTMLInputElement).value).toBe('40');
    expect((wrapper.get('[data-testid="attr-teaType"]').element as HTMLSelectElement).value).toBe('green');
    expect((wrapper.get('[data-testid="attr-organicFarm"]').element as HTMLSelectElement).value).toBe('true');
  });

  it('reports missing required and out-of-range values once errors are requested', () => {
    const { wrapper } = mountWithModel({ harvestYear: 1990 }, true);
    expect(wrapper.get('[data-testid="attr-error-variety"]').text()).toBe('必填');
    expect(wrapper.get('[data-testid="attr-error-teaType"]').text()).toBe('必填');
    expect(wrapper.get('[data-testid="attr-error-harvestYear"]').text()).toBe('收获年份须在 2000 到 2100 之间');
    expect(wrapper.find('[data-testid="attr-error-brix"]').exists()).toBe(false);
  });

  it('states the allowed range with the unit from the schema, and drops the message once the value is fixed', async () => {
    const { wrapper } = mountWithModel({ variety: '冰糖橙', teaType: 'dark' });
    const brix = wrapper.get('[data-testid="attr-brix"]');
    await brix.setValue('50');
    expect(wrapper.get('[data-testid="attr-error-brix"]').text()).toBe('糖度须在 0 到 40 °Bx 之间');
    expect(brix.attributes('aria-invalid')).toBe('true');
    await brix.setValue('14.5');
    expect(wrapper.find('[data-testid="attr-error-brix"]').exists()).toBe(false);
    expect(brix.attributes('aria-invalid')).toBeUndefined();
  });

  it('states the rules in English too', async () => {
    const { wrapper } = mountWithModel({ variety: 'x', teaType: 'dark', harvestYear: 1990 }, true, 'en');
    expect(wrapper.get('[data-testid="attr-error-harvestYear"]').text()).toBe('Harvest year must be between 2000 and 2100');
    await wrapper.get('[data-testid="attr-brix"]').setValue('-1');
    expect(wrapper.get('[data-testid="attr-error-brix"]').text()).toBe('Brix must be between 0 and 40 °Bx');
  });

  it('counts text length in characters as readers see them, so emoji count once', async () => {
    const { wrapper } = mountWithModel({ teaType: 'dark' });
    const variety = wrapper.get('[data-testid="attr-variety"]');
    // 20 characters of which 10 are emoji (two UTF-16 units each): within the limit of 20
    await variety.setValue('🍊'.repeat(10) + '冰'.repeat(10));
    expect(wrapper.find('[data-testid="attr-error-variety"]').exists()).toBe(false);
    await variety.setValue('🍊'.repeat(10) + '冰'.repeat(11));
    expect(wrapper.get('[data-testid="attr-error-variety"]').text()).toBe('品种不能超过 20 个字');
  });
});
