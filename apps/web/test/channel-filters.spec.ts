import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import { EMPTY_FILTERS, filtersFromQuery, queryFromFilters, sameFilters, type ChannelFilters } from '../src/lib/channelFilters';

describe('channel filters in the address', () => {
  it('reads category, 扶贫产品 and search words', () => {
    expect(filtersFromQuery({ category: 'dark-tea', poverty: '1', q: '安化 黑茶' })).toEqual({ category: 'dark-tea', povertyOnly: true, q: '安化 黑茶' });
  });

  it('reads a bare channel address as no filters', () => {
    expect(filtersFromQuery({})).toEqual(EMPTY_FILTERS);
  });

  it('tolerates hand-edited and repeated keys', () => {
    expect(filtersFromQuery({ poverty: 'true' }).povertyOnly).toBe(true);
    expect(filtersFromQuery({ poverty: '0' }).povertyOnly).toBe(false);
    expect(filtersFromQuery({ poverty: null }).povertyOnly).toBe(false);
    expect(filtersFromQuery({ category: ['rice', 'tea'] }).category).toBe('rice');
    expect(filtersFromQuery({ category: [null, 'tea'] }).category).toBe('tea');
    expect(filtersFromQuery({ category: '  ', q: '   ' })).toEqual(EMPTY_FILTERS);
    expect(filtersFromQuery({ q: 'x'.repeat(500) }).q).toHaveLength(100);
  });

  it('leaves defaults out so the plain address stays /c/<code>', () => {
    expect(queryFromFilters(EMPTY_FILTERS)).toEqual({});
    expect(queryFromFilters({ category: null, povertyOnly: false, q: '  ' })).toEqual({});
    expect(queryFromFilters({ category: 'dark-tea', povertyOnly: true, q: ' 天尖 ' })).toEqual({ category: 'dark-tea', poverty: '1', q: '天尖' });
  });

  it('keeps keys that are not filters and drops filters that were switched off', () => {
    const current: LocationQuery = { utm_source: 'wechat', category: 'rice', poverty: '1' };
    expect(queryFromFilters({ category: null, povertyOnly: false, q: '' }, current)).toEqual({ utm_source: 'wechat' });
  });

  it.each<ChannelFilters>([
    EMPTY_FILTERS,
    { category: 'dark-tea', povertyOnly: false, q: '' },
    { category: null, povertyOnly: true, q: '' },
    { category: 'navel-orange', povertyOnly: true, q: '麻阳 冰糖橙 & 100%' },
  ])('round-trips %o', (filters) => {
    const query = queryFromFilters(filters) as LocationQuery;
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it('compares filters the way the API sees them', () => {
    expect(sameFilters({ ...EMPTY_FILTERS, q: '茶 ' }, { ...EMPTY_FILTERS, q: '茶' })).toBe(true);
    expect(sameFilters({ ...EMPTY_FILTERS, povertyOnly: true }, EMPTY_FILTERS)).toBe(false);
  });
});
