import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ListingCard from '../src/components/ListingCard.vue';
import type { ListingCardFragment as Listing, UnitFieldsFragment as Unit } from '../src/graphql/generated/graphql';
import { i18nPlugin } from './helpers';

const KG: Unit = { code: 'KG', nameZh: '千克', nameEn: 'kg', isMass: true };
const JIN: Unit = { code: 'JIN', nameZh: '斤', nameEn: 'jin (0.5 kg)', isMass: true };
const BOX: Unit = { code: 'BOX', nameZh: '箱', nameEn: 'box', isMass: false };

function listing(unitInfo: Unit, basePriceFen: number, pricePerKgFen: number | null, extra: Partial<Listing> = {}): Listing {
  return {
    id: 'l1',
    title: '古丈毛尖 明前',
    unitInfo,
    basePriceFen,
    pricePerKgFen,
    isDemo: false,
    isPovertyProduct: false,
    seller: { id: 'o1', name: '古丈县毛尖茶叶家庭农场' },
    channel: { code: 'tea', nameZh: '茶网', nameEn: 'Tea' },
    originCounty: { name: '古丈县', prefectureName: '湘西土家族苗族自治州' },
    images: [],
    ...extra,
  };
}

function render(value: Listing) {
  const RouterLink = { props: ['to'], template: '<a :href="to"><slot /></a>' };
  return mount(ListingCard, { props: { listing: value }, global: { plugins: [i18nPlugin()], stubs: { RouterLink } } });
}

describe('ListingCard', () => {
  it('shows the price per unit and, for mass units other than kg, per kilogram', () => {
    const wrapper = render(listing(JIN, 48000, 96000));
    expect(wrapper.get('[data-testid="listing-card-price"]').text()).toBe('¥480.00 / 斤');
    expect(wrapper.text()).toContain('折合 ¥960.00 / 千克');
  });

  it('does not repeat the price per kg when the unit already is the kilogram, nor for count units', () => {
    expect(render(listing(KG, 36000, 36000)).text()).not.toContain('折合');
    expect(render(listing(BOX, 16800, null)).text()).not.toContain('折合');
  });

  it('marks poverty-relief and sample listings, and falls back to a placeholder without images', () => {
    const wrapper = render(listing(KG, 36000, 36000, { isPovertyProduct: true, isDemo: true }));
    expect(wrapper.get('[data-testid="badge-poverty"]').text()).toBe('扶贫产品');
    expect(wrapper.get('[data-testid="badge-demo"]').text()).toBe('示例');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('古丈县毛尖茶叶家庭农场');
    expect(wrapper.text()).toContain('湘西土家族苗族自治州古丈县');
  });

  it('links the title to the listing and the seller name to the seller page', () => {
    const wrapper = render(listing(KG, 36000, 36000));
    expect(wrapper.get('[data-testid="listing-card-title"]').attributes('href')).toBe('/l/l1');
    const seller = wrapper.get('[data-testid="listing-card-seller"]');
    expect(seller.attributes('href')).toBe('/s/o1');
    expect(seller.text()).toBe('古丈县毛尖茶叶家庭农场');
    // no link inside another: the card itself is not a link
    expect(wrapper.findAll('a a')).toHaveLength(0);
  });
});
