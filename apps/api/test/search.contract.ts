import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './harness';
import { createOrganisation, makeAdmin, signUp, verify, type Session } from './fixtures';
import { eventually } from './waiting';

/**
 * What every search engine must answer, with the same assertions: relevance of a fixed set of
 * queries (pinyin, initials, a mistyped character, synonyms, sellers, places, certifications),
 * filters, facet counts, sorting, pagination, and removal when a listing stops being public.
 * The listings are made through the API, so they reach the engine the way real ones do: by events.
 */

const SEARCH = `query($q: String, $filters: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
  search(q: $q, filters: $filters, sort: $sort, first: $first, after: $after) {
    totalCount approximate query
    pageInfo { hasNextPage endCursor }
    nodes { listing { id title pricePerKgFen publishedAt isPovertyProduct certifications seller { name } originCounty { code } } titleSegments { text match } }
    facets {
      channels { value labelZh count selected }
      categories { value labelZh count selected }
      prefectures { value labelZh labelEn count selected }
      counties { value labelZh labelEn count selected }
      certifications { value labelZh count selected }
      priceRanges { minFen maxFen count }
      poverty inStock
    }
  }
}`;

interface Hit {
  listing: { id: string; title: string; pricePerKgFen: number | null; publishedAt: string; isPovertyProduct: boolean; certifications: string[]; seller: { name: string }; originCounty: { code: string } };
  titleSegments: { text: string; match: boolean }[];
}
interface FacetValue {
  value: string;
  labelZh: string;
  labelEn?: string;
  count: number;
  selected: boolean;
}
interface Result {
  totalCount: number;
  approximate: boolean;
  query: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Hit[];
  facets: {
    channels: FacetValue[];
    categories: FacetValue[];
    prefectures: FacetValue[];
    counties: FacetValue[];
    certifications: FacetValue[];
    priceRanges: { minFen: number; maxFen: number | null; count: number }[];
    poverty: number;
    inStock: number;
  };
}

interface Fixture {
  key: string;
  org: 'tea' | 'orange' | 'hog' | 'oil' | 'rice';
  channel: string;
  category: string;
  title: string;
  attributes: Record<string, unknown>;
  county: string;
  unit: string;
  priceFen: number;
  stock: number;
  certifications: string[];
  description?: string;
}

/** The market the assertions are about. Poverty counties: 安化 430923, 麻阳 431226, 古丈 433126, 邵阳县 430523; not: 宁乡 430182, 长沙县 430121. */
const LISTINGS: Fixture[] = [
  { key: 'qianliang', org: 'tea', channel: 'tea', category: 'qianliang', title: '安化黑茶 千两茶 2019 年', attributes: { teaType: 'dark', productionYear: 2019 }, county: '430923', unit: 'KG', priceFen: 36_000, stock: 80, certifications: ['GEO_INDICATION'] },
  { key: 'fuzhuan', org: 'tea', channel: 'tea', category: 'fuzhuan', title: '金花茯砖 手筑 1 公斤', attributes: { teaType: 'dark', productionYear: 2023 }, county: '430923', unit: 'KG', priceFen: 16_000, stock: 0, certifications: ['ORGANIC'] },
  { key: 'maojian', org: 'tea', channel: 'tea', category: 'maojian', title: '古丈毛尖 明前 特级', attributes: { teaType: 'green', productionYear: 2026, harvestSeason: 'mingqian', grade: 'single-bud' }, county: '433126', unit: 'JIN', priceFen: 30_000, stock: 40, certifications: ['GEO_INDICATION', 'ORGANIC'] },
  { key: 'orange', org: 'orange', channel: 'fruit', category: 'bingtang-orange', title: '麻阳冰糖橙 果园直发 70-75 mm', attributes: { variety: '冰糖橙', sizeGrade: '70-75' }, county: '431226', unit: 'KG', priceFen: 680, stock: 5_000, certifications: ['GREEN_FOOD'] },
  { key: 'kiwi', org: 'orange', channel: 'fruit', category: 'kiwifruit', title: '湘西红心猕猴桃 单果 80 克以上', attributes: { variety: '红阳' }, county: '433126', unit: 'KG', priceFen: 1_200, stock: 900, certifications: [] },
  { key: 'huazhu', org: 'hog', channel: 'hog', category: 'live-hog', title: '宁乡花猪 出栏 110 公斤左右', attributes: { breed: '宁乡花猪', liveWeightBand: '90-110' }, county: '430182', unit: 'HEAD', priceFen: 320_000, stock: 60, certifications: [] },
  { key: 'duroc', org: 'hog', channel: 'hog', category: 'live-hog', title: '杜洛克 三元杂交 育肥猪', attributes: { breed: '杜洛克', liveWeightBand: 'gt130' }, county: '430121', unit: 'HEAD', priceFen: 280_000, stock: 200, certifications: [] },
  { key: 'camellia', org: 'oil', channel: 'oil', category: 'cold-pressed-camellia', title: '邵阳 山茶油 冷榨 5 升装', attributes: { oilType: 'camellia', pressingMethod: 'cold' }, county: '430523', unit: 'KG', priceFen: 9_800, stock: 300, certifications: ['GREEN_FOOD'] },
  { key: 'rapeseed', org: 'oil', channel: 'oil', category: 'rapeseed-oil', title: '压榨菜籽油 农家 一级', attributes: { oilType: 'rapeseed', pressingMethod: 'hot' }, county: '430523', unit: 'KG', priceFen: 2_400, stock: 500, certifications: [] },
  { key: 'rice', org: 'rice', channel: 'rice', category: 'selenium-rice', title: '富硒米 黄华占 新米', attributes: { variety: '黄华占', form: 'milled', harvestYear: 2026 }, county: '430121', unit: 'KG', priceFen: 760, stock: 10_000, certifications: ['SELENIUM_RICH'] },
];

