import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { TradeFlowsQuery } from '../src/graphql/generated/graphql';
import type { Locale } from '../src/i18n';
import TradeFlowsSection from '../src/components/prices/TradeFlowsSection.vue';
import { tradeFlowTables, valueText, volumeText } from '../src/lib/tradeFlows';
import CommodityPricesPage from '../src/pages/CommodityPricesPage.vue';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));
vi.mock('../src/components/prices/LazyPriceChart', async () => {
  const { defineComponent, h } = await import('vue');
  return { LazyPriceChart: defineComponent({ setup: () => () => h('div', { 'data-testid': 'chart-stub' }) }) };
});

type Flow = TradeFlowsQuery['tradeFlows'][number];
const flow = (month: string, direction: string, volumeKg: number | null, valueFen: number | null, source = '长沙海关', sample = false): Flow => ({ month, direction, volumeKg, valueFen, source, sample });

describe('import and export figures as a table', () => {
  it('puts a month’s export and import in one row, newest month first, one table per source', () => {
    const tables = tradeFlowTables([
      flow('2026-09', 'EXPORT', 420_000, 2_604_000_000),
      flow('2026-09', 'IMPORT', 1_000, 500_000),
      flow('2026-10', 'EXPORT', 380_500, 2_400_000_000),
      flow('2026-10', 'EXPORT', 2_000, 1_200_000, '示例数据 / Sample', true),
    ]);
    expect(tables.map((t) => [t.source, t.sample, t.directions, t.volumeUnit])).toEqual([
      ['长沙海关', false, ['EXPORT', 'IMPORT'], 'tonnes'],
      ['示例数据 / Sample', true, ['EXPORT'], 'kg'],
    ]);
    expect(tables[0]!.rows).toEqual([
      { month: '2026-10', EXPORT: { volumeKg: 380_500, valueFen: 2_400_000_000 }, IMPORT: null },
      { month: '2026-09', EXPORT: { volumeKg: 420_000, valueFen: 2_604_000_000 }, IMPORT: { volumeKg: 1_000, valueFen: 500_000 } },
    ]);
  });

  it('leaves out figures with neither a volume nor a value, and directions it does not know', () => {
    expect(tradeFlowTables([flow('2026-09', 'EXPORT', null, null), flow('2026-09', 'TRANSIT', 5, 5)])).toEqual([]);
  });

  it('writes volumes in the table’s unit and values in 万元, a dash for what was not published', () => {
    expect(volumeText(380_540, 'tonnes')).toBe('380.5');
    expect(volumeText(12_345_678_000, 'tonnes')).toBe('12,345,678');
    expect(volumeText(8_500.4, 'kg')).toBe('8,500');
    expect(volumeText(null, 'kg')).toBe('—');
    // 26,040,000 元 is 2,604 万元; 3,456 元 is 0.35 万元
    expect(valueText(2_604_000_000)).toBe('2,604');
    expect(valueText(345_600)).toBe('0.35');
    expect(valueText(123_456_789)).toBe('123.46');
    expect(valueText(null)).toBe('—');
  });
});

const HOG = { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog', unit: 'KG', unitQuantity: 1, unitLabel: '元/千克' };
const TEA = { ...HOG, code: 'anhua-dark-tea', nameZh: '安化黑茶', nameEn: 'Anhua dark tea', channelCode: 'tea' };
let flows: Record<string, Flow[]>;
const asked: Record<string, unknown>[] = [];

beforeEach(() => {
  flows = {
    'anhua-dark-tea': Array.from({ length: 8 }, (_, i) => flow(`2026-0${i + 1}`, 'EXPORT', 400_000 + i * 1000, 2_500_000_000 + i * 1_000_000, '示例数据 / Sample', true)),
    'live-hog': [flow('2026-10', 'EXPORT', 12_000, 36_000_000), flow('2026-10', 'IMPORT', 2_600_000, 4_420_000_000), flow('2026-10', 'IMPORT', 2_550_000, null, '海关总署')],
  };
  asked.length = 0;
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    if (name === 'Channels') return { channels: [] };
    if (name === 'Markets') return { markets: [] };
    if (name === 'SupplyDemand') return { supplyDemand: [] };
    if (name === 'TradeFlows') {
      asked.push(variables);
      return { tradeFlows: flows[String(variables.commodity)] ?? [] };
    }
    if (name === 'PriceSeries') {
      const commodity = variables.commodity === TEA.code ? TEA : HOG;
      const points = [{ period: '2026-11-30', lowFen: 1460, avgFen: 1500, highFen: 1540, observations: 2, anomaly: false }];
      return { priceSeries: { commodity, perUnit: 'KG', monthOnMonthPercent: null, yearOnYearPercent: null, sampleData: false, csv: '', points } };
    }
    throw new Error(`unexpected ${name}`);
  });
});

async function mountPage(path: string, locale: Locale = 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/prices/:code', component: CommodityPricesPage, props: true }, { path: '/:rest(.*)*', component: { render: () => null } }] });
  await router.push(path);
  const page = mount(RouterView, { global: { plugins: [pinia, i18nPlugin(locale), router] } });
  await flushPromises();
  return { page, router };
}

const cells = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('td').map((c) => c.text());

