import { describe, expect, it } from 'vitest';
import type { LocationQuery, RouteLocationNormalized } from 'vue-router';
import { channelSearch, EMPTY_FILTERS, filtersFromQuery, legacyChannelSearch, queryFromFilters, sameFilters, type ChannelFilters } from '../src/lib/channelFilters';

describe('channel filters in the address', () => {
  it('reads category and 扶贫产品', () => {
    expect(filtersFromQuery({ category: 'dark-tea', poverty: '1' })).toEqual({ category: 'dark-tea', povertyOnly: true });
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
    expect(filtersFromQuery({ category: '  ' })).toEqual(EMPTY_FILTERS);
  });

  it('leaves defaults out so the plain address stays /c/<code>', () => {
    expect(queryFromFilters(EMPTY_FILTERS)).toEqual({});
    expect(queryFromFilters({ category: 'dark-tea', povertyOnly: true })).toEqual({ category: 'dark-tea', poverty: '1' });
  });

  it('keeps keys that are not filters and drops filters that were switched off', () => {
    const current: LocationQuery = { utm_source: 'wechat', category: 'rice', poverty: '1' };
    expect(queryFromFilters(EMPTY_FILTERS, current)).toEqual({ utm_source: 'wechat' });
  });

  it.each<ChannelFilters>([EMPTY_FILTERS, { category: 'dark-tea', povertyOnly: false }, { category: null, povertyOnly: true }])('round-trips %o', (filters) => {
    const query = queryFromFilters(filters) as LocationQuery;
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it('compares filters the way the API sees them', () => {
    expect(sameFilters({ ...EMPTY_FILTERS }, EMPTY_FILTERS)).toBe(true);
    expect(sameFilters({ ...EMPTY_FILTERS, povertyOnly: true }, EMPTY_FILTERS)).toBe(false);
  });
});

describe('words typed on a channel page', () => {
  it('search within the channel, its chosen category and 扶贫产品', () => {
    expect(channelSearch('tea', { category: 'dark-tea', povertyOnly: true }, ' 安化 ')).toEqual({
      path: '/search',
      query: { q: '安化', channel: 'tea', category: 'dark-tea', poverty: '1' },
    });
    expect(channelSearch('fruit', EMPTY_FILTERS, '')).toEqual({ path: '/search', query: { channel: 'fruit' } });
  });

  it('turn an old shared channel link with ?q= into that search, replacing it in the history', () => {
    const to = (query: LocationQuery) => ({ params: { code: 'tea' }, query }) as unknown as RouteLocationNormalized;
    expect(legacyChannelSearch(to({ q: '安化', category: 'dark-tea' }))).toEqual({
      path: '/search',
      query: { q: '安化', channel: 'tea', category: 'dark-tea' },
      replace: true,
    });
    expect(legacyChannelSearch(to({ category: 'dark-tea' }))).toBe(true);
    expect(legacyChannelSearch(to({ q: '  ' }))).toBe(true);
  });
});
