import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import PriceSubscribePanel from '../src/components/PriceSubscribePanel.vue';
import { ApiError, saveTokens } from '../src/graphql';
import type { CommodityAlertFieldsFragment, MarketFieldsFragment } from '../src/graphql/generated/graphql';
import type { Locale } from '../src/i18n';
import { alertInput, movePercent, moveDays, thresholdFen } from '../src/lib/priceAlertRule';
import { useMarketsStore } from '../src/stores/markets';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

describe('reading an alert rule', () => {
  it('reads a threshold in yuan as exact fen', () => {
    expect(thresholdFen('15.5')).toEqual({ fen: 1550 });
    // 19.99 × 100 is 1998.9999… in floating point; the fen must still be 1999
    expect(thresholdFen('19.99')).toEqual({ fen: 1999 });
    expect(thresholdFen('0.29')).toEqual({ fen: 29 });
    expect(thresholdFen(' ¥1,234.50 ')).toEqual({ fen: 123450 });
    expect(thresholdFen('１５.５')).toEqual({ fen: 1550 });
    expect(thresholdFen('1000000')).toEqual({ fen: 100_000_000 });
  });

  it('refuses thresholds that cannot be one, saying why', () => {
    expect(thresholdFen('')).toEqual({ problem: 'empty' });
    expect(thresholdFen('15.555')).toEqual({ problem: 'tooPrecise' });
    expect(thresholdFen('0')).toEqual({ problem: 'notPositive' });
    expect(thresholdFen('0.00')).toEqual({ problem: 'notPositive' });
    expect(thresholdFen('-3')).toEqual({ problem: 'notPositive' });
    expect(thresholdFen('十五')).toEqual({ problem: 'notANumber' });
    expect(thresholdFen('1e3')).toEqual({ problem: 'notANumber' });
    expect(thresholdFen('1000000.01')).toEqual({ problem: 'tooLarge' });
  });

  it('reads a move in percent to two decimals and its days as a whole number from 1 to 365', () => {
    expect(movePercent('5')).toEqual({ percent: 5 });
    expect(movePercent('2.5%')).toEqual({ percent: 2.5 });
    expect(movePercent('0.05')).toEqual({ percent: 0.05 });
    expect(movePercent('1000')).toEqual({ percent: 1000 });
    expect(movePercent('1000.01')).toEqual({ problem: 'tooLarge' });
    expect(movePercent('2.555')).toEqual({ problem: 'tooPrecise' });
    expect(movePercent('0')).toEqual({ problem: 'notPositive' });
    expect(movePercent('-2')).toEqual({ problem: 'notPositive' });
    expect(moveDays('7')).toEqual({ days: 7 });
    expect(moveDays('365')).toEqual({ days: 365 });
    expect(moveDays('366')).toEqual({ problem: 'tooLarge' });
    expect(moveDays('0')).toEqual({ problem: 'notPositive' });
    expect(moveDays('1.5')).toEqual({ problem: 'notWhole' });
  });

  it('sends only what the kind of rule uses', () => {
    const form = { kind: 'DIGEST' as const, threshold: 'nonsense', percent: '-1', days: 'x' };
    expect(alertInput('live-hog', form, null)).toEqual({ input: { commodity: 'live-hog', kind: 'DIGEST', marketId: null } });
    expect(alertInput('live-hog', { ...form, kind: 'MOVE' }, '7')).toEqual({ problems: { percent: 'notPositive', days: 'notANumber' } });
  });
});

