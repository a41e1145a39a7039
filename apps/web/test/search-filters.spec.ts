import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import {
  activeFilterCount,
  bucketBounds,
  EMPTY_SEARCH,
  effectiveSort,
  isBucketChosen,
  queryFromSearch,
  sameSearch,
  searchFromQuery,
  searchVariables,
  sortChoice,
  withoutFilters,
  type SearchFilters,
} from '../src/lib/searchFilters';

const EVERYTHING: SearchFilters = {
  q: '安化 黑茶',
  channel: 'tea',
  category: 'dark-tea',
  prefecture: '430900',
  counties: ['430923', '430921'],
  povertyOnly: true,
  certifications: ['GEO_INDICATION', 'ORGANIC'],
  minFen: 1000,
  maxFen: 19999,
  inStockOnly: true,
  sort: 'price-asc',
};

/** What the address bar holds after the router has read a query back: every value a string. */
const asRead = (query: ReturnType<typeof queryFromSearch>) => query as LocationQuery;

describe('search state in the address', () => {
  it('writes every filter, repeating county and cert, prices in yuan', () => {
    expect(queryFromSearch(EVERYTHING)).toEqual({
      q: '安化 黑茶',
      channel: 'tea',
      category: 'dark-tea',
      prefecture: '430900',
      county: ['430923', '430921'],
      poverty: '1',
      cert: ['GEO_INDICATION', 'ORGANIC'],
      min: '10',
      max: '199.99',
      stock: '1',
      sort: 'price-asc',
    });
  });

  it.each<[string, SearchFilters]>([
    ['nothing', EMPTY_SEARCH],
    ['everything', EVERYTHING],
    ['words only', { ...EMPTY_SEARCH, q: '冰糖澄' }],
    ['one county, one certification', { ...EMPTY_SEARCH, counties: ['430923'], certifications: ['GEO_INDICATION'] }],
    ['an open price range', { ...EMPTY_SEARCH, minFen: 50_000, sort: 'newest' }],
    ['a price from zero', { ...EMPTY_SEARCH, minFen: 0, maxFen: 999 }],
    ['words with URL syntax', { ...EMPTY_SEARCH, q: '麻阳 冰糖橙 & 100% ?a=b#c' }],
  ])('round-trips %s', (_name, filters) => {
    expect(searchFromQuery(asRead(queryFromSearch(filters)))).toEqual(filters);
  });

  it('reads one value of a repeated key as a list of one, and a single-valued key from its first value', () => {
    expect(searchFromQuery({ county: '430923', cert: 'ORGANIC' })).toMatchObject({ counties: ['430923'], certifications: ['ORGANIC'] });
    expect(searchFromQuery({ channel: ['tea', 'rice'], q: [null, '茶'] })).toMatchObject({ channel: 'tea', q: '茶' });
  });

  it('leaves defaults out, so a plain search stays /search?q=…', () => {
    expect(queryFromSearch(EMPTY_SEARCH)).toEqual({});
    expect(queryFromSearch({ ...EMPTY_SEARCH, q: '  黑茶  ' })).toEqual({ q: '黑茶' });
  });

  it('keeps keys that are not filters, and drops filters switched off', () => {
    const current: LocationQuery = { utm_source: 'wechat', county: ['430923'], poverty: '1', q: '茶' };
    expect(queryFromSearch({ ...EMPTY_SEARCH, q: '茶' }, current)).toEqual({ utm_source: 'wechat', q: '茶' });
  });

  it('ignores values that cannot be right', () => {
    const read = searchFromQuery({
      channel: 'TEA; drop table',
      category: 'dark tea',
      prefecture: '43',
      county: ['430923', 'abc', '4309231', '430923', null],
      poverty: 'yes',
      cert: ['GEO_INDICATION', 'geo', '<b>'],
      min: 'ten',
      max: '-5',
      stock: '0',
      sort: 'cheapest',
    });
    expect(read).toEqual({ ...EMPTY_SEARCH, counties: ['430923'], certifications: ['GEO_INDICATION'] });
  });

  it('takes a category only within a channel', () => {
    expect(searchFromQuery({ category: 'dark-tea' }).category).toBeNull();
    expect(queryFromSearch({ ...EMPTY_SEARCH, category: 'dark-tea' })).toEqual({});
  });

  it('cuts the words to 100 characters and each repeated filter to the 20 values the API takes', () => {
    expect(searchFromQuery({ q: '茶'.repeat(300) }).q).toHaveLength(100);
    const many = Array.from({ length: 30 }, (_, i) => String(430100 + i));
    expect(searchFromQuery({ county: many }).counties).toEqual(many.slice(0, 20));
  });

  it('reads prices as people type them, and ignores one above what the API allows', () => {
    expect(searchFromQuery({ min: '12.5', max: '1,200' })).toMatchObject({ minFen: 1250, maxFen: 120_000 });
    expect(searchFromQuery({ max: '99999999' }).maxFen).toBeNull();
  });

  it('compares states the way the API sees them', () => {
    expect(sameSearch({ ...EMPTY_SEARCH, q: '茶 ' }, { ...EMPTY_SEARCH, q: '茶' })).toBe(true);
    expect(sameSearch({ ...EMPTY_SEARCH, category: 'dark-tea' }, EMPTY_SEARCH)).toBe(true);
    expect(sameSearch({ ...EMPTY_SEARCH, counties: ['430923'] }, EMPTY_SEARCH)).toBe(false);
  });
});

