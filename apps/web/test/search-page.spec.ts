import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import HighlightedText from '../src/components/HighlightedText.vue';
import { ApiError } from '../src/graphql/client';
import type { SearchFacetFieldsFragment, SearchQuery } from '../src/graphql/generated/graphql';
import type { Locale } from '../src/i18n';
import SearchPage from '../src/pages/SearchPage.vue';
import { i18nPlugin } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

type Hit = SearchQuery['search']['nodes'][number];

function hit(n: number, title = `安化黑茶 ${n} 号`, segments?: Hit['titleSegments']): Hit {
  return {
    listing: {
      id: `l${n}`,
      title,
      isDemo: false,
      isPovertyProduct: n === 1,
      basePriceFen: 18_000,
      pricePerKgFen: 36_000,
      unitInfo: { code: 'JIN', nameZh: '斤', nameEn: 'jin', isMass: true },
      channel: { code: 'tea', nameZh: '茶网', nameEn: 'Tea' },
      seller: { id: 'o1', name: '安化县云台山黑茶专业合作社' },
      originCounty: { name: '安化县', prefectureName: '益阳市' },
      images: [],
      certifications: n === 1 ? ['GEO_INDICATION'] : [],
    },
    titleSegments: segments ?? [
      { text: '安化', match: false },
      { text: '黑茶', match: true },
      { text: ` ${n} 号`, match: false },
    ],
  };
}

const facet = (value: string, labelZh: string, count: number, selected = false) => ({ value, labelZh, labelEn: labelZh, count, selected });

function facets(counties = 3, geo = 1): SearchFacetFieldsFragment {
  return {
    channels: [facet('tea', '茶网', 3)],
    categories: [facet('25', '黑茶', 3), facet('26', '千两茶', 1)],
    prefectures: [facet('430900', '益阳市', 3)],
    counties: [facet('430923', '安化县', counties), facet('433126', '古丈县', 0)],
    certifications: [facet('GEO_INDICATION', '地理标志', geo), facet('ORGANIC', '有机产品', 0)],
    priceRanges: [
      { minFen: 20_000, maxFen: 50_000, count: 3 },
      { minFen: 50_000, maxFen: null, count: 0 },
    ],
    poverty: 3,
    inStock: 2,
  };
}

function answer(nodes: Hit[], extra: Partial<SearchQuery['search']> = {}): SearchQuery {
  return {
    search: {
      nodes,
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: nodes.length,
      approximate: false,
      query: '黑茶',
      facets: facets(),
      ...extra,
    },
  };
}

const requests: { name: string; variables: Record<string, unknown> }[] = [];
const searches = () => requests.filter((r) => r.name === 'Search');
const previews = () => requests.filter((r) => r.name === 'SearchPreview');

/** The API: channels and reference lists, and `search` answered by `onSearch`. */
function serve(onSearch: (variables: Record<string, unknown>) => SearchQuery, onPreview?: (variables: Record<string, unknown>) => unknown) {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = /(?:query|mutation) (\w+)/.exec(document.toString())?.[1] ?? '?';
    requests.push({ name, variables });
    if (name === 'Channels') {
      return {
        channels: [
          {
            code: 'tea',
            nameZh: '茶网',
            nameEn: 'Tea',
            descriptionZh: '',
            descriptionEn: '',
            sortOrder: 1,
            attributeSchema: { fields: [] },
            categories: [
              { id: '25', slug: 'dark-tea', nameZh: '黑茶', nameEn: 'Dark tea', parentId: null },
              { id: '26', slug: 'qianliang', nameZh: '千两茶', nameEn: 'Qianliang', parentId: '25' },
            ],
          },
        ],
      };
    }
    if (name === 'Reference') return { units: [], certifications: [{ code: 'GEO_INDICATION', nameZh: '地理标志', nameEn: 'Geographical indication' }] };
    if (name === 'Search') return onSearch(variables);
    if (name === 'SearchPreview') return onPreview?.(variables) ?? { search: { totalCount: 1, approximate: false, facets: facets(1, 1) } };
    throw new Error(`unexpected operation ${name}`);
  });
}

