import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import LiveToasts from '../src/components/LiveToasts.vue';
import { saveTokens } from '../src/graphql';
import type { NotificationFieldsFragment, NotificationPreferenceFieldsFragment } from '../src/graphql/generated/graphql';
import type { LiveHandlers } from '../src/lib/liveConnection';
import NotificationSettingsPage from '../src/pages/NotificationSettingsPage.vue';
import NotificationsPage from '../src/pages/NotificationsPage.vue';
import { useLiveStore } from '../src/stores/live';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, notification, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const socket = vi.hoisted(() => ({ handlers: null as LiveHandlers<NotificationFieldsFragment> | null }));
vi.mock('../src/graphql/live', () => ({
  liveUrl: () => 'ws://shop.test/graphql',
  notificationTransport: () => ({
    open(_request: unknown, handlers: LiveHandlers<NotificationFieldsFragment>) {
      socket.handlers = handlers;
      return () => undefined;
    },
  }),
}));

let list: NotificationFieldsFragment[];
let preferences: NotificationPreferenceFieldsFragment[];
let refuseKind: string | null;
const sent: { name: string; variables: Record<string, unknown> }[] = [];

function answer() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    const unread = () => list.filter((n) => !n.readAt).length;
    switch (name) {
      case 'NotificationStart':
        return { unreadNotificationCount: unread(), notifications: { nodes: list.slice(0, 1).map((n) => ({ id: n.id })) } };
      case 'UnreadNotificationCount':
        return { unreadNotificationCount: unread() };
      case 'Notifications': {
        const nodes = variables.unreadOnly ? list.filter((n) => !n.readAt) : list;
        return { notifications: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } };
      }
      case 'MarkNotificationsRead': {
        const ids = variables.ids as string[] | undefined;
        const before = unread();
        list = list.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? '2026-03-02T00:00:00Z' } : n));
        return { markNotificationsRead: before - unread() };
      }
      case 'NotificationPreferences':
        return { notificationPreferences: preferences };
      case 'SetNotificationPreference':
        if (variables.kind === refuseKind) throw new Error('offline');
        preferences = preferences.map((p) => (p.kind === variables.kind ? { ...p, enabled: Boolean(variables.enabled) } : p));
        return { setNotificationPreference: preferences };
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
}

async function mountAt(path: string, component: object) {
  const pinia = createPinia();
  setActivePinia(pinia);
  saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
  const session = useSessionStore();
  session.viewer = { id: 'u1', phone: '13900000001', displayName: '周社长', isPlatformAdmin: false, memberships: [] };
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  const wrapper = mount({ components: { Page: component, LiveToasts }, template: '<Page /><LiveToasts />' }, { global: { plugins: [i18nPlugin(), pinia, router] } });
  await flushPromises();
  return { wrapper, router, live: useLiveStore() };
}

