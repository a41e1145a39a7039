import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { saveTokens } from '../src/graphql';
import type { MarketFieldsFragment } from '../src/graphql/generated/graphql';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));
vi.mock('../src/graphql/live', () => ({ liveUrl: () => 'ws://shop.test/graphql', notificationTransport: () => ({ open: () => () => undefined }) }));

const MAWANGDUI: MarketFieldsFragment = { id: '7', code: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyCode: '430102' };
let reporting: MarketFieldsFragment[];
const asked: string[] = [];

beforeEach(() => {
  reporting = [MAWANGDUI];
  asked.length = 0;
  localStorage.clear();
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }) => {
    const name = operationName(document);
    asked.push(name);
    switch (name) {
      case 'Channels':
        return { channels: [] };
      case 'ReportingMarkets':
        return { myReportingMarkets: reporting };
      case 'NotificationStart':
        return { unreadNotificationCount: 0, notifications: { nodes: [] } };
      case 'LogOut':
        return { logOut: true };
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
});

async function mountHeader(signedIn: boolean) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  if (signedIn) {
    saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
    session.viewer = { id: 'u1', phone: '13900000001', displayName: '李报价', isPlatformAdmin: false, memberships: [] };
  }
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push('/prices');
  const header = mount(AppHeader, { global: { plugins: [i18nPlugin(), pinia, router] } });
  await flushPromises();
  return { header, session };
}

describe('the way to 报价 in the header', () => {
  it('is there for a market reporter, asked about once, and goes when they log out', async () => {
    const { header } = await mountHeader(true);
    expect(header.get('[data-testid="nav-report"]').attributes('href')).toBe('/report');
    expect(header.get('[data-testid="nav-report"]').text()).toBe('报价');
    expect(asked.filter((n) => n === 'ReportingMarkets')).toHaveLength(1);
    await header.get('[data-testid="logout"]').trigger('click');
    await flushPromises();
    expect(header.find('[data-testid="nav-report"]').exists()).toBe(false);
  });

  it('is not there for someone who reports for no market', async () => {
    reporting = [];
    const { header } = await mountHeader(true);
    expect(header.find('[data-testid="nav-console"]').exists()).toBe(true);
    expect(header.find('[data-testid="nav-report"]').exists()).toBe(false);
  });

  it('asks nothing about reporting for a visitor', async () => {
    const { header } = await mountHeader(false);
    expect(header.find('[data-testid="nav-report"]').exists()).toBe(false);
    expect(asked).not.toContain('ReportingMarkets');
  });
});
