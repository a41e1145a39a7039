import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import PriceTierEditor from '../src/components/PriceTierEditor.vue';
import { rowsToTiers, tiersToRows, type TierRow } from '../src/composables/priceTiers';
import { i18nPlugin } from './helpers';

describe('rowsToTiers', () => {
  it('converts typed yuan into integer fen without floating-point drift', () => {
    const result = rowsToTiers(
      [
        { minQuantity: '1', priceYuan: '360' },
        { minQuantity: '20', priceYuan: '320.5' },
        { minQuantity: '100', priceYuan: '0.29' },
      ],
      1,
    );
    expect(result).toStrictEqual({
      ok: true,
      tiers: [
        { minQuantity: 1, unitPriceFen: 36000 },
        { minQuantity: 20, unitPriceFen: 32050 },
        { minQuantity: 100, unitPriceFen: 29 },
      ],
    });
  });

  it('accepts thousands separators and the ¥ sign', () => {
    expect(rowsToTiers([{ minQuantity: '5', priceYuan: '¥3,600.00' }], 5)).toStrictEqual({ ok: true, tiers: [{ minQuantity: 5, unitPriceFen: 360000 }] });
  });

  it('points at the row with an unreadable amount or quantity', () => {
    expect(rowsToTiers([{ minQuantity: '1', priceYuan: '10' }, { minQuantity: '10', priceYuan: '9.999' }], 1)).toStrictEqual({ ok: false, index: 1, reason: 'price' });
    expect(rowsToTiers([{ minQuantity: '1.5', priceYuan: '10' }], 1)).toStrictEqual({ ok: false, index: 0, reason: 'quantity' });
    expect(rowsToTiers([{ minQuantity: '', priceYuan: '10' }], 1)).toStrictEqual({ ok: false, index: 0, reason: 'quantity' });
  });

  it('applies the shared price-tier rules', () => {
    expect(rowsToTiers([], 1)).toMatchObject({ ok: false, reason: 'empty' });
    expect(rowsToTiers([{ minQuantity: '1', priceYuan: '10' }, { minQuantity: '10', priceYuan: '11' }], 1)).toMatchObject({ ok: false, reason: 'priceRises' });
    expect(rowsToTiers([{ minQuantity: '10', priceYuan: '10' }, { minQuantity: '5', priceYuan: '9' }], 10)).toMatchObject({ ok: false, reason: 'outOfOrder' });
    expect(rowsToTiers([{ minQuantity: '10', priceYuan: '10' }], 5)).toMatchObject({ ok: false, reason: 'firstTierAboveMinimum' });
    expect(rowsToTiers([{ minQuantity: '1', priceYuan: '0' }], 1)).toMatchObject({ ok: false, reason: 'notPositive' });
  });

  it('round-trips fen from the API back into editable yuan', () => {
    const tiers = [
      { minQuantity: 1, unitPriceFen: 36000 },
      { minQuantity: 20, unitPriceFen: 32005 },
      { minQuantity: 50, unitPriceFen: 7 },
    ];
    const rows = tiersToRows(tiers);
    expect(rows.map((r) => r.priceYuan)).toEqual(['360.00', '320.05', '0.07']);
    expect(rowsToTiers(rows, 1)).toStrictEqual({ ok: true, tiers });
  });
});

describe('PriceTierEditor', () => {
  function mountEditor(initial: TierRow[]) {
    const rows = ref<TierRow[]>(initial);
    const Host = defineComponent({
      setup: () => () =>
        h(PriceTierEditor, {
          modelValue: rows.value,
          unitName: '千克',
          'onUpdate:modelValue': (value: TierRow[]) => {
            rows.value = value;
          },
        }),
    });
    return { wrapper: mount(Host, { global: { plugins: [i18nPlugin()] } }), rows };
  }

  it('edits, adds and removes rows', async () => {
    const { wrapper, rows } = mountEditor([{ minQuantity: '1', priceYuan: '' }]);
    await wrapper.get('[data-testid="tier-0-price"]').setValue('36');
    await wrapper.get('[data-testid="tier-add"]').trigger('click');
    expect(rows.value).toEqual([
      { minQuantity: '1', priceYuan: '36' },
      { minQuantity: '10', priceYuan: '' },
    ]);
    await wrapper.get('[data-testid="tier-1-price"]').setValue('30.5');
    expect(rowsToTiers(rows.value, 1)).toMatchObject({ ok: true, tiers: [{ unitPriceFen: 3600 }, { minQuantity: 10, unitPriceFen: 3050 }] });
    await wrapper.get('[data-testid="tier-0-remove"]').trigger('click');
    expect(rows.value).toEqual([{ minQuantity: '10', priceYuan: '30.5' }]);
    expect(wrapper.get('[data-testid="tier-0-remove"]').attributes('disabled')).toBeDefined();
  });

  it('flags an amount that cannot be money', async () => {
    const { wrapper } = mountEditor([{ minQuantity: '1', priceYuan: '' }]);
    await wrapper.get('[data-testid="tier-0-price"]').setValue('12.345');
    expect(wrapper.text()).toContain('请输入正确的金额');
  });
});