describe('进出口 on a commodity page', () => {
  it('shows exports and imports by month, per source, volumes in 吨 and values in 万元', async () => {
    const { page } = await mountPage('/prices/live-hog');
    expect(asked).toEqual([{ commodity: 'live-hog', months: 24 }]);
    const section = page.get('[data-testid="trade-flows"]');
    expect(section.get('h2').text()).toBe('进出口');
    const sources = section.findAll('[data-testid="trade-flows-source"]');
    expect(sources.map((s) => s.get('[data-testid="trade-flows-source-name"]').text())).toEqual(['来源：长沙海关', '来源：海关总署']);
    expect(sources[0]!.findAll('th').map((th) => th.text())).toEqual(['月份', '出口量', '出口额', '进口量', '进口额']);
    expect(sources[0]!.get('[data-testid="trade-flows-units"]').text()).toBe('数量单位：吨；金额单位：万元');
    expect(sources[0]!.findAll('[data-testid="trade-flows-month"]').map(cells)).toEqual([['2026-10', '12', '36', '2,600', '4,420']]);
    // a source with imports only has no export columns; a value not published is a dash
    expect(sources[1]!.findAll('th').map((th) => th.text())).toEqual(['月份', '进口量', '进口额']);
    expect(sources[1]!.findAll('[data-testid="trade-flows-month"]').map(cells)).toEqual([['2026-10', '2,550', '—']]);
    expect(section.find('[data-testid="trade-flows-sample"]').exists()).toBe(false);
  });

  it('gives small volumes in kilograms', async () => {
    flows['live-hog'] = [flow('2026-10', 'EXPORT', 8_500, 12_000_000)];
    const { page } = await mountPage('/prices/live-hog');
    expect(page.get('[data-testid="trade-flows-units"]').text()).toBe('数量单位：千克；金额单位：万元');
    expect(page.findAll('[data-testid="trade-flows-month"]').map(cells)).toEqual([['2026-10', '8,500', '12']]);
  });

  it('marks sample figures 示例 and shows the latest six months until asked for all', async () => {
    const { page } = await mountPage('/prices/anhua-dark-tea');
    const section = page.get('[data-testid="trade-flows"]');
    expect(section.get('[data-testid="trade-flows-sample"]').text()).toBe('示例');
    const months = () => section.findAll('[data-testid="trade-flows-month"]').map((r) => r.attributes('data-month'));
    expect(months()).toEqual(['2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03']);
    const more = section.get('[data-testid="trade-flows-more"]');
    expect(more.text()).toBe('展开全部 8 个月');
    await more.trigger('click');
    expect(months()).toHaveLength(8);
    expect(section.find('[data-testid="trade-flows-more"]').exists()).toBe(false);
  });

  it('shows nothing for a commodity without figures', async () => {
    flows['live-hog'] = [];
    const { page } = await mountPage('/prices/live-hog');
    expect(asked).toEqual([{ commodity: 'live-hog', months: 24 }]);
    expect(page.find('[data-testid="trade-flows"]').exists()).toBe(false);
    // the rest of the page is there
    expect(page.get('[data-testid="commodity-title"]').text()).toBe('生猪行情');
  });

  it('given another commodity, does not show the figures of the one before while the new ones are on their way', async () => {
    const section = mount(TradeFlowsSection, { props: { commodity: HOG }, global: { plugins: [i18nPlugin()] } });
    await flushPromises();
    expect(section.findAll('[data-testid="trade-flows-source"]')).toHaveLength(2);
    let answer: (value: unknown) => void = () => undefined;
    gql.mockImplementation((_document: unknown, variables: Record<string, unknown>) => {
      asked.push(variables);
      return new Promise((resolve) => (answer = resolve));
    });
    await section.setProps({ commodity: TEA });
    await flushPromises();
    expect(asked.at(-1)).toEqual({ commodity: 'anhua-dark-tea', months: 24 });
    expect(section.find('[data-testid="trade-flows"]').exists()).toBe(false);
    answer({ tradeFlows: flows['anhua-dark-tea'] });
    await flushPromises();
    expect(section.get('[data-testid="trade-flows-source-name"]').text()).toBe('来源：示例数据 / Sample');
  });

  it('says why it could not load, with a retry', async () => {
    const base = gql.getMockImplementation()!;
    let fail = true;
    gql.mockImplementation((document: { toString(): string }, variables: Record<string, unknown> = {}) =>
      operationName(document) === 'TradeFlows' && fail ? Promise.reject(new Error('offline')) : base(document, variables),
    );
    const { page } = await mountPage('/prices/live-hog');
    expect(page.get('[data-testid="trade-flows-error"]').text()).toContain('加载失败');
    fail = false;
    await page.get('[data-testid="trade-flows-error"] button').trigger('click');
    await flushPromises();
    expect(page.find('[data-testid="trade-flows-error"]').exists()).toBe(false);
    expect(page.findAll('[data-testid="trade-flows-month"]')).toHaveLength(2);
  });

  it('reads in English', async () => {
    const { page } = await mountPage('/prices/live-hog', 'en');
    const first = page.get('[data-testid="trade-flows-source"]');
    expect(page.get('[data-testid="trade-flows"] h2').text()).toBe('Imports and exports');
    expect(first.findAll('th').map((th) => th.text())).toEqual(['Month', 'Exports', 'Export value', 'Imports', 'Import value']);
    expect(first.get('[data-testid="trade-flows-units"]').text()).toBe('Volumes in tonnes, values in 10,000 yuan');
  });
});
