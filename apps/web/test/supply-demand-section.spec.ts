import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { saveTokens } from '../src/graphql';
import type { SupplyDemandQuery } from '../src/graphql/generated/graphql';
import { supplyDemandRows, weightText } from '../src/lib/supplyDemand';
import CommodityPricesPage from '../src/pages/CommodityPricesPage.vue';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));
vi.mock('../src/components/prices/LazyPriceChart', async () => {
  const { defineComponent, h } = await import('vue');
  return { LazyPriceChart: defineComponent({ setup: () => () => h('div', { 'data-testid': 'chart-stub' }) }) };
});

describe('supply and demand figures', () => {
  it('puts the newest week first, with both figures on one scale', () => {
    const rows = supplyDemandRows([
      { week: '2026-11-16', supplyKg: 8000, demandKg: 2000 },
      { week: '2026-11-23', supplyKg: 4000, demandKg: 0 },
    ]);
    expect(rows.map((r) => [r.week, r.supplyBar, r.demandBar])).toEqual([
      ['2026-11-23', 50, 0],
      ['2026-11-16', 100, 25],
    ]);
    expect(supplyDemandRows([{ week: '2026-11-23', supplyKg: 0, demandKg: 0 }])).toEqual([]);
  });

  it('writes kilograms below ten tonnes and tonnes above', () => {
    expect(weightText(8500)).toEqual({ unit: 'kg', n: '8,500' });
    expect(weightText(12_540)).toEqual({ unit: 'tonnes', n: '12.5' });
    expect(weightText(1_250_000)).toEqual({ unit: 'tonnes', n: '1,250' });
  });
});

const HOG = { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog', unit: 'KG', unitQuantity: 1, unitLabel: '元/千克' };
const MARKETS = [{ id: '7', code: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102' }];
let weeks: SupplyDemandQuery['supplyDemand'];
const asked: { name: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  weeks = [
    { week: '2026-11-16', supplyKg: 42_000, demandKg: 30_000 },
    { week: '2026-11-23', supplyKg: 38_500, demandKg: 9_000 },
  ];
  asked.length = 0;
  localStorage.clear();
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    asked.push({ name, variables });
    if (name === 'Channels') return { channels: [{ code: 'hog', nameZh: '猪网', nameEn: 'Hogs', descriptionZh: '', descriptionEn: '', sortOrder: 2, attributeSchema: { fields: [] }, categories: [] }] };
    if (name === 'Markets') return { markets: MARKETS };
    if (name === 'SupplyDemand') return { supplyDemand: weeks };
    if (name === 'PricesByPlace') {
      return {
        pricesByPlace: [
          { marketId: '7', marketCode: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102', countyName: '芙蓉区', day: '2026-11-29', avgFen: 1760, changePercent: 10, trade: false },
          { marketId: null, marketCode: null, name: '安化县', kind: null, countyCode: '430923', countyName: '安化县', day: '2026-11-30', avgFen: 1550, changePercent: null, trade: true },
        ],
      };
    }
    if (name === 'CommodityAlerts') return { myPriceSubscriptions: [] };
    if (name === 'PriceSeries') {
      const points = [{ period: '2026-11-30', lowFen: 1460, avgFen: 1500, highFen: 1540, observations: 2, anomaly: false }];
      return { priceSeries: { commodity: HOG, perUnit: 'KG', monthOnMonthPercent: null, yearOnYearPercent: null, sampleData: false, csv: '', points } };
    }
    throw new Error(`unexpected ${name}`);
  });
});

async function mountPage(path: string, signedIn = false) {
  const pinia = createPinia();
  setActivePinia(pinia);
  if (signedIn) {
    saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
    const session = useSessionStore();
    session.viewer = { id: 'u1', phone: '13900000001', displayName: '周社长', isPlatformAdmin: false, memberships: [] };
    session.loaded = true;
  }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/prices/:code', component: CommodityPricesPage, props: true }, { path: '/:rest(.*)*', component: { render: () => null } }] });
  await router.push(path);
  const page = mount(RouterView, { global: { plugins: [pinia, i18nPlugin(), router] } });
  await flushPromises();
  return page;
}

describe('a commodity page beside its prices', () => {
  it('shows supply and demand by week in kg, newest first, with a way to the channel’s 供求 board', async () => {
    const page = await mountPage('/prices/live-hog');
    expect(asked.filter((a) => a.name === 'SupplyDemand').map((a) => a.variables)).toEqual([{ commodity: 'live-hog', weeks: 12 }]);
    expect(page.get('[data-testid="supply-demand-latest"]').text()).toBe('最近一周：供应 38.5 吨，需求 9,000 千克');
    const rows = page.findAll('[data-testid="supply-demand-week"]');
    expect(rows.map((r) => [r.attributes('data-week'), r.get('[data-testid="supply-demand-supply"]').text(), r.get('[data-testid="supply-demand-demand"]').text()])).toEqual([
      ['2026-11-23', '38.5 吨', '9,000 千克'],
      ['2026-11-16', '42 吨', '30 吨'],
    ]);
    const board = page.get('[data-testid="supply-demand-board"]');
    expect(board.text()).toBe('查看猪网求购');
    expect(board.attributes('href')).toBe('/requests?channel=hog');
  });

  it('compares markets and counties, dearest first, and a market’s row shows that market’s series', async () => {
    const page = await mountPage('/prices/live-hog');
    const rows = page.findAll('[data-testid="place-price"]');
    expect(rows.map((r) => [r.attributes('data-market'), r.get('[data-testid="place-price-average"]').text()])).toEqual([
      ['changsha-mawangdui', '¥17.60 / 千克'],
      ['', '¥15.50 / 千克'],
    ]);
    expect(rows[1]!.text()).toContain('平台成交');
    expect(rows[1]!.find('button').exists()).toBe(false);
    await rows[0]!.get('button').trigger('click');
    await flushPromises();
    expect(asked.filter((a) => a.name === 'PriceSeries').at(-1)!.variables).toMatchObject({ marketIds: ['7'] });
    expect(page.get('[data-testid="place-price"]').classes()).toContain('chosen');
  });

  it('says so when nothing was listed or asked for', async () => {
    weeks = [{ week: '2026-11-23', supplyKg: 0, demandKg: 0 }];
    const page = await mountPage('/prices/live-hog');
    expect(page.get('[data-testid="supply-demand-empty"]').text()).toBe('近 12 周暂无该品种的供应和求购。');
    expect(page.find('[data-testid="supply-demand-week"]').exists()).toBe(false);
  });

  it('offers alerts at the market the page shows, or everywhere', async () => {
    const page = await mountPage('/prices/live-hog?market=changsha-mawangdui', true);
    const atMarket = page.get('[data-testid="subscribe-scope-market"]');
    expect((atMarket.element as HTMLInputElement).checked).toBe(true);
    expect(atMarket.element.closest('label')!.textContent!.trim()).toBe('仅长沙马王堆农产品批发市场');
    expect(page.get('[data-testid="subscribe-threshold"]').element.closest('label')!.querySelector('span')!.textContent).toBe('价格（元/千克）');

    const everywhere = await mountPage('/prices/live-hog', true);
    expect(everywhere.find('[data-testid="subscribe-scope-market"]').exists()).toBe(false);
  });
});
