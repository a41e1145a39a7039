import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { ApiError } from '../src/graphql/client';
import type { PriceSeriesQuery } from '../src/graphql/generated/graphql';
import CommodityPricesPage from '../src/pages/CommodityPricesPage.vue';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));
// ECharts needs a canvas; the page's part is the option it hands over, which the stub shows
vi.mock('../src/components/prices/LazyPriceChart', async () => {
  const { defineComponent, h } = await import('vue');
  return {
    LazyPriceChart: defineComponent({
      props: { option: { type: Object, required: true }, label: { type: String, required: true }, height: { type: String, default: '' } },
      setup: (props) => () => h('div', { 'data-testid': 'chart-stub', 'aria-label': props.label, 'data-series': JSON.stringify((props.option.series as { data: unknown[] }[]).map((s) => s.data.length)) }),
    }),
  };
});

const HOG = { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog', unit: 'KG', unitQuantity: 1, unitLabel: '元/千克' };
const MARKETS = [
  { id: '7', code: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102' },
  { id: '8', code: 'ningxiang-hog', name: '宁乡生猪收购点', kind: 'FARM_GATE', countyCode: '430182' },
];

function series(days: number, extra: Partial<PriceSeriesQuery['priceSeries']> = {}): PriceSeriesQuery {
  const points = Array.from({ length: days }, (_, i) => ({
    period: `2026-11-${String(i + 1).padStart(2, '0')}`,
    lowFen: 1460,
    avgFen: i === days - 1 ? 1503 : 1500,
    highFen: 1540,
    observations: 2,
    anomaly: i === 3,
  }));
  return { priceSeries: { commodity: HOG, perUnit: 'KG', monthOnMonthPercent: 6.12, yearOnYearPercent: -0.86, sampleData: false, csv: `\uFEFF日期 period,…\n${points.map((p) => p.period).join('\n')}\n`, points, ...extra } };
}

const asked: Record<string, unknown>[] = [];
beforeEach(() => {
  asked.length = 0;
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    if (name === 'Channels') return { channels: [{ code: 'hog', nameZh: '猪网', nameEn: 'Hogs', descriptionZh: '', descriptionEn: '', sortOrder: 2, attributeSchema: { fields: [] }, categories: [] }] };
    if (name === 'Markets') return { markets: MARKETS };
    if (name === 'PriceSeries') {
      asked.push(variables);
      if (variables.commodity === 'unicorn') throw new ApiError({ code: 'market/commodity-unknown', messageZh: '未知的品种', messageEn: 'Unknown commodity' });
      return series(variables.range === 'DAYS_30' ? 30 : 12);
    }
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function mountPage(path = '/prices/live-hog') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/prices/:code', component: CommodityPricesPage, props: true }, { path: '/:rest(.*)*', component: { render: () => null } }] });
  await router.push(path);
  const page = mount(RouterView, { global: { plugins: [createPinia(), i18nPlugin(), router] } });
  await flushPromises();
  return { page, router };
}

describe('a commodity’s price page', () => {
  it('shows the latest average per kilogram and per 斤, with month-on-month and year-on-year change', async () => {
    const { page } = await mountPage();
    expect(page.get('[data-testid="commodity-title"]').text()).toBe('生猪行情');
    expect(page.get('[data-testid="price-latest-average"]').text()).toBe('¥15.03 / 千克');
    expect(page.get('[data-testid="price-latest-jin"]').text()).toBe('¥7.52 / 斤');
    // 生猪 is quoted per kilogram already: nothing to convert to
    expect(page.find('[data-testid="price-latest-quoting"]').exists()).toBe(false);
    expect(page.get('[data-testid="price-mom"]').text()).toBe('▲+6.1%');
    expect(page.get('[data-testid="price-mom"]').attributes('data-direction')).toBe('up');
    expect(page.get('[data-testid="price-yoy"]').text()).toBe('▼−0.9%');
    // one year by day, every market, unless the address says otherwise
    expect(asked).toEqual([{ commodity: 'live-hog', range: 'YEAR', interval: 'DAY', marketIds: null }]);
    expect(page.get('[data-testid="chart-stub"]').attributes('data-series')).toBe('[12,12,12,1]');
    expect(page.get('[data-testid="chart-stub"]').attributes('aria-label')).toBe('生猪价格走势图：2026-11-01 至 2026-11-12，共 12 个数据点');
    expect(page.findAll('[data-testid="price-anomaly"]').map((a) => a.text())).toEqual(['2026-11-04 均价 ¥15.00 / 千克（¥7.50 / 斤）']);
  });

  it('gives a commodity the trade quotes per 50 kg its price that way too', async () => {
    const paddy = { ...HOG, code: 'early-indica-paddy', nameZh: '早籼稻', unitQuantity: 50, unitLabel: '元/50千克' };
    gql.mockImplementation(async (document: { toString(): string }) => {
      const name = operationName(document);
      if (name === 'PriceSeries') return { priceSeries: { ...series(3).priceSeries, commodity: paddy } };
      return name === 'Markets' ? { markets: MARKETS } : { channels: [] };
    });
    const { page } = await mountPage('/prices/early-indica-paddy');
    expect(page.get('[data-testid="price-latest-average"]').text()).toBe('¥15.03 / 千克');
    expect(page.get('[data-testid="price-latest-quoting"]').text()).toBe('折合 ¥751.50 / 50千克');
  });

  it('keeps range, interval and market in the address and asks for what it says', async () => {
    const { page, router } = await mountPage();
    await page.get('[data-testid="price-range-30d"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/prices/live-hog?range=30d');
    await page.get('[data-testid="price-interval-week"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/prices/live-hog?range=30d&interval=week');
    await page.get('[data-testid="price-market"]').setValue('changsha-mawangdui');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ range: '30d', interval: 'week', market: 'changsha-mawangdui' });
    expect(asked.at(-1)).toEqual({ commodity: 'live-hog', range: 'DAYS_30', interval: 'WEEK', marketIds: ['7'] });
    expect(page.get('[data-testid="price-series"]').attributes()).toMatchObject({ 'data-range': 'DAYS_30', 'data-interval': 'WEEK', 'data-points': '30' });
  });

  it('downloads the series as CSV named after the commodity, range, interval and market', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:series'), revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { page } = await mountPage('/prices/live-hog?range=30d&market=changsha-mawangdui');
    await page.get('[data-testid="price-download"]').trigger('click');
    expect(names).toEqual(['生猪-近30天-按日-长沙马王堆农产品批发市场.csv']);
    const text = await blobs[0]!.text();
    expect(text.startsWith('日期 period') || text.startsWith('\uFEFF日期 period')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(31);
    click.mockRestore();
  });

  it('says so when there is no such commodity', async () => {
    const { page } = await mountPage('/prices/unicorn');
    expect(page.get('[data-testid="commodity-not-found"] h1').text()).toBe('没有这个品种');
    expect(page.find('[data-testid="load-error"]').exists()).toBe(false);
  });
});