const HOG = { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog' };
const MAWANGDUI: MarketFieldsFragment = { id: '7', code: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102' };
const NINGXIANG: MarketFieldsFragment = { id: '8', code: 'ningxiang-hog', name: '宁乡生猪收购点', kind: 'FARM_GATE', countyCode: '430182' };

function alert(id: string, patch: Partial<CommodityAlertFieldsFragment> = {}): CommodityAlertFieldsFragment {
  return { id, kind: 'ABOVE', thresholdFen: 1600, percent: null, days: null, marketId: null, countyCode: null, beyond: false, createdAt: '2026-11-30T00:00:00Z', commodity: { code: 'live-hog' }, ...patch };
}

let held: CommodityAlertFieldsFragment[];
let refusal: ApiError | null;
const sent: { name: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  held = [
    alert('a1', { beyond: true }),
    alert('a2', { kind: 'MOVE', thresholdFen: null, percent: 5, days: 7, marketId: '8' }),
    alert('a3', { commodity: { code: 'navel-orange' } }),
  ];
  refusal = null;
  sent.length = 0;
  localStorage.clear();
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    switch (name) {
      case 'CommodityAlerts':
        return { myPriceSubscriptions: held };
      case 'FollowCommodityPrice': {
        if (refusal) throw refusal;
        const input = variables.input as Record<string, unknown>;
        const created = alert('new', {
          kind: input.kind as CommodityAlertFieldsFragment['kind'],
          thresholdFen: (input.thresholdFen as number | undefined) ?? null,
          percent: (input.percent as number | undefined) ?? null,
          days: (input.days as number | undefined) ?? null,
          marketId: (input.marketId as string | null) ?? null,
          countyCode: (input.countyCode as string | undefined) ?? null,
        });
        held = [created, ...held];
        return { subscribePrice: created };
      }
      case 'Counties':
        return { counties: [{ code: '430923', name: '安化县', prefectureCode: '430900', prefectureName: '益阳市', isPovertyCounty: true }] };
      case 'UnsubscribePrice':
        held = held.filter((a) => a.id !== variables.id);
        return { unsubscribePrice: true };
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
});

async function mountPanel(options: { signedIn?: boolean; market?: MarketFieldsFragment | null; perUnit?: string; locale?: Locale } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  if (options.signedIn ?? true) {
    saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
    session.viewer = { id: 'u1', phone: '13900000001', displayName: '周社长', isPlatformAdmin: false, memberships: [] };
  }
  session.loaded = true;
  useMarketsStore().markets = [MAWANGDUI, NINGXIANG];
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push('/prices/live-hog?range=30d');
  const panel = mount(PriceSubscribePanel, {
    props: { commodity: HOG, perUnit: options.perUnit ?? 'KG', market: options.market ?? null },
    global: { plugins: [i18nPlugin(options.locale), pinia, router] },
  });
  await flushPromises();
  return panel;
}

const mutations = () => sent.filter((s) => s.name !== 'CommodityAlerts');

describe('the subscribe panel on a commodity page', () => {
  it('lists the viewer’s alerts on this commodity only, with where they apply and whether the price is beyond them now', async () => {
    const panel = await mountPanel();
    const items = panel.findAll('[data-testid="subscribe-alert"]');
    expect(items.map((i) => i.get('[data-testid="subscribe-alert-rule"]').text())).toEqual(['均价高于 ¥16.00 / 千克', '7 天内涨跌超过 5%']);
    expect(items[0]!.text()).toContain('全部市场');
    expect(items[1]!.text()).toContain('宁乡生猪收购点');
    expect(items.map((i) => i.get('[data-testid="subscribe-alert-state"]').text())).toEqual(['当前已达到', '当前未达到']);
  });

  it('sends a threshold typed in yuan as integer fen, at the market the page shows', async () => {
    const panel = await mountPanel({ market: MAWANGDUI });
    await panel.get('[data-testid="subscribe-kind"]').setValue('BELOW');
    await panel.get('[data-testid="subscribe-threshold"]').setValue('14.35');
    expect(panel.get('[data-testid="subscribe-threshold-note"]').text()).toBe('折合 ¥7.18 / 斤');
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(mutations()).toEqual([{ name: 'FollowCommodityPrice', variables: { input: { commodity: 'live-hog', kind: 'BELOW', marketId: '7', thresholdFen: 1435 } } }]);
    expect(panel.get('[data-testid="subscribe-done"]').text()).toBe('已订阅：均价低于 ¥14.35 / 千克（长沙马王堆农产品批发市场）');
    expect(panel.findAll('[data-testid="subscribe-alert-rule"]')[0]!.text()).toBe('均价低于 ¥14.35 / 千克');
    expect((panel.get('[data-testid="subscribe-threshold"]').element as HTMLInputElement).value).toBe('');
  });

  it('follows a move over N days everywhere when the viewer chooses all markets', async () => {
    const panel = await mountPanel({ market: MAWANGDUI });
    await panel.get('[data-testid="subscribe-kind"]').setValue('MOVE');
    await panel.get('[data-testid="subscribe-percent"]').setValue('2.5');
    await panel.get('[data-testid="subscribe-days"]').setValue('30');
    await panel.get('[data-testid="subscribe-scope-all"]').setValue(true);
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(mutations()).toEqual([{ name: 'FollowCommodityPrice', variables: { input: { commodity: 'live-hog', kind: 'MOVE', marketId: null, percent: 2.5, days: 30 } } }]);
  });

  it('follows one county, asking for the counties only then, and names it in the alert list', async () => {
    const panel = await mountPanel();
    expect(sent.map((s) => s.name)).not.toContain('Counties');
    await panel.get('[data-testid="subscribe-kind"]').setValue('BELOW');
    await panel.get('[data-testid="subscribe-threshold"]').setValue('13');
    await panel.get('[data-testid="subscribe-scope-county"]').setValue(true);
    await flushPromises();
    // no county chosen yet: nothing is sent
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(panel.get('[data-testid="subscribe-error"]').text()).toBe('请选择县（市、区）');
    expect(sent.filter((s) => s.name === 'FollowCommodityPrice')).toEqual([]);
    expect(sent.filter((s) => s.name === 'Counties')).toHaveLength(1);
    await panel.get('[data-testid="subscribe-county"]').setValue('430923');
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(sent.filter((s) => s.name === 'FollowCommodityPrice')).toEqual([{ name: 'FollowCommodityPrice', variables: { input: { commodity: 'live-hog', kind: 'BELOW', marketId: null, countyCode: '430923', thresholdFen: 1300 } } }]);
    expect(panel.get('[data-testid="subscribe-done"]').text()).toContain('安化县');
  });

  it('refuses an impossible price beside the field and sends nothing', async () => {
    const panel = await mountPanel();
    for (const [typed, said] of [
      ['15.555', '价格最多两位小数（精确到分）'],
      ['0', '价格须大于 0'],
      ['abc', '价格应为数字，如 15.5'],
      ['2000000', '价格不能超过 1,000,000 元'],
    ]) {
      await panel.get('[data-testid="subscribe-threshold"]').setValue(typed);
      await panel.get('[data-testid="subscribe-form"]').trigger('submit');
      await flushPromises();
      expect(panel.get('[data-testid="subscribe-threshold-note"]').text()).toBe(said);
      expect(panel.get('[data-testid="subscribe-threshold"]').attributes('aria-invalid')).toBe('true');
    }
    expect(mutations()).toEqual([]);
    // correcting the price takes the complaint away
    await panel.get('[data-testid="subscribe-threshold"]').setValue('15');
    expect(panel.get('[data-testid="subscribe-threshold"]').attributes('aria-invalid')).toBeUndefined();
  });

  it('shows the API’s refusals in the UI language: too many alerts as a whole, a refused move beside its field', async () => {
    refusal = new ApiError({ code: 'market/too-many-subscriptions', messageZh: '最多订阅 100 条价格提醒', messageEn: 'At most 100 price alerts' });
    let panel = await mountPanel();
    await panel.get('[data-testid="subscribe-threshold"]').setValue('16');
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(panel.get('[data-testid="subscribe-error"]').text()).toBe('最多订阅 100 条价格提醒');
    panel.unmount();

    panel = await mountPanel({ locale: 'en' });
    await panel.get('[data-testid="subscribe-threshold"]').setValue('16');
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(panel.get('[data-testid="subscribe-error"]').text()).toBe('At most 100 price alerts');

    refusal = new ApiError({ code: 'market/subscription-invalid', messageZh: '提醒设置无效', messageEn: 'Invalid alert', details: { field: 'percent' } });
    await panel.get('[data-testid="subscribe-kind"]').setValue('MOVE');
    await panel.get('[data-testid="subscribe-percent"]').setValue('1.1');
    await panel.get('[data-testid="subscribe-form"]').trigger('submit');
    await flushPromises();
    expect(panel.get('[data-testid="subscribe-percent-problem"]').text()).toBe('The move must be above 0 and at most 1000%, with two decimals at most');
    expect(panel.find('[data-testid="subscribe-error"]').exists()).toBe(false);
  });

  it('cancels an alert with one click', async () => {
    const panel = await mountPanel();
    await panel.findAll('[data-testid="subscribe-alert-cancel"]')[1]!.trigger('click');
    await flushPromises();
    expect(mutations()).toEqual([{ name: 'UnsubscribePrice', variables: { id: 'a2' } }]);
    expect(panel.findAll('[data-testid="subscribe-alert-rule"]').map((r) => r.text())).toEqual(['均价高于 ¥16.00 / 千克']);
    await panel.get('[data-testid="subscribe-alert-cancel"]').trigger('click');
    await flushPromises();
    expect(panel.find('[data-testid="subscribe-alert"]').exists()).toBe(false);
    expect(panel.get('[data-testid="subscribe-none"]').text()).toBe('还没有订阅该品种的提醒');
  });

  it('offers visitors to log in and come back to this page, and asks nothing for them', async () => {
    const panel = await mountPanel({ signedIn: false });
    const href = panel.get('[data-testid="subscribe-login"]').attributes('href')!;
    expect(href.split('?')[0]).toBe('/login');
    expect(new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('redirect')).toBe('/prices/live-hog?range=30d');
    expect(panel.find('[data-testid="subscribe-form"]').exists()).toBe(false);
    expect(sent).toEqual([]);
  });
});