describe('NotificationsPage', () => {
  beforeEach(() => {
    list = [notification('3'), notification('2', false, null), notification('1', true)];
    sent.length = 0;
    gql.mockReset();
    answer();
  });

  afterEach(() => saveTokens(null));

  it('lists notifications newest first with the unread ones marked', async () => {
    const { wrapper, live } = await mountAt('/notifications', NotificationsPage);
    const rows = wrapper.findAll('[data-testid="notification"]');
    expect(rows.map((r) => r.get('[data-testid="notification-title"]').text())).toEqual(['合作社3 已通过认证', '合作社2 已通过认证', '合作社1 已通过认证']);
    expect(rows.map((r) => r.attributes('data-unread'))).toEqual(['true', 'true', 'false']);
    expect(live.unreadCount).toBe(2);
  });

  it('a click marks it read and follows its link', async () => {
    const { wrapper, router, live } = await mountAt('/notifications', NotificationsPage);
    await wrapper.findAll('[data-testid="notification-open"]')[0]!.trigger('click');
    await flushPromises();
    expect(sent.find((s) => s.name === 'MarkNotificationsRead')?.variables).toEqual({ ids: ['3'] });
    expect(router.currentRoute.value.fullPath).toBe('/console?org=o1');
    expect(live.unreadCount).toBe(1);
  });

  it('one without a link is only marked read', async () => {
    const { wrapper, router } = await mountAt('/notifications', NotificationsPage);
    await wrapper.findAll('[data-testid="notification-open"]')[1]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/notifications');
    expect(wrapper.findAll('[data-testid="notification"]')[1]!.attributes('data-unread')).toBe('false');
  });

  it('全部标为已读 marks every one read and the bell count goes to 0', async () => {
    const { wrapper, live } = await mountAt('/notifications', NotificationsPage);
    await wrapper.get('[data-testid="mark-all-read"]').trigger('click');
    await flushPromises();
    expect(sent.find((s) => s.name === 'MarkNotificationsRead')?.variables).toEqual({});
    expect(live.unreadCount).toBe(0);
    expect(wrapper.findAll('[data-testid="notification"]').map((r) => r.attributes('data-unread'))).toEqual(['false', 'false', 'false']);
    expect(wrapper.get('[data-testid="all-read-done"]').text()).toBe('已全部标为已读');
    expect(wrapper.get('[data-testid="mark-all-read"]').attributes('disabled')).toBeDefined();
  });

  it('a notification that arrives while it is open joins the top, with a toast', async () => {
    const { wrapper, live } = await mountAt('/notifications', NotificationsPage);
    socket.handlers!.connected();
    socket.handlers!.next(notification('4'));
    await flushPromises();
    expect(wrapper.findAll('[data-testid="notification"]')[0]!.attributes('data-unread')).toBe('true');
    expect(wrapper.findAll('[data-testid="notification-title"]')[0]!.text()).toBe('合作社4 已通过认证');
    expect(wrapper.get('[data-testid="toast-title"]').text()).toBe('合作社4 已通过认证');
    expect(live.unreadCount).toBe(3);

    // the toast opens it like the list does
    await wrapper.get('[data-testid="toast-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="toast"]').exists()).toBe(false);
    expect(sent.filter((s) => s.name === 'MarkNotificationsRead').at(-1)?.variables).toEqual({ ids: ['4'] });
  });

  it('the toast closes with ×', async () => {
    const { wrapper } = await mountAt('/notifications', NotificationsPage);
    socket.handlers!.next(notification('5'));
    await flushPromises();
    await wrapper.get('[data-testid="toast-close"]').trigger('click');
    expect(wrapper.find('[data-testid="toast"]').exists()).toBe(false);
    expect(sent.some((s) => s.name === 'MarkNotificationsRead')).toBe(false);
  });

  it('只看未读 asks for unread ones only', async () => {
    const { wrapper } = await mountAt('/notifications?unread=1', NotificationsPage);
    expect(sent.find((s) => s.name === 'Notifications')?.variables).toMatchObject({ unreadOnly: true });
    expect(wrapper.findAll('[data-testid="notification"]')).toHaveLength(2);
  });
});

describe('NotificationSettingsPage', () => {
  beforeEach(() => {
    list = [];
    preferences = [
      { kind: 'organisation-verified', labelZh: '组织通过认证', labelEn: 'Organisation verified', enabled: true },
      { kind: 'organisation-suspended', labelZh: '组织被暂停', labelEn: 'Organisation suspended', enabled: true },
    ];
    refuseKind = null;
    sent.length = 0;
    gql.mockReset();
    answer();
  });

  afterEach(() => saveTokens(null));

  it('shows a switch per kind with the API’s names and saves a change', async () => {
    const { wrapper } = await mountAt('/settings/notifications', NotificationSettingsPage);
    const rows = wrapper.findAll('[data-testid="notification-preference"]');
    expect(rows.map((r) => r.get('[data-testid="notification-preference-label"]').text())).toEqual(['组织通过认证', '组织被暂停']);
    const toggle = rows[0]!.get<HTMLInputElement>('[data-testid="notification-preference-toggle"]');
    expect(toggle.element.checked).toBe(true);
    await toggle.setValue(false);
    await flushPromises();
    expect(sent.find((s) => s.name === 'SetNotificationPreference')?.variables).toEqual({ kind: 'organisation-verified', enabled: false });
    expect(wrapper.findAll('[data-testid="notification-preference-toggle"]')[0]!.element).toHaveProperty('checked', false);
    expect(wrapper.get('[data-testid="notification-preference-saved"]').text()).toBe('已保存');
  });

  it('puts the switch back when saving fails', async () => {
    refuseKind = 'organisation-suspended';
    const { wrapper } = await mountAt('/settings/notifications', NotificationSettingsPage);
    const toggle = () => wrapper.findAll<HTMLInputElement>('[data-testid="notification-preference-toggle"]')[1]!;
    await toggle().setValue(false);
    await flushPromises();
    expect(toggle().element.checked).toBe(true);
    expect(wrapper.findAll('[data-testid="notification-preference"]')[1]!.find('[role="alert"]').exists()).toBe(true);
  });
});