const ORGS = {
  tea: { name: '云台山茶业专业合作社', county: '430923' },
  orange: { name: '锦江果品合作社', county: '431226' },
  hog: { name: '沩山生态养殖场', county: '430182' },
  oil: { name: '邵阳县油茶种植合作社', county: '430523' },
  rice: { name: '星沙粮油合作社', county: '430121' },
} as const;


export function describeSearchContract(engine: string, start: () => Promise<TestApp>): void {
  describe(`search contract (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    const seller: Record<string, Session> = {};
    const orgId: Record<string, string> = {};
    const id: Record<string, string> = {};

    async function search(q: string | null, variables: Record<string, unknown> = {}): Promise<Result> {
      const { data, errors } = await t.gql<{ search: Result }>(SEARCH, { q, ...variables });
      if (errors) throw new Error(JSON.stringify(errors));
      return data!.search;
    }
    const keys = (r: Result) => r.nodes.map((n) => Object.keys(id).find((k) => id[k] === n.listing.id) ?? n.listing.id);

    beforeAll(async () => {
      t = await start();
      admin = await makeAdmin(t);
      for (const [org, { name, county }] of Object.entries(ORGS)) {
        seller[org] = await signUp(t);
        orgId[org] = await createOrganisation(t, seller[org]!, { name, countyCode: county });
        await verify(t, admin, orgId[org]!);
      }
      const categories = await t.sql<{ id: number; slug: string; channel_code: string }>('select id, slug, channel_code from category');
      for (const f of LISTINGS) {
        const category = categories.find((c) => c.slug === f.category && c.channel_code === f.channel)!;
        const { data, errors } = await t.gql(
          `mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`,
          {
            input: {
              organisationId: orgId[f.org],
              channelCode: f.channel,
              categoryId: String(category.id),
              title: f.title,
              description: f.description ?? '产地直供，品质保证。',
              attributes: f.attributes,
              originCountyCode: f.county,
              unit: f.unit,
              priceTiers: [{ minQuantity: 1, unitPriceFen: f.priceFen }],
              minOrderQuantity: 1,
              stock: f.stock,
              certifications: f.certifications,
              publish: true,
            },
          },
          seller[f.org]!.token,
        );
        if (errors) throw new Error(`${f.key}: ${JSON.stringify(errors)}`);
        id[f.key] = data!.createListing.id;
      }
      // a draft is never found
      const draft = await t.gql(
        `mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`,
        {
          input: {
            organisationId: orgId.tea, channelCode: 'tea', categoryId: String(categories.find((c) => c.slug === 'tianjian')!.id),
            title: '安化黑茶 天尖 草稿', attributes: { teaType: 'dark', productionYear: 2024 }, originCountyCode: '430923', unit: 'KG',
            priceTiers: [{ minQuantity: 1, unitPriceFen: 20_000 }], minOrderQuantity: 1, stock: 10, certifications: [], publish: false,
          },
        },
        seller.tea!.token,
      );
      if (draft.errors) throw new Error(JSON.stringify(draft.errors));
      id.draft = draft.data!.createListing.id;
      await eventually(() => search(null), (r) => r.totalCount === LISTINGS.length);
    }, 120_000);
    afterAll(() => t?.close());

    it('browses every public listing with an empty query, newest first, and never a draft', async () => {
      const all = await search(null, { first: 50 });
      expect(all.totalCount).toBe(LISTINGS.length);
      expect(new Set(keys(all))).toEqual(new Set(LISTINGS.map((l) => l.key)));
      const times = all.nodes.map((n) => Date.parse(n.listing.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect((await search('天尖 草稿')).nodes.map((n) => n.listing.id)).not.toContain(id.draft);
    });

    it.each([
      ['安化黑茶', 'qianliang'],
      ['anhua heicha', 'qianliang'],
      ['anhuaheicha', 'qianliang'],
      ['ahhc', 'qianliang'],
      ['冰糖橙', 'orange'],
      ['bingtangcheng', 'orange'],
      ['冰糖澄', 'orange'],
      ['古丈毛尖', 'maojian'],
      ['gzmj', 'maojian'],
      ['猕猴桃', 'kiwi'],
      ['奇异果', 'kiwi'],
      ['富硒米', 'rice'],
    ])('ranks the listing a buyer means first for %s', async (q, expected) => {
      const r = await search(q);
      expect(keys(r)[0]).toBe(expected);
    });

    it('finds by partial word and by a word missing a character', async () => {
      expect(keys(await search('千两'))).toContain('qianliang');
      expect(keys(await search('猕猴'))).toContain('kiwi');
      expect(keys(await search('冰橙'))).toContain('orange');
    });

    it('still answers a query with a wrong character that matches nothing in full, marked approximate', async () => {
      const r = await search('冰糖柠');
      expect(r.approximate).toBe(true);
      expect(keys(r)[0]).toBe('orange');
      expect((await search('冰糖橙')).approximate).toBe(false);
    });

    it('handles the synonyms people use: 土猪 and 黑猪肉 for local breeds, 茶油 words for camellia oil', async () => {
      for (const q of ['土猪', '黑猪肉', '农家猪']) {
        const found = keys(await search(q));
        expect(found, q).toContain('huazhu');
        expect(found, q).not.toContain('duroc');
      }
      for (const q of ['茶油', '油茶籽油', '茶籽油']) expect(keys(await search(q))[0], q).toBe('camellia');
      expect(keys(await search('黑毛茶'))).toContain('qianliang');
    });

    it('searches category, attributes, seller name, origin county and certification, not only titles', async () => {
      expect(new Set(keys(await search('云台山')))).toEqual(new Set(['qianliang', 'fuzhuan', 'maojian']));
      expect(keys(await search('yuntaishan')).sort()).toEqual(['fuzhuan', 'maojian', 'qianliang']);
      expect(keys(await search('黑茶')).sort()).toEqual(['fuzhuan', 'qianliang']);
      expect(keys(await search('有机')).sort()).toEqual(['fuzhuan', 'maojian']);
      expect(keys(await search('麻阳'))).toContain('orange');
      expect(keys(await search('红阳'))).toEqual(['kiwi']);
      expect(keys(await search('明前'))).toEqual(['maojian']);
      expect(keys(await search('扶贫产品')).sort()).toEqual(['camellia', 'fuzhuan', 'kiwi', 'maojian', 'orange', 'qianliang', 'rapeseed']);
    });

    it('finds by the English names of categories, channels and certifications', async () => {
      expect(keys(await search('dark tea')).sort()).toEqual(['fuzhuan', 'qianliang']);
      expect(keys(await search('camellia oil'))).toContain('camellia');
      expect(keys(await search('camellia oil'))).not.toContain('qianliang');
      expect(keys(await search('Kiwifruit'))).toEqual(['kiwi']);
      expect(keys(await search('organic')).sort()).toEqual(['fuzhuan', 'maojian']);
    });

    it('does not find what is not there', async () => {
      expect((await search('黑茶')).nodes.map((n) => n.listing.title)).not.toContain('麻阳冰糖橙 果园直发 70-75 mm');
      expect((await search('榴莲')).totalCount).toBe(0);
      expect((await search('zzzzqqq')).totalCount).toBe(0);
    });

    it('marks the matched words of each title', async () => {
      const r = await search('黑茶');
      const hit = r.nodes.find((n) => n.listing.id === id.qianliang)!;
      expect(hit.titleSegments.map((s) => s.text).join('')).toBe(hit.listing.title);
      expect(hit.titleSegments.filter((s) => s.match).map((s) => s.text)).toEqual(['黑茶']);
    });

    it('filters by channel, category, county, prefecture, poverty, certification, price and stock, and they combine', async () => {
      expect(keys(await search(null, { filters: { channel: 'tea' } })).sort()).toEqual(['fuzhuan', 'maojian', 'qianliang']);
      const darkTea = await t.sql<{ id: number }>(`select id from category where channel_code = 'tea' and slug = 'dark-tea'`);
      expect(keys(await search(null, { filters: { categoryId: String(darkTea[0]!.id) } })).sort()).toEqual(['fuzhuan', 'qianliang']);
      expect(keys(await search(null, { filters: { countyCodes: ['430923'] } })).sort()).toEqual(['fuzhuan', 'qianliang']);
      expect(keys(await search(null, { filters: { countyCodes: ['430923', '433126'] } })).sort()).toEqual(['fuzhuan', 'kiwi', 'maojian', 'qianliang']);
      expect(keys(await search(null, { filters: { prefectureCode: '430100' } })).sort()).toEqual(['duroc', 'huazhu', 'rice']);
      expect(keys(await search(null, { filters: { povertyOnly: true } }))).toHaveLength(7);
      expect(keys(await search(null, { filters: { certifications: ['ORGANIC', 'SELENIUM_RICH'] } })).sort()).toEqual(['fuzhuan', 'maojian', 'rice']);
      expect(keys(await search(null, { filters: { minPricePerKgFen: 1_000, maxPricePerKgFen: 10_000 } })).sort()).toEqual(['camellia', 'kiwi', 'rapeseed']);
      expect(keys(await search(null, { filters: { inStockOnly: true, channel: 'tea' } })).sort()).toEqual(['maojian', 'qianliang']);
      expect(keys(await search('黑茶', { filters: { countyCodes: ['430923'], certifications: ['GEO_INDICATION'] } }))).toEqual(['qianliang']);
    });

    it('counts each facet with every other filter applied, and keeps a chosen value listed', async () => {
      const r = await search(null, { filters: { channel: 'tea', countyCodes: ['430923'] } });
      expect(r.totalCount).toBe(2);
      // channels counted without the channel filter, but with the county one: only tea is in 安化
      expect(r.facets.channels.map((f) => [f.value, f.count, f.selected])).toEqual([['tea', 2, true]]);
      // counties counted without the county filter, with the channel one
      expect(Object.fromEntries(r.facets.counties.map((f) => [f.value, f.count]))).toEqual({ '430923': 2, '433126': 1 });
      expect(r.facets.counties.find((f) => f.value === '430923')).toMatchObject({ labelZh: '安化县', labelEn: 'Anhua', selected: true });
      expect(Object.fromEntries(r.facets.certifications.map((f) => [f.value, f.count]))).toEqual({ GEO_INDICATION: 1, ORGANIC: 1 });
      expect(r.facets.inStock).toBe(1);
      expect(r.facets.poverty).toBe(2);
      // prefectures counted without any place filter
      expect(r.facets.prefectures.map((f) => [f.value, f.labelZh, f.count])).toEqual([['430900', '益阳市', 2], ['433100', '湘西土家族苗族自治州', 1]]);
      const all = await search(null);
      expect(Object.fromEntries(all.facets.channels.map((f) => [f.value, f.count]))).toEqual({ tea: 3, fruit: 2, hog: 2, oil: 2, rice: 1 });
      expect(all.facets.priceRanges.reduce((n, p) => n + p.count, 0)).toBe(8); // the hogs are sold by the head
      expect(all.facets.priceRanges.find((p) => p.minFen === 20_000)!.count).toBe(1); // 千两茶 at 360 元/kg
      // a chosen value nothing matches any more is still listed, with 0
      const none = await search('榴莲', { filters: { channel: 'tea' } });
      expect(none.facets.channels).toEqual([{ value: 'tea', labelZh: '茶网', count: 0, selected: true }]);
    });

    it('sorts by price per kg both ways and by newest', async () => {
      const asc = await search(null, { sort: 'PRICE_ASC', first: 50 });
      const prices = asc.nodes.map((n) => n.listing.pricePerKgFen);
      expect(prices.slice(0, 8)).toEqual([...prices.slice(0, 8)].sort((a, b) => a! - b!));
      expect(prices.slice(8)).toEqual([null, null]); // sold by the head: last either way
      const desc = await search(null, { sort: 'PRICE_DESC', first: 50 });
      expect(keys(desc).slice(0, 2)).toEqual(['maojian', 'qianliang']); // 600 and 360 元/kg
      expect(desc.nodes.slice(-2).map((n) => n.listing.pricePerKgFen)).toEqual([null, null]);
      const newest = await search('茶', { sort: 'NEWEST' });
      const times = newest.nodes.map((n) => Date.parse(n.listing.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('pages through every result once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Result = await search(null, { first: 3, after });
        seen.push(...page.nodes.map((n) => n.listing.id));
        expect(page.totalCount).toBe(LISTINGS.length);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(LISTINGS.length);
    });

    it('refuses unknown filter values and bad pages with typed errors', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ filters: { channel: 'durian' } }, 'search/filter-unknown'],
        [{ filters: { countyCodes: ['999999'] } }, 'search/filter-unknown'],
        [{ filters: { prefectureCode: '439900' } }, 'search/filter-unknown'],
        [{ filters: { certifications: ['HALAL'] } }, 'search/filter-unknown'],
        [{ filters: { categoryId: '99999' } }, 'search/filter-unknown'],
        [{ filters: { categoryId: 'x; drop table listing' } }, 'search/filter-unknown'],
        [{ filters: { minPricePerKgFen: 5_000, maxPricePerKgFen: 100 } }, 'search/price-range-invalid'],
        [{ filters: { minPricePerKgFen: -1 } }, 'search/price-range-invalid'],
        [{ filters: { countyCodes: Array.from({ length: 21 }, (_, i) => String(430100 + i)) } }, 'search/filter-too-many'],
        [{ first: 51 }, 'search/page-size'],
        [{ first: 0 }, 'search/page-size'],
        [{ after: 'garbage' }, 'input/invalid-cursor'],
      ];
      for (const [variables, code] of cases) {
        const { data, errors } = await t.gql(SEARCH, { q: '茶', ...variables });
        expect(errors?.[0]?.extensions.code, JSON.stringify(variables)).toBe(code);
        expect(errors?.[0]?.extensions.messageZh).toBeTruthy();
        expect(data).toBeNull();
      }
      // a category of another channel does not combine with a channel
      const green = await t.sql<{ id: number }>(`select id from category where channel_code = 'tea' and slug = 'green-tea'`);
      const { errors } = await t.gql(SEARCH, { filters: { channel: 'fruit', categoryId: String(green[0]!.id) } });
      expect(errors?.[0]?.extensions.code).toBe('search/filter-unknown');
    });

    it('treats query syntax as text and cuts long queries', async () => {
      for (const q of [`黑茶' | !x & y:* <-> z\\`, '黑茶 OR 1=1; --', '"黑茶"', '(黑茶', '黑茶 AND NOT 茶', 'channel = tea']) {
        const r = await search(q);
        expect(Array.isArray(r.nodes), q).toBe(true);
      }
      expect(keys(await search(`黑茶' | !x`))).toContain('qianliang');
      const long = await search(`安化黑茶${'茶'.repeat(300)}`);
      expect([...long.query].length).toBeLessThanOrEqual(100);
      expect((await search('   ')).totalCount).toBe(LISTINGS.length);
    });

    it('offers suggestions as the buyer types, in Chinese, pinyin or initials', async () => {
      const suggest = async (q: string) => {
        const { data, errors } = await t.gql<{ searchSuggestions: { text: string; count: number }[] }>(`query($q: String!) { searchSuggestions(q: $q) { text count } }`, { q });
        if (errors) throw new Error(JSON.stringify(errors));
        return data!.searchSuggestions.map((s) => s.text);
      };
      const words = (q: string) => eventually(() => suggest(q), (found) => found.length > 0);
      expect(await words('安化')).toContain('安化黑茶');
      expect(await words('anhua')).toContain('安化黑茶');
      expect(await words('ahhc')).toContain('安化黑茶');
      expect(await words('冰糖')).toContain('冰糖橙');
      expect(await words('bingtangcheng')).toContain('冰糖橙');
      expect(await words('云台')).toContain('云台山茶业专业合作社');
      expect(await words('mihuotao')).toContain('猕猴桃'); // a typo in the pinyin
      expect(await suggest('')).toEqual([]);
      expect(await suggest('%')).toEqual([]);
    });

    it('follows changes: a renamed seller, a new listing, a paused one, a suspended seller', async () => {
      // rename
      const renamed = await t.gql(
        `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }`,
        { id: orgId.rice, input: { name: '浏阳河粮油合作社' } },
        seller.rice!.token,
      );
      expect(renamed.errors).toBeUndefined();
      expect(keys(await eventually(() => search('浏阳河'), (r) => r.totalCount === 1))).toEqual(['rice']);
      const old = await search('星沙粮油');
      expect(old.approximate || old.totalCount === 0).toBe(true);

      // pause: gone within seconds; publish again: back
      const setStatus = (listingId: string, status: string) =>
        t.gql(`mutation($id: ID!, $status: ListingStatus!) { setListingStatus(id: $id, status: $status) { id } }`, { id: listingId, status }, seller.orange!.token);
      expect((await setStatus(id.orange!, 'PAUSED')).errors).toBeUndefined();
      expect((await eventually(() => search('冰糖橙'), (r) => !keys(r).includes('orange'))).nodes.map((n) => n.listing.id)).not.toContain(id.orange);
      expect((await setStatus(id.orange!, 'ACTIVE')).errors).toBeUndefined();
      expect(keys(await eventually(() => search('冰糖橙'), (r) => keys(r).includes('orange')))[0]).toBe('orange');

      // a changed title is found by its new words only
      const edited = await t.gql(
        `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`,
        { id: id.kiwi, input: { title: '永顺猕猴桃 米良一号' } },
        seller.orange!.token,
      );
      expect(edited.errors).toBeUndefined();
      expect(keys(await eventually(() => search('米良'), (r) => !r.approximate && r.totalCount > 0))).toEqual(['kiwi']);
      const oldWords = await search('红心猕猴桃');
      expect(oldWords.approximate).toBe(true); // the old title's words no longer match in full

      // suspended seller: every listing gone
      const suspended = await t.gql(
        `mutation($id: ID!, $reason: String!) { suspendOrganisation(organisationId: $id, reason: $reason) { id } }`,
        { id: orgId.hog, reason: '检疫证明过期' },
        admin.token,
      );
      expect(suspended.errors).toBeUndefined();
      const after = await eventually(() => search(null, { filters: { channel: 'hog' } }), (r) => r.totalCount === 0);
      expect(after.totalCount).toBe(0);
      expect((await search('宁乡花猪')).nodes).toEqual([]);
    });
  });
}
