import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ChannelPricesSection from '../src/components/prices/ChannelPricesSection.vue';
import type { ChannelPricesQuery } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));
vi.mock('../src/components/prices/LazyPriceChart', async () => {
  const { defineComponent, h } = await import('vue');
  return { LazyPriceChart: defineComponent({ props: { option: { type: Object, required: true }, label: { type: String, required: true }, height: { type: String, default: '' } }, setup: (props) => () => h('div', { 'data-testid': 'chart-stub', 'aria-label': props.label }) }) };
});

const commodity = (code: string, nameZh: string, unit = 'KG') => ({ code, nameZh, nameEn: code, channelCode: 'hog', unit, unitQuantity: 1, unitLabel: `元/${unit}` });
const [HOG, PIGLET, PORK, HEAD] = [commodity('live-hog', '生猪'), commodity('piglet', '仔猪'), commodity('pork-carcass', '白条猪肉'), commodity('breeding-sow', '种母猪', 'HEAD')];
const mover = (c: ReturnType<typeof commodity>, avgFen: number, changePercent: number) => ({ commodity: c, day: '2026-11-30', avgFen, previousFen: avgFen, changePercent });

let answer: ChannelPricesQuery;
const asked: Record<string, unknown>[] = [];

async function mountSection(code = 'hog') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
  const wrapper = mount(ChannelPricesSection, { props: { code, channelName: '猪网' }, global: { plugins: [createPinia(), i18nPlugin(), router] } });
  await flushPromises();
  return wrapper;
}

describe('行情 on a channel page', () => {
  beforeEach(() => {
    asked.length = 0;
    gql.mockReset();
    gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown>) => {
      if (operationName(document) !== 'ChannelPrices') throw new Error('unexpected');
      asked.push(variables);
      return answer;
    });
    answer = {
      commodities: [HOG, PIGLET, PORK, HEAD],
      priceMovers: [mover(PIGLET, 2740, 2.5), mover(HOG, 1503, -0.34), mover(HEAD, 360000, 0.2), mover(PORK, 2184, 0)],
      channelPriceIndex: { base: '2024-12-01', points: [{ period: '2024-12-01', value: 100 }, { period: '2025-01-01', value: 103.06 }] },
    };
  });

  it('lists the channel’s commodities with their latest average, per 斤 where by weight, and the change', async () => {
    const wrapper = await mountSection();
    expect(asked).toEqual([{ channel: 'hog' }]);
    const hog = wrapper.get('[data-testid="price-commodity-live-hog"]');
    expect(hog.get('[data-testid="price-commodity-link"]').attributes('href')).toBe('/prices/live-hog');
    expect(hog.get('[data-testid="price-latest"]').text()).toBe('¥15.03 / 千克');
    expect(hog.text()).toContain('¥7.52 / 斤');
    expect(hog.get('[data-testid="price-change"]').text()).toBe('▼−0.3%');
    // counted per head: no 斤
    expect(wrapper.get('[data-testid="price-commodity-breeding-sow"]').text()).not.toContain('斤');
    expect(wrapper.get('[data-testid="price-commodity-breeding-sow"] [data-testid="price-latest"]').text()).toBe('¥3,600.00 / 头');
  });

  it('says which commodities have no quotes, draws the index from its base month, and shows the three largest moves', async () => {
    answer = { ...answer, priceMovers: answer.priceMovers.filter((m) => m.commodity.code !== 'pork-carcass') };
    const wrapper = await mountSection();
    expect(wrapper.get('[data-testid="price-commodity-pork-carcass"] [data-testid="price-none"]').text()).toBe('暂无报价');
    expect(wrapper.get('[data-testid="chart-stub"]').attributes('aria-label')).toBe('猪网价格指数走势，以 2024-12 为 100');
    expect(wrapper.findAll('[data-testid="price-mover"]').map((m) => m.attributes('data-code'))).toEqual(['piglet', 'live-hog', 'breeding-sow']);
  });

  it('shows nothing for a channel without commodities, and no chart without an index', async () => {
    answer = { commodities: [], priceMovers: [], channelPriceIndex: { base: null, points: [] } };
    expect((await mountSection('tea')).find('[data-testid="channel-prices"]').exists()).toBe(false);
    answer = { commodities: [HOG], priceMovers: [], channelPriceIndex: { base: null, points: [] } };
    const wrapper = await mountSection();
    expect(wrapper.find('[data-testid="chart-stub"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="channel-price-movers"]').exists()).toBe(false);
  });
});
