import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../src/graphql/client';
import type { ListingCardFragment as Listing, SellerQuery } from '../src/graphql/generated/graphql';
import SellerPage from '../src/pages/SellerPage.vue';
import { i18nPlugin } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

type Seller = SellerQuery['organisation'];

const SELLER: Seller = {
  id: 'org-1',
  name: '麻阳苗族自治县冰糖橙合作社',
  kind: 'COOPERATIVE',
  verificationStatus: 'VERIFIED',
  description: '社员 300 户',
  verifiedAt: '2026-01-01T00:00:00Z',
  createdAt: '2025-12-01T00:00:00Z',
  isDemo: false,
  certifications: ['GEO_INDICATION'],
  county: { code: '431226', name: '麻阳苗族自治县', prefectureCode: '4312', prefectureName: '怀化市', isPovertyCounty: true },
};

function listing(n: number): Listing {
  return {
    id: `l${n}`,
    title: `冰糖橙 ${n} 号`,
    unitInfo: { code: 'JIN', nameZh: '斤', nameEn: 'jin', isMass: true },
    basePriceFen: 380,
    pricePerKgFen: 760,
    isDemo: false,
    isPovertyProduct: true,
    seller: { id: 'org-1', name: SELLER.name },
    channel: { code: 'fruit', nameZh: '果网', nameEn: 'Fruit' },
    originCounty: SELLER.county,
    images: [],
  };
}

const requests: { query: string; variables: Record<string, unknown> }[] = [];

function answerWith(seller: () => Seller) {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    // Documents are strings (documentMode 'string'): what is sent is their text.
    const query = document.toString();
    requests.push({ query, variables });
    if (query.includes('query Seller(')) return { organisation: seller() };
    if (query.includes('query Reference')) return { units: [], certifications: [{ code: 'GEO_INDICATION', nameZh: '地理标志产品', nameEn: 'Geographical indication' }] };
    if (query.includes('query Listings')) {
      // two pages: l1–l12, then l13
      return variables.after
        ? { listings: { nodes: [listing(13)], pageInfo: { hasNextPage: false, endCursor: 'c2' } } }
        : { listings: { nodes: Array.from({ length: 12 }, (_, i) => listing(i + 1)), pageInfo: { hasNextPage: true, endCursor: 'c1' } } };
    }
    throw new Error(`unexpected query ${query}`);
  });
}

async function mountPage(id = 'org-1') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push(`/s/${id}`);
  const wrapper = mount(SellerPage, { props: { id }, global: { plugins: [i18nPlugin(), createPinia(), router] } });
  await flushPromises();
  return wrapper;
}

describe('SellerPage', () => {
  beforeEach(() => {
    gql.mockReset();
    requests.length = 0;
  });

  it('shows the profile: kind, county with prefecture and the 扶贫 mark, certifications and the verified mark', async () => {
    answerWith(() => SELLER);
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="seller-page-name"]').text()).toBe(SELLER.name);
    expect(wrapper.get('[data-testid="seller-page-kind"]').text()).toBe('农民专业合作社');
    expect(wrapper.get('[data-testid="seller-page-county"]').text()).toContain('怀化市 麻阳苗族自治县');
    expect(wrapper.get('[data-testid="seller-page-poverty"]').text()).toBe('扶贫县');
    expect(wrapper.get('[data-testid="seller-page-verified"]').text()).toBe('认证商家');
    expect(wrapper.get('[data-testid="seller-page-certifications"]').text()).toBe('地理标志产品');
    expect(wrapper.get('[data-testid="seller-page-description"]').text()).toBe('社员 300 户');
    // the public profile is asked for without uscc or other members-only fields
    const profileQuery = requests.find((r) => r.query.includes('query Seller('))!.query;
    expect(profileQuery).not.toMatch(/uscc|rejectionReason|members|contact/);
  });

  it('pages through the seller’s public listings with 加载更多', async () => {
    answerWith(() => SELLER);
    const wrapper = await mountPage();
    expect(wrapper.findAll('[data-testid="listing-card"]')).toHaveLength(12);
    expect(requests.find((r) => r.query.includes('query Listings'))!.variables).toMatchObject({ sellerId: 'org-1', after: null });
    await wrapper.get('[data-testid="seller-page-more"]').trigger('click');
    await flushPromises();
    expect(requests.filter((r) => r.query.includes('query Listings')).at(-1)!.variables).toMatchObject({ sellerId: 'org-1', after: 'c1' });
    expect(wrapper.findAll('[data-testid="listing-card"]')).toHaveLength(13);
    expect(wrapper.find('[data-testid="seller-page-more"]').exists()).toBe(false);
  });

  it('says when the seller is not verified', async () => {
    answerWith(() => ({ ...SELLER, verificationStatus: 'PENDING' }));
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="seller-page-verified"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="seller-page-unverified"]').text()).toBe('尚未通过平台认证');
  });

  it('shows "not found" with a way home for an unknown seller, and no retry', async () => {
    answerWith(() => {
      throw new ApiError({ code: 'org/not-found', messageZh: '组织不存在', messageEn: 'Organisation not found' });
    });
    const wrapper = await mountPage('00000000-0000-0000-0000-000000000000');
    expect(wrapper.get('[data-testid="seller-not-found"] h1').text()).toBe('卖家不存在');
    expect(wrapper.get('[data-testid="not-found-home"]').attributes('href')).toBe('/');
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false);
  });

  it('keeps 重试 for a failure that may pass', async () => {
    answerWith(() => {
      throw new ApiError({ code: 'network/unreachable', messageZh: '网络连接失败，请稍后再试', messageEn: 'x' });
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="load-error"]').text()).toContain('网络连接失败');
    expect(wrapper.find('[data-testid="seller-not-found"]').exists()).toBe(false);
    answerWith(() => SELLER);
    await wrapper.get('[data-testid="load-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="seller-page-name"]').text()).toBe(SELLER.name);
  });
});
