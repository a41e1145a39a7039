import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { ApiError, saveTokens } from '../src/graphql';
import type { NotificationFieldsFragment, ViewerFieldsFragment } from '../src/graphql/generated/graphql';
import type { LiveHandlers, LiveRequest } from '../src/lib/liveConnection';
import { TOAST_MS, useLiveStore, type LiveEvent } from '../src/stores/live';
import { useSessionStore } from '../src/stores/session';
import { notification, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

/** The WebSocket side, played by the test: every connection the store opens, and whether it was closed. */
const socket = vi.hoisted(() => ({
  connections: [] as { request: LiveRequest; handlers: LiveHandlers<NotificationFieldsFragment>; closed: boolean }[],
}));
vi.mock('../src/graphql/live', () => ({
  liveUrl: () => 'ws://shop.test/graphql',
  notificationTransport: () => ({
    open(request: LiveRequest, handlers: LiveHandlers<NotificationFieldsFragment>) {
      const connection = { request, handlers, closed: false };
      socket.connections.push(connection);
      return () => {
        connection.closed = true;
      };
    },
  }),
}));

const VIEWER: ViewerFieldsFragment = { id: 'u1', phone: '13900000001', displayName: '周社长', isPlatformAdmin: false, memberships: [] };

/** The API: the newest id and the unread count, and what the count query answers. */
let unread = 2;
let newest: string | null = '40';
let onCount: () => void = () => undefined;
const sent: string[] = [];

function answer() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push(name);
    if (name === 'NotificationStart') return { unreadNotificationCount: unread, notifications: { nodes: newest ? [{ id: newest }] : [] } };
    if (name === 'UnreadNotificationCount') {
      onCount();
      return { unreadNotificationCount: unread };
    }
    if (name === 'MarkNotificationsRead') {
      const ids = variables.ids as string[] | undefined;
      const changed = ids ? ids.length : unread;
      unread = ids ? unread - ids.length : 0;
      return { markNotificationsRead: changed };
    }
    throw new Error(`unexpected ${name}`);
  });
}

const last = () => socket.connections[socket.connections.length - 1]!;

