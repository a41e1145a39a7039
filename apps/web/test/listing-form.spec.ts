import type { AttributeSchema } from '@xiangnong/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/graphql/client';
import { checkListingForm, listingErrorField, type ListingFormValues } from '../src/lib/listingForm';

const schema: AttributeSchema = {
  attributes: [{ key: 'brix', labelZh: '糖度', labelEn: 'Sugar content', type: 'decimal', min: 0, max: 40, unitLabel: '°Brix' }],
};

const valid: ListingFormValues = {
  categoryId: '12',
  schema,
  attributes: { brix: 14.5 },
  title: ' 麻阳冰糖橙 产地直发 ',
  description: '',
  originCountyCode: '431226',
  tierRows: [
    { minQuantity: '100', priceYuan: '3.80' },
    { minQuantity: '1000', priceYuan: '3.40' },
  ],
  minOrderQuantity: '100',
  stock: '50000',
};

const check = (patch: Partial<ListingFormValues>) => checkListingForm({ ...valid, ...patch });

describe('the listing editor’s checks', () => {
  it('passes a valid form and gives the values to send', () => {
    const result = check({});
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      title: '麻阳冰糖橙 产地直发',
      description: '',
      tiers: [
        { minQuantity: 100, unitPriceFen: 380 },
        { minQuantity: 1000, unitPriceFen: 340 },
      ],
      minOrderQuantity: 100,
      stock: 50000,
    });
  });

  it('says a minimum order of 0 must be a whole number of at least 1, not that the first tier is above it', () => {
    const result = check({ minOrderQuantity: '0', tierRows: [{ minQuantity: '1', priceYuan: '3.80' }] });
    expect(result.errors).toEqual({ minOrder: { key: 'editor.quantityProblems.minimumInvalid' } });
    expect(result.values).toBeNull();
    expect(check({ minOrderQuantity: '1.5' }).errors.minOrder).toEqual({ key: 'editor.quantityProblems.minimumInvalid' });
    expect(check({ minOrderQuantity: '' }).errors.minOrder).toEqual({ key: 'editor.quantityProblems.minimumInvalid' });
  });

  it('refuses stock that is there but below the minimum order; 0 is sold out', () => {
    expect(check({ stock: '50' }).errors).toEqual({ stock: { key: 'editor.quantityProblems.stockBelowMinimum' } });
    expect(check({ stock: '0' }).errors).toEqual({});
    expect(check({ stock: '-1' }).errors).toEqual({ stock: { key: 'editor.quantityProblems.stockInvalid' } });
  });

  it('puts price-tier problems on the tiers, with the row they are in', () => {
    expect(check({ tierRows: [{ minQuantity: '200', priceYuan: '3' }] })).toMatchObject({
      errors: { tiers: { key: 'editor.tierProblems.firstTierAboveMinimum' } },
      tierMark: { row: 0, part: 'quantity' },
    });
    expect(check({ tierRows: [valid.tierRows[0]!, { minQuantity: '1000', priceYuan: '3.999' }] })).toMatchObject({
      errors: { tiers: { key: 'editor.tierRowPrice', params: { n: 2 } } },
      tierMark: { row: 1, part: 'price' },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ minQuantity: String(100 + i), priceYuan: '3' }));
    expect(check({ tierRows: eleven }).errors.tiers).toEqual({ key: 'editor.tierProblems.tooMany', params: { max: 10 } });
  });

  it('checks the title and description the way the API counts them', () => {
    expect(check({ title: '' }).errors.title).toEqual({ key: 'editor.required' });
    expect(check({ title: '冰糖橙' }).errors.title).toEqual({ key: 'editor.titleLength', params: { min: 4, max: 60 } });
    // 60 characters, 30 of them emoji taking two UTF-16 units each: allowed
    expect(check({ title: '🍊'.repeat(30) + '橙'.repeat(30) }).errors.title).toBeUndefined();
    expect(check({ title: '🍊'.repeat(61) }).errors.title).toEqual({ key: 'editor.titleLength', params: { min: 4, max: 60 } });
    expect(check({ title: '冰糖橙\n产地直发' }).errors.title).toEqual({ key: 'form.lineBreak' });
    expect(check({ description: '甜'.repeat(5001) }).errors.description).toEqual({ key: 'editor.descriptionLength', params: { min: 0, max: 5000 } });
  });

  it('requires a category, an origin county and valid attributes', () => {
    expect(Object.keys(check({ categoryId: '', originCountyCode: '', attributes: { brix: 50 } }).errors)).toEqual(['category', 'attributes', 'origin']);
  });

  it('places API refusals on their field', () => {
    const refusal = (code: string, details?: unknown) => new ApiError({ code, messageZh: 'zh', messageEn: 'en', details });
    expect(listingErrorField(refusal('catalog/quantity-invalid'), '最小起订量须为 1 以上的整数')).toEqual({ field: 'minOrder', message: { text: '最小起订量须为 1 以上的整数' } });
    expect(listingErrorField(refusal('catalog/price-tiers-invalid', { problem: 'priceRises' }), 'x')).toEqual({ field: 'tiers', message: { key: 'editor.tierProblems.priceRises' } });
    expect(listingErrorField(refusal('input/invalid-text', { field: 'listingTitle' }), 't')?.field).toBe('title');
    expect(listingErrorField(refusal('catalog/stock-below-minimum'), 's')?.field).toBe('stock');
    expect(listingErrorField(refusal('auth/forbidden'), 'f')).toBeNull();
    expect(listingErrorField(new Error('x'), 'f')).toBeNull();
  });
});