async function mountPage(path: string, { width = 1024, locale = 'zh-CN' as Locale } = {}) {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 740 });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/search', name: 'search', component: { template: '<div />' } },
      { path: '/:rest(.*)*', component: { template: '<div />' } },
    ],
  });
  await router.push(path);
  const RouterLink = { props: ['to'], template: '<a :href="to"><slot /></a>' };
  const wrapper = mount(SearchPage, { global: { plugins: [i18nPlugin(locale), createPinia(), router], stubs: { RouterLink } }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

const query = (router: ReturnType<typeof createRouter>) => router.currentRoute.value.query;

beforeEach(() => {
  gql.mockReset();
  requests.length = 0;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlighted titles', () => {
  /** In a heading, as a result card draws it. */
  const title = (segments: { text: string; match: boolean }[]) =>
    mount({ components: { HighlightedText }, setup: () => ({ segments }), template: '<h3><HighlightedText :segments="segments" /></h3>' });

  it('marks the parts that matched', () => {
    const wrapper = title(hit(1).titleSegments);
    expect(wrapper.element.textContent).toBe('安化黑茶 1 号');
    expect(wrapper.findAll('mark').map((m) => m.text())).toEqual(['黑茶']);
  });

  it('shows markup in a title as text, never as HTML', () => {
    const wrapper = title([
      { text: '<b>特价</b> ', match: false },
      { text: '<img src=x onerror=alert(1)>黑茶', match: true },
    ]);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.element.textContent).toBe('<b>特价</b> <img src=x onerror=alert(1)>黑茶');
    expect(wrapper.get('mark').text()).toBe('<img src=x onerror=alert(1)>黑茶');
  });
});

describe('SearchPage', () => {
  it('shows each result: highlighted title, price per kg, seller, origin, certification names, 扶贫产品 and its link', async () => {
    serve(() => answer([hit(1), hit(2, '<b>古丈</b>毛尖', [{ text: '<b>古丈</b>毛尖', match: false }])], { totalCount: 2 }));
    const { wrapper } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6');
    expect(wrapper.get('[data-testid="search-title"]').text()).toBe('“黑茶”的搜索结果');
    expect(wrapper.get('[data-testid="search-total"]').text()).toBe('共 2 件');
    const [first, second] = wrapper.findAll('[data-testid="listing-card"]');
    expect(first!.get('[data-testid="listing-card-title"]').attributes('href')).toBe('/l/l1');
    expect(first!.findAll('mark').map((m) => m.text())).toEqual(['黑茶']);
    expect(first!.get('[data-testid="listing-card-price"]').text()).toBe('¥360.00 / 公斤');
    expect(first!.get('[data-testid="listing-card-price-second"]').text()).toBe('¥180.00 / 斤');
    expect(first!.text()).toContain('安化县云台山黑茶专业合作社');
    expect(first!.text()).toContain('益阳市安化县');
    expect(first!.get('[data-testid="listing-card-cert"]').text()).toBe('地理标志');
    expect(first!.get('[data-testid="badge-poverty"]').text()).toBe('扶贫产品');
    expect(second!.find('[data-testid="badge-poverty"]').exists()).toBe(false);
    expect(second!.find('b').exists()).toBe(false);
    expect(second!.get('[data-testid="listing-card-title"]').text()).toBe('<b>古丈</b>毛尖');
    expect(searches()[0]!.variables).toMatchObject({ q: '黑茶', filters: {}, sort: null, first: 20, after: null });
  });

  it('shows a listing sold by count at its unit price', async () => {
    const box = hit(3);
    box.listing = { ...box.listing, unitInfo: { code: 'BOX', nameZh: '箱', nameEn: 'box', isMass: false }, basePriceFen: 16_800, pricePerKgFen: null };
    serve(() => answer([box]));
    const { wrapper } = await mountPage('/search?q=%E5%A4%A9%E5%B0%96');
    expect(wrapper.get('[data-testid="listing-card-price"]').text()).toBe('¥168.00 / 箱');
    expect(wrapper.find('[data-testid="listing-card-price-second"]').exists()).toBe(false);
  });

  it('says when the results only match some of the words', async () => {
    serve(() => answer([hit(1)], { approximate: true }));
    const { wrapper } = await mountPage('/search?q=x');
    expect(wrapper.get('[data-testid="search-approximate"]').text()).toBe('没有完全匹配的结果，以下为相近结果');
  });

  it('says when nothing is found, offering to clear the filters', async () => {
    serve(() => answer([], { totalCount: 0 }));
    const { wrapper, router } = await mountPage('/search?q=%E8%8C%B6&poverty=1');
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('没有找到相关商品');
    await wrapper.get('[data-testid="search-empty-clear"]').trigger('click');
    await flushPromises();
    expect(query(router)).toEqual({ q: '茶' });
  });

  it('shows a filter the API refused in its own words, Chinese first, and offers to clear the filters rather than retry', async () => {
    serve((variables) => {
      if ((variables.filters as Record<string, unknown>).minPricePerKgFen !== undefined) {
        throw new ApiError({
          code: 'search/price-range-invalid',
          messageZh: '价格区间无效：须为 0 到 1000 万元/公斤之间的整数分，且下限不高于上限',
          messageEn: 'Invalid price range',
        });
      }
      return answer([hit(1)]);
    });
    const { wrapper, router } = await mountPage('/search?q=%E8%8C%B6&min=50&max=10');
    const error = wrapper.get('[data-testid="search-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('价格区间无效');
    expect(wrapper.find('[data-testid="search-error-retry"]').exists()).toBe(false);
    await wrapper.get('[data-testid="search-error-clear"]').trigger('click');
    await flushPromises();
    expect(query(router)).toEqual({ q: '茶' });
    expect(wrapper.find('[data-testid="search-error"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="listing-card"]')).toHaveLength(1);
  });

  it('shows the English message in English, and a retry for a failure that may pass', async () => {
    let fail = true;
    serve(() => {
      if (fail) throw new ApiError({ code: 'network/unreachable', messageZh: '网络连接失败，请稍后再试', messageEn: 'Could not reach the server, please try again' });
      return answer([hit(1)]);
    });
    const { wrapper } = await mountPage('/search?q=tea', { locale: 'en' });
    expect(wrapper.get('[data-testid="search-error"]').text()).toContain('Could not reach the server');
    fail = false;
    await wrapper.get('[data-testid="search-error-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="search-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="search-total"]').text()).toBe('1 result');
  });

  it('pages on with the cursor and starts over when a filter changes', async () => {
    serve((variables) =>
      variables.after
        ? answer([hit(21)], { totalCount: 21 })
        : { search: { ...answer(Array.from({ length: 20 }, (_, i) => hit(i + 1)), { totalCount: 21 }).search, pageInfo: { hasNextPage: true, endCursor: 'c20' } } },
    );
    const { wrapper, router } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6');
    await wrapper.get('[data-testid="search-more"]').trigger('click');
    await flushPromises();
    expect(searches().at(-1)!.variables).toMatchObject({ after: 'c20' });
    expect(wrapper.findAll('[data-testid="listing-card"]')).toHaveLength(21);

    await wrapper.get('[data-testid="filter-poverty"]').setValue(true);
    await flushPromises();
    expect(query(router)).toEqual({ q: '黑茶', poverty: '1' });
    expect(searches().at(-1)!.variables).toMatchObject({ filters: { povertyOnly: true }, after: null });
    expect(wrapper.findAll('[data-testid="listing-card"]')).toHaveLength(20);
  });

  it('reads the filters from the address, the category by its slug', async () => {
    serve(() => answer([hit(1)]));
    const { wrapper } = await mountPage('/search?q=%E8%8C%B6&channel=tea&category=qianliang&county=430923&county=433126&cert=GEO_INDICATION&min=200&max=499.99&stock=1&sort=price-desc');
    expect(searches()).toHaveLength(1);
    expect(searches()[0]!.variables).toMatchObject({
      q: '茶',
      sort: 'PRICE_DESC',
      filters: {
        channel: 'tea',
        categoryId: '26',
        countyCodes: ['430923', '433126'],
        certifications: ['GEO_INDICATION'],
        minPricePerKgFen: 20_000,
        maxPricePerKgFen: 49_999,
        inStockOnly: true,
      },
    });
    expect((wrapper.get('[data-testid="search-sort"]').element as HTMLSelectElement).value).toBe('price-desc');
    expect(wrapper.get('[data-testid="filter-category-qianliang"]').attributes('aria-pressed')).toBe('true');
    expect((wrapper.get('[data-testid="filter-county-430923"]').element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('[data-testid="filter-price-20000"]').attributes('aria-pressed')).toBe('true');
  });

  describe('on a wide screen', () => {
    it('shows the filters in a sidebar with their counts; each choice applies at once', async () => {
      serve(() => answer([hit(1)]));
      const { wrapper, router } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6');
      expect(wrapper.find('[data-testid="filter-sidebar"]').exists()).toBe(true);
      expect(wrapper.find('[data-testid="filter-open"]').exists()).toBe(false);
      const county = wrapper.get('[data-testid="filter-county-430923"]').element.closest('label')!;
      expect(county.textContent).toContain('安化县');
      expect(county.querySelector('[data-testid="facet-count"]')!.textContent).toBe('3');
      // values that would give nothing are not offered
      expect(wrapper.find('[data-testid="filter-county-433126"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="filter-cert-ORGANIC"]').exists()).toBe(false);

      await wrapper.get('[data-testid="filter-county-430923"]').setValue(true);
      await flushPromises();
      expect(query(router)).toEqual({ q: '黑茶', county: ['430923'] });
      await wrapper.get('[data-testid="filter-cert-GEO_INDICATION"]').setValue(true);
      await flushPromises();
      expect(query(router)).toEqual({ q: '黑茶', county: ['430923'], cert: ['GEO_INDICATION'] });

      const sort = wrapper.get('[data-testid="search-sort"]');
      await sort.setValue('price-asc');
      await flushPromises();
      expect(query(router)).toMatchObject({ sort: 'price-asc' });
      await sort.setValue('relevance');
      await flushPromises();
      expect(query(router).sort).toBeUndefined();
    });

    it('checks the typed price range before using it', async () => {
      serve(() => answer([hit(1)]));
      const { wrapper, router } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6');
      await wrapper.get('[data-testid="filter-min"]').setValue('50');
      await wrapper.get('[data-testid="filter-max"]').setValue('10');
      await wrapper.get('[data-testid="filter-price-apply"]').trigger('submit');
      expect(wrapper.get('[data-testid="filter-price-problem"]').text()).toBe('最低价不能高于最高价');
      await wrapper.get('[data-testid="filter-max"]').setValue('12.5.0');
      await wrapper.get('[data-testid="filter-price-apply"]').trigger('submit');
      expect(wrapper.get('[data-testid="filter-price-problem"]').text()).toBe('请输入正确的金额，如 12.50');
      expect(query(router)).toEqual({ q: '黑茶' });

      await wrapper.get('[data-testid="filter-max"]').setValue('80.5');
      await wrapper.get('[data-testid="filter-max"]').trigger('change');
      await flushPromises();
      expect(query(router)).toEqual({ q: '黑茶', min: '50', max: '80.50' });
      expect(wrapper.find('[data-testid="filter-price-problem"]').exists()).toBe(false);
    });
  });

  describe('on a 360 px phone', () => {
    it('opens the filters in a drawer where choices gather until 应用, with counts for them', async () => {
      serve(() => answer([hit(1), hit(2), hit(3)]));
      const { wrapper, router } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6&stock=1', { width: 360 });
      expect(wrapper.find('[data-testid="filter-sidebar"]').exists()).toBe(false);
      const open = wrapper.get('[data-testid="filter-open"]');
      expect(open.get('[data-testid="filter-count"]').text()).toBe('1');
      expect(open.attributes('aria-label')).toBe('筛选，已选 1 项');

      await open.trigger('click');
      const drawer = wrapper.get('[data-testid="filter-drawer"]');
      expect(drawer.attributes('role')).toBe('dialog');
      expect(drawer.attributes('aria-modal')).toBe('true');
      expect(document.activeElement).toBe(drawer.element);
      expect((drawer.get('[data-testid="filter-stock"]').element as HTMLInputElement).checked).toBe(true);
      expect(drawer.get('[data-testid="filter-apply"]').text()).toBe('应用（3 件）');

      await drawer.get('[data-testid="filter-county-430923"]').setValue(true);
      await drawer.get('[data-testid="filter-cert-GEO_INDICATION"]').setValue(true);
      await flushPromises();
      // nothing applied yet: the address and the list stay, the counts follow the choices
      expect(query(router)).toEqual({ q: '黑茶', stock: '1' });
      expect(searches()).toHaveLength(1);
      expect(previews().at(-1)!.variables).toEqual({ q: '黑茶', filters: { countyCodes: ['430923'], certifications: ['GEO_INDICATION'], inStockOnly: true } });
      expect(drawer.get('[data-testid="filter-apply"]').text()).toBe('应用（1 件）');
      expect(drawer.get('[data-testid="filter-county-430923"]').element.closest('label')!.querySelector('[data-testid="facet-count"]')!.textContent).toBe('1');

      await drawer.get('[data-testid="filter-apply"]').trigger('click');
      await flushPromises();
      expect(query(router)).toEqual({ q: '黑茶', county: ['430923'], cert: ['GEO_INDICATION'], stock: '1' });
      expect(wrapper.find('[data-testid="filter-drawer"]').exists()).toBe(false);
      expect(wrapper.get('[data-testid="filter-count"]').text()).toBe('3');
      expect(searches().at(-1)!.variables).toMatchObject({ filters: { countyCodes: ['430923'], certifications: ['GEO_INDICATION'], inStockOnly: true } });
    });

    it('清除 clears the choices in the drawer, and closing it drops what was not applied', async () => {
      serve(() => answer([hit(1)]));
      const { wrapper, router } = await mountPage('/search?q=%E9%BB%91%E8%8C%B6&poverty=1&sort=newest', { width: 360 });
      await wrapper.get('[data-testid="filter-open"]').trigger('click');
      await wrapper.get('[data-testid="filter-clear"]').trigger('click');
      expect((wrapper.get('[data-testid="filter-poverty"]').element as HTMLInputElement).checked).toBe(false);
      expect(query(router)).toEqual({ q: '黑茶', poverty: '1', sort: 'newest' });

      await wrapper.get('[data-testid="filter-drawer"]').trigger('keydown', { key: 'Escape' });
      expect(wrapper.find('[data-testid="filter-drawer"]').exists()).toBe(false);
      expect(query(router)).toEqual({ q: '黑茶', poverty: '1', sort: 'newest' });

      await wrapper.get('[data-testid="filter-open"]').trigger('click');
      expect((wrapper.get('[data-testid="filter-poverty"]').element as HTMLInputElement).checked).toBe(true);
      await wrapper.get('[data-testid="filter-clear"]').trigger('click');
      await wrapper.get('[data-testid="filter-apply"]').trigger('click');
      await flushPromises();
      // the words and the sort are not filters
      expect(query(router)).toEqual({ q: '黑茶', sort: 'newest' });
      expect(wrapper.find('[data-testid="filter-count"]').exists()).toBe(false);
    });
  });
});