/** Lets the store's awaits (the start query, a renewal) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
  await nextTick();
}

async function signIn() {
  saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
  const session = useSessionStore();
  const live = useLiveStore();
  session.viewer = VIEWER;
  await settle();
  return { session, live };
}

describe('live store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
    socket.connections.length = 0;
    sent.length = 0;
    unread = 2;
    newest = '40';
    onCount = () => undefined;
    gql.mockReset();
    answer();
  });

  afterEach(() => {
    saveTokens(null);
    vi.useRealTimers();
  });

  it('connects once someone is signed in, going on from the newest id, with the unread count', async () => {
    const live = useLiveStore();
    await settle();
    expect(socket.connections).toHaveLength(0); // nobody signed in

    await signIn();
    expect(socket.connections).toHaveLength(1);
    expect(last().request).toEqual({ accessToken: 'A1', after: '40' });
    expect(live.unreadCount).toBe(2);
    last().handlers.connected();
    await settle();
    expect(live.status).toBe('open');
  });

  it('a notification that arrives counts as unread, shows a toast and reaches the pages listening', async () => {
    const { live } = await signIn();
    last().handlers.connected();
    const heard: LiveEvent[] = [];
    live.listen((event) => heard.push(event));

    unread = 3;
    last().handlers.next(notification('41'));
    expect(live.unreadCount).toBe(3);
    expect(live.toasts.map((t) => t.notification.id)).toEqual(['41']);
    expect(heard).toEqual([{ type: 'added', notification: notification('41') }]);

    // the toast goes by itself …
    await vi.advanceTimersByTimeAsync(TOAST_MS);
    expect(live.toasts).toEqual([]);

    // … or when closed, and not while held
    last().handlers.next(notification('42'));
    const key = live.toasts[0]!.key;
    live.hold(key);
    await vi.advanceTimersByTimeAsync(TOAST_MS * 2);
    expect(live.toasts).toHaveLength(1);
    live.release(key);
    live.dismiss(key);
    expect(live.toasts).toEqual([]);
  });

  it('keeps at most three toasts, the newest', async () => {
    const { live } = await signIn();
    for (const id of ['41', '42', '43', '44']) last().handlers.next(notification(id));
    expect(live.toasts.map((t) => t.notification.id)).toEqual(['42', '43', '44']);
  });

  it('asks for the unread count once after a burst of notifications', async () => {
    const { live } = await signIn();
    sent.length = 0;
    unread = 7; // e.g. some were marked read in another tab meanwhile
    for (const id of ['41', '42', '43']) last().handlers.next(notification(id));
    expect(live.unreadCount).toBe(5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['UnreadNotificationCount']);
    expect(live.unreadCount).toBe(7);
  });

  it('after a 4401 renews the tokens through the HTTP client, then reconnects with the new token after the newest id', async () => {
    const { live } = await signIn();
    last().handlers.connected();
    last().handlers.next(notification('41'));
    sent.length = 0;
    // the client refreshes the expired access token while answering the count query
    onCount = () => saveTokens({ accessToken: 'A2', refreshToken: 'R2' });
    last().handlers.ended({ reason: 'unauthenticated' });
    await settle();
    expect(sent[0]).toBe('UnreadNotificationCount');
    expect(socket.connections).toHaveLength(2);
    expect(last().request).toEqual({ accessToken: 'A2', after: '41' });
    last().handlers.connected();
    await settle();
    expect(live.status).toBe('open');
  });

  it('stops when the renewal finds the session over', async () => {
    const { live, session } = await signIn();
    gql.mockImplementation(async () => {
      saveTokens(null); // what the client does when the refresh token is refused
      throw new ApiError({ code: 'auth/unauthenticated', messageZh: '请先登录', messageEn: 'Please log in first' });
    });
    last().handlers.ended({ reason: 'unauthenticated' });
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connections).toHaveLength(1);
    expect(live.status).toBe('stopped');
    expect(session.isLoggedIn).toBe(false);
  });

  it('closes the connection on log-out and forgets the count and the toasts', async () => {
    const { live, session } = await signIn();
    last().handlers.connected();
    last().handlers.next(notification('41'));
    session.viewer = null;
    await settle();
    expect(last().closed).toBe(true);
    expect(live.status).toBe('stopped');
    expect(live.unreadCount).toBe(0);
    expect(live.toasts).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connections).toHaveLength(1);
  });

  it('another user signing in gets a connection of their own', async () => {
    const { session } = await signIn();
    const first = last();
    saveTokens({ accessToken: 'B1', refreshToken: 'RB' });
    newest = null;
    session.viewer = { ...VIEWER, id: 'u2' };
    await settle();
    expect(first.closed).toBe(true);
    expect(socket.connections).toHaveLength(2);
    // the second user has no notifications yet: the feed starts from the first one
    expect(last().request).toEqual({ accessToken: 'B1', after: '0' });
  });

  it('reconnects with backoff after the network drops', async () => {
    await signIn();
    last().handlers.connected();
    last().handlers.next(notification('45'));
    last().handlers.ended({ reason: 'network' });
    await vi.advanceTimersByTimeAsync(500);
    expect(socket.connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket.connections).toHaveLength(2);
    expect(last().request.after).toBe('45');
  });

  it('marks one or all read and tells the pages', async () => {
    const { live } = await signIn();
    const heard: LiveEvent[] = [];
    live.listen((event) => heard.push(event));
    await expect(live.markRead(['40'])).resolves.toBe(1);
    expect(live.unreadCount).toBe(1);
    unread += 2; // two more arrive
    last().handlers.next(notification('46'));
    last().handlers.next(notification('47'));
    await expect(live.markRead(['46'])).resolves.toBe(1);
    // a toast about something read goes
    expect(live.toasts.map((t) => t.notification.id)).toEqual(['47']);
    await expect(live.markRead()).resolves.toBe(2);
    expect(live.unreadCount).toBe(0);
    expect(live.toasts).toEqual([]);
    expect(heard.map((e) => (e.type === 'read' ? e.ids : e.type))).toEqual([['40'], 'added', 'added', ['46'], null]);
  });
});
