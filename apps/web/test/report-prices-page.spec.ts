import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError, saveTokens } from '../src/graphql';
import type { CommodityFieldsFragment, MarketFieldsFragment } from '../src/graphql/generated/graphql';
import type { Locale } from '../src/i18n';
import { readRow, reportDates, reportQuotes, reportRefusal, type ReportRow } from '../src/lib/priceReport';
import ReportPricesPage from '../src/pages/ReportPricesPage.vue';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const row = (patch: Partial<ReportRow>): ReportRow => ({ key: 1, commodity: 'live-hog', low: '', avg: '', high: '', specification: '', ...patch });

describe('reading a reporter’s quotes', () => {
  it('reads prices in yuan as exact fen, the low and high optional, the specification trimmed', () => {
    expect(readRow(row({ low: '14.6', avg: '15.03', high: '15.40', specification: ' 外三元 ' }))).toEqual({
      quote: { commodity: 'live-hog', lowFen: 1460, avgFen: 1503, highFen: 1540, specification: '外三元' },
    });
    // 0.29 and 19.99 are not exact in floating point; their fen are
    expect(readRow(row({ low: '0.29', avg: '19.99' }))).toEqual({ quote: { commodity: 'live-hog', lowFen: 29, avgFen: 1999, highFen: null, specification: null } });
  });

  it('names every problem of a row', () => {
    expect(readRow(row({ commodity: '', avg: '' }))).toEqual({ problems: ['commodity-missing', 'average-missing'] });
    expect(readRow(row({ avg: '3.855' }))).toEqual({ problems: ['price-tooPrecise'] });
    expect(readRow(row({ avg: '三块' }))).toEqual({ problems: ['price-notANumber'] });
    expect(readRow(row({ low: '16', avg: '15', high: '17' }))).toEqual({ problems: ['average-outside'] });
    expect(readRow(row({ low: '16', avg: '15' }))).toEqual({ problems: ['low-above-high'] });
    expect(readRow(row({ avg: '0' }))).toEqual({ problems: ['price-empty'] });
    expect(readRow(row({ avg: '15', specification: '一'.repeat(51) }))).toEqual({ problems: ['text-too-long'] });
  });

  it('leaves blank rows out and remembers which row each quote came from', () => {
    const read = reportQuotes([row({ key: 1, avg: '15' }), row({ key: 2, commodity: '' }), row({ key: 3, commodity: 'navel-orange', avg: '6.8' })]);
    expect(read).toEqual({
      quotes: [
        { commodity: 'live-hog', lowFen: null, avgFen: 1500, highFen: null, specification: null },
        { commodity: 'navel-orange', lowFen: null, avgFen: 680, highFen: null, specification: null },
      ],
      keys: [1, 3],
    });
  });

  it('offers today and the seven days before it', () => {
    expect(reportDates('2026-12-03')).toEqual(['2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26']);
  });

  it('reads the API’s refusal into problems by row and for the whole report', () => {
    const error = new ApiError({
      code: 'market/report-invalid',
      messageZh: '报价有误',
      messageEn: 'Some quotes are wrong',
      details: { problems: [{ index: 1, problems: ['duplicate'], messagesZh: ['重复'] }, 'date-tooOld'] },
    });
    expect(reportRefusal(error, [4, 9])).toEqual({ rows: new Map([[9, { problems: ['duplicate'], messagesZh: ['重复'] }]]), general: ['date-tooOld'] });
    expect(reportRefusal(new ApiError({ code: 'auth/forbidden', messageZh: '无权操作', messageEn: 'Forbidden' }), [4])).toBeNull();
  });
});