describe('search state for the page and the API', () => {
  it('counts the filters that are on, each county and certification once', () => {
    expect(activeFilterCount(EMPTY_SEARCH)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_SEARCH, q: '茶', sort: 'newest' })).toBe(0);
    expect(activeFilterCount(EVERYTHING)).toBe(10);
    expect(withoutFilters(EVERYTHING)).toEqual({ ...EMPTY_SEARCH, q: EVERYTHING.q, sort: EVERYTHING.sort });
  });

  it('asks the API with the category id and only the filters that are on', () => {
    expect(searchVariables(EVERYTHING, '25')).toEqual({
      q: '安化 黑茶',
      sort: 'PRICE_ASC',
      filters: {
        channel: 'tea',
        categoryId: '25',
        prefectureCode: '430900',
        countyCodes: ['430923', '430921'],
        povertyOnly: true,
        certifications: ['GEO_INDICATION', 'ORGANIC'],
        minPricePerKgFen: 1000,
        maxPricePerKgFen: 19999,
        inStockOnly: true,
      },
    });
    expect(searchVariables(EMPTY_SEARCH, null)).toEqual({ q: null, sort: null, filters: {} });
  });

  it('shows the sort the API uses by default, and keeps that default out of the address', () => {
    expect(effectiveSort({ ...EMPTY_SEARCH, q: '茶' })).toBe('relevance');
    expect(effectiveSort(EMPTY_SEARCH)).toBe('newest');
    expect(sortChoice({ ...EMPTY_SEARCH, q: '茶' }, 'relevance')).toBeNull();
    expect(sortChoice(EMPTY_SEARCH, 'newest')).toBeNull();
    expect(sortChoice(EMPTY_SEARCH, 'price-desc')).toBe('price-desc');
  });

  it('turns a price bucket into inclusive bounds that give exactly what it counted', () => {
    expect(bucketBounds({ minFen: 1000, maxFen: 2000 })).toEqual({ minFen: 1000, maxFen: 1999 });
    expect(bucketBounds({ minFen: 50_000, maxFen: null })).toEqual({ minFen: 50_000, maxFen: null });
    expect(isBucketChosen({ ...EMPTY_SEARCH, minFen: 1000, maxFen: 1999 }, { minFen: 1000, maxFen: 2000 })).toBe(true);
    expect(isBucketChosen({ ...EMPTY_SEARCH, minFen: 1000, maxFen: 2000 }, { minFen: 1000, maxFen: 2000 })).toBe(false);
  });
});
