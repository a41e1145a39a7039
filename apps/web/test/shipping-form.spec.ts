import { describe, expect, it } from 'vitest';
import type { ShippingRulesFragment } from '../src/graphql/generated/graphql';
import { draftToTemplate, newZone, templateToDraft } from '../src/lib/shippingForm';

/** The demo fruit cooperative's template: 怀化 cheaper than the rest of Hunan, cold chain, free from ¥500. */
const RULES: ShippingRulesFragment = {
  zones: [
    { regions: ['431200'], firstKg: 5, firstFen: 600, additionalKg: 5, additionalFen: 300 },
    { regions: ['430000'], firstKg: 5, firstFen: 1200, additionalKg: 5, additionalFen: 600 },
  ],
  excluded: ['430102'],
  coldChainFenPerKg: 20,
  freeAboveFen: 50_000,
  pieceWeightGrams: 5000,
};

describe('the shipping-template form', () => {
  it('shows fen as yuan and sends back exactly what it was given', () => {
    const draft = templateToDraft(RULES);
    expect(draft.zones[0]).toEqual({ regions: ['431200'], firstKg: '5', firstYuan: '6.00', additionalKg: '5', additionalYuan: '3.00' });
    expect(draft.coldChainYuanPerKg).toBe('0.20');
    expect(draft.freeAboveYuan).toBe('500.00');
    expect(draft.pieceWeightGrams).toBe('5000');
    expect(draftToTemplate(draft)).toEqual({ errors: {}, input: RULES });
  });

  it('turns typed yuan into whole fen, and an empty free-above into never free', () => {
    const draft = { ...templateToDraft(RULES), freeAboveYuan: ' ', coldChainYuanPerKg: '0.5' };
    draft.zones = [{ ...newZone(['430923']), firstYuan: '12.5', additionalYuan: '¥1,000' }];
    expect(draftToTemplate(draft).input).toMatchObject({
      zones: [{ regions: ['430923'], firstKg: 1, firstFen: 1250, additionalKg: 1, additionalFen: 100_000 }],
      coldChainFenPerKg: 50,
      freeAboveFen: null,
    });
  });

  it('puts each problem beside its field, within the API’s bounds', () => {
    const draft = { ...templateToDraft(RULES), coldChainYuanPerKg: '1000.01', freeAboveYuan: '0', pieceWeightGrams: '1.5' };
    draft.zones = [{ regions: [], firstKg: '0', firstYuan: 'abc', additionalKg: '1001', additionalYuan: '1000000.01' }];
    const { errors, input } = draftToTemplate(draft);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(
      ['coldChain', 'freeAbove', 'pieceWeight', 'zone-0-additionalKg', 'zone-0-additionalYuan', 'zone-0-firstKg', 'zone-0-firstYuan', 'zone-0-regions'].sort(),
    );
    expect(draftToTemplate({ ...templateToDraft(RULES), zones: [] }).errors).toEqual({ zones: { key: 'shipping.zonesRequired' } });
  });
});