const HOG: CommodityFieldsFragment = { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog', unit: 'KG', unitQuantity: 1, unitLabel: '元/千克' };
const PADDY: CommodityFieldsFragment = { code: 'early-indica-paddy', nameZh: '早籼稻', nameEn: 'Early indica paddy', channelCode: 'rice', unit: 'KG', unitQuantity: 50, unitLabel: '元/50千克' };
const ORANGE: CommodityFieldsFragment = { code: 'navel-orange', nameZh: '脐橙', nameEn: 'Navel orange', channelCode: 'fruit', unit: 'JIN', unitQuantity: 1, unitLabel: '元/斤' };
const MAWANGDUI: MarketFieldsFragment = { id: '7', code: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102' };
const HONGXING: MarketFieldsFragment = { id: '9', code: 'changsha-hongxing', name: '长沙红星农副产品大市场', kind: 'WHOLESALE', countyCode: '430111' };

let reporting: MarketFieldsFragment[];
let refusal: ApiError | null;
const sent: { name: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  // 2026-12-03 10:00 in China
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T02:00:00Z'));
  reporting = [MAWANGDUI, HONGXING];
  refusal = null;
  sent.length = 0;
  localStorage.clear();
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    switch (name) {
      case 'ReportingMarkets':
        return { myReportingMarkets: reporting };
      case 'ReportCommodities':
        return { commodities: [HOG, PADDY, ORANGE] };
      case 'Channels':
        return { channels: [] };
      case 'ReportPrices': {
        if (refusal) throw refusal;
        const quotes = (variables.input as { quotes: unknown[] }).quotes;
        return { reportPrices: { id: 'imp1', status: 'DONE', rowsRead: quotes.length, rowsWritten: quotes.length } };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
});
afterEach(() => {
  vi.useRealTimers();
});

async function mountPage(locale: Locale = 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
  const session = useSessionStore();
  session.viewer = { id: 'u1', phone: '13900000001', displayName: '李报价', isPlatformAdmin: false, memberships: [] };
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push('/report');
  const page = mount(ReportPricesPage, { global: { plugins: [i18nPlugin(locale), pinia, router] } });
  await flushPromises();
  return page;
}

async function fill(page: VueWrapper, index: number, values: { commodity?: string; low?: string; avg?: string; high?: string; spec?: string }) {
  const r = page.findAll('[data-testid="report-row"]')[index]!;
  if (values.commodity !== undefined) await r.get('[data-testid="report-row-commodity"]').setValue(values.commodity);
  for (const field of ['low', 'avg', 'high', 'spec'] as const) if (values[field] !== undefined) await r.get(`[data-testid="report-row-${field}"]`).setValue(values[field]);
}

const reports = () => sent.filter((s) => s.name === 'ReportPrices');
const rowProblems = (page: VueWrapper) => page.findAll('[data-testid="report-row"]').map((r) => r.findAll('[data-testid="report-row-problem"]').map((p) => p.text()));

describe('the market reporter’s page', () => {
  it('explains that an administrator assigns reporters when the user reports for no market', async () => {
    reporting = [];
    const page = await mountPage();
    expect(page.get('[data-testid="report-none"]').text()).toContain('报价员由平台管理员指定');
    expect(page.find('[data-testid="report-form"]').exists()).toBe(false);
  });

  it('sends the chosen market, day and rows in fen, each commodity in its usual unit, and links to the commodities after', async () => {
    const page = await mountPage();
    expect((page.get('[data-testid="report-date"]').element as HTMLSelectElement).value).toBe('2026-12-03');
    expect(page.findAll('[data-testid="report-date"] option').map((o) => o.text())).toHaveLength(8);
    await page.get('[data-testid="report-market"]').setValue('9');
    await page.get('[data-testid="report-date"]').setValue('2026-12-02');
    await fill(page, 0, { commodity: 'early-indica-paddy', low: '128', avg: '130.5', high: '133', spec: '一级' });
    expect(page.get('[data-testid="report-row-unit"]').text()).toBe('单位：元/50千克');
    await page.get('[data-testid="report-add-row"]').trigger('click');
    await page.get('[data-testid="report-add-row"]').trigger('click');
    // the middle row stays empty and is left out
    await fill(page, 2, { commodity: 'navel-orange', avg: '3.2' });
    await page.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(reports()).toEqual([
      {
        name: 'ReportPrices',
        variables: {
          input: {
            marketId: '9',
            date: '2026-12-02',
            quotes: [
              { commodity: 'early-indica-paddy', lowFen: 12800, avgFen: 13050, highFen: 13300, specification: '一级' },
              { commodity: 'navel-orange', lowFen: null, avgFen: 320, highFen: null, specification: null },
            ],
          },
        },
      },
    ]);
    expect(page.get('[data-testid="report-done"] .ok').text()).toBe('已写入 2 条报价（长沙红星农副产品大市场，2026-12-02）');
    expect(page.findAll('[data-testid="report-done-link"]').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['早籼稻', '/prices/early-indica-paddy?market=changsha-hongxing'],
      ['脐橙', '/prices/navel-orange?market=changsha-hongxing'],
    ]);
    // ready for the next batch
    expect(page.findAll('[data-testid="report-row"]')).toHaveLength(1);
  });

  it('shows problems it can see under their rows and sends nothing', async () => {
    const page = await mountPage();
    await fill(page, 0, { commodity: 'live-hog', avg: '15.035' });
    await page.get('[data-testid="report-add-row"]').trigger('click');
    await fill(page, 1, { low: '16', avg: '15' });
    await page.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(reports()).toEqual([]);
    expect(rowProblems(page)).toEqual([['价格最多两位小数（精确到分）'], ['请选择品种', '最低价高于最高价']]);
    const first = page.findAll('[data-testid="report-row"]')[0]!;
    expect(first.get('[data-testid="report-row-avg"]').attributes('aria-invalid')).toBe('true');
    expect(first.get('[data-testid="report-row-low"]').attributes('aria-invalid')).toBeUndefined();
    expect(page.get('[data-testid="report-error"]').text()).toBe('有 2 条报价需要修改，请看各条下面的提示。');
    // correcting a row takes its problems away, not the other's
    await fill(page, 0, { avg: '15.03' });
    expect(rowProblems(page)).toEqual([[], ['请选择品种', '最低价高于最高价']]);
  });

  it('puts the API’s problems beside the rows they are about, past rows that were left out', async () => {
    refusal = new ApiError({
      code: 'market/report-invalid',
      messageZh: '报价有误，请按提示修改',
      messageEn: 'Some quotes are wrong',
      details: {
        problems: [
          { index: 1, problems: ['duplicate'], messagesZh: ['与文件中前面一行重复'] },
          { index: 2, problems: ['unit-mismatch', 'something-new'], messagesZh: ['单位与该品种不符', '新的问题'] },
        ],
      },
    });
    const page = await mountPage('en');
    await fill(page, 0, { commodity: 'live-hog', avg: '15' });
    await page.get('[data-testid="report-add-row"]').trigger('click');
    await page.get('[data-testid="report-add-row"]').trigger('click');
    await page.get('[data-testid="report-add-row"]').trigger('click');
    await fill(page, 2, { commodity: 'live-hog', avg: '15.2' });
    await fill(page, 3, { commodity: 'navel-orange', avg: '3' });
    await page.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(reports()).toHaveLength(1);
    expect(rowProblems(page)).toEqual([[], [], ['Repeats an earlier quote (same commodity and specification)'], ['The unit does not fit the commodity', '新的问题']]);
    expect(page.get('[data-testid="report-error"]').text()).toBe('2 quotes need correcting; see the notes under them.');
    expect(page.find('[data-testid="report-done"]').exists()).toBe(false);
  });

  it('says what is wrong with the report as a whole, and passes other refusals on in the UI language', async () => {
    refusal = new ApiError({ code: 'market/report-invalid', messageZh: '报价有误', messageEn: 'Some quotes are wrong', details: { problems: ['date-tooOld'] } });
    const page = await mountPage();
    await fill(page, 0, { commodity: 'live-hog', avg: '15' });
    await page.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(page.get('[data-testid="report-general-problem"]').text()).toBe('日期须在最近 7 天内');

    refusal = new ApiError({ code: 'auth/forbidden', messageZh: '没有权限', messageEn: 'Not allowed' });
    await page.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(page.get('[data-testid="report-failure"]').text()).toBe('没有权限');
    expect(page.find('[data-testid="report-general-problem"]').exists()).toBe(false);
  });
});
