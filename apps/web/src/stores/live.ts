import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { ApiError, currentAccessToken, gql } from '../graphql';
import {
  MarkNotificationsReadDocument,
  NotificationStartDocument,
  UnreadNotificationCountDocument,
  type NotificationFieldsFragment,
} from '../graphql/generated/graphql';
import { liveUrl, notificationTransport } from '../graphql/live';
import { createLiveConnection, type LiveConnection, type LiveStatus } from '../lib/liveConnection';
import { useSessionStore } from './session';

export type LiveNotification = NotificationFieldsFragment;

/** What pages showing notifications hear: one arrived, or some were marked read (all of them: `ids` null). */
export type LiveEvent = { type: 'added'; notification: LiveNotification } | { type: 'read'; ids: string[] | null; at: string };

export interface Toast {
  key: number;
  notification: LiveNotification;
}

/** How long a toast stays, unless the pointer or focus is on it. */
export const TOAST_MS = 8_000;
const MAX_TOASTS = 3;
/** Notifications often come in a burst (one per owner, a retry): one count query after it settles. */
const COUNT_DEBOUNCE_MS = 300;

/**
 * The tab's live notifications: one WebSocket connection per tab while someone is signed in (it
 * follows the session: a log-out, or a session that ended elsewhere, closes it for good), the bell's
 * unread count, the toasts for notifications that arrive, and marking notifications read.
 */
export const useLiveStore = defineStore('live', () => {
  const session = useSessionStore();
  const unreadCount = ref(0);
  const status = ref<LiveStatus>('idle');
  const toasts = shallowRef<Toast[]>([]);

  const listeners = new Set<(event: LiveEvent) => void>();
  const toastTimers = new Map<number, ReturnType<typeof setTimeout>>();
  let toastKey = 0;
  let connection: LiveConnection | null = null;
  /** a new session (or none) starts a new generation; answers for an older one are dropped */
  let generation = 0;
  let countTimer: ReturnType<typeof setTimeout> | null = null;

  function emit(event: LiveEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  /** Hears every notification that arrives and every change to what is read; returns how to stop. */
  function listen(listener: (event: LiveEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async function loadCount(): Promise<void> {
    const mine = generation;
    const data = await gql(UnreadNotificationCountDocument);
    if (mine === generation && session.isLoggedIn) unreadCount.value = data.unreadNotificationCount;
  }

  /** Asks the API for the unread count a moment from now (the bell corrects itself after a burst, another tab, …). */
  function recount(): void {
    if (countTimer) clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      countTimer = null;
      if (session.isLoggedIn) loadCount().catch(() => undefined);
    }, COUNT_DEBOUNCE_MS);
  }

  /**
   * After the socket was refused as unauthenticated: a cheap authenticated query through the HTTP
   * client, which renews an expired access token on the way. False when the session is over.
   */
  async function renew(): Promise<boolean> {
    try {
      await loadCount();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'auth/unauthenticated') return false;
      throw error;
    }
  }

  function showToast(notification: LiveNotification): void {
    const key = ++toastKey;
    const kept = [...toasts.value, { key, notification }];
    for (const gone of kept.slice(0, Math.max(0, kept.length - MAX_TOASTS))) clearToastTimer(gone.key);
    toasts.value = kept.slice(-MAX_TOASTS);
    release(key);
  }

  function clearToastTimer(key: number): void {
    const timer = toastTimers.get(key);
    if (timer) clearTimeout(timer);
    toastTimers.delete(key);
  }

  function dismiss(key: number): void {
    clearToastTimer(key);
    toasts.value = toasts.value.filter((toast) => toast.key !== key);
  }

  /** The pointer or focus is on the toast: it stays until `release`. */
  function hold(key: number): void {
    clearToastTimer(key);
  }

  /** (Re)starts the toast's countdown. */
  function release(key: number): void {
    if (!toasts.value.some((toast) => toast.key === key)) return;
    clearToastTimer(key);
    toastTimers.set(
      key,
      setTimeout(() => dismiss(key), TOAST_MS),
    );
  }

  function received(notification: LiveNotification): void {
    if (!notification.readAt) unreadCount.value += 1;
    showToast(notification);
    emit({ type: 'added', notification });
    recount();
  }

  async function start(): Promise<void> {
    const mine = ++generation;
    let after: string | null = null;
    let counted = false;
    try {
      const data = await gql(NotificationStartDocument);
      if (mine !== generation) return;
      unreadCount.value = data.unreadNotificationCount;
      // with none yet, "0": from the first one, so that one arriving before the socket is up is not missed
      after = data.notifications.nodes[0]?.id ?? '0';
      counted = true;
    } catch {
      // The feed still starts; the bell's count comes once it is connected.
      if (mine !== generation) return;
    }
    connection = createLiveConnection<LiveNotification>({
      transport: notificationTransport(liveUrl(window.location)),
      accessToken: currentAccessToken,
      renew,
      onItem: received,
      // after a reconnect the missed ones arrive one by one; the count is asked again to be sure
      onConnected: (again) => {
        if (again || !counted) recount();
      },
      onStatus: (next) => {
        if (mine === generation) status.value = next;
      },
    });
    connection.start(after);
  }

  function stop(): void {
    generation += 1;
    connection?.stop();
    connection = null;
    if (countTimer) clearTimeout(countTimer);
    countTimer = null;
    for (const key of toastTimers.keys()) clearToastTimer(key);
    toasts.value = [];
    unreadCount.value = 0;
    status.value = 'stopped';
  }

  /** Marks these notifications read (all of them without ids); resolves to how many changed. */
  async function markRead(ids?: string[]): Promise<number> {
    const mine = generation;
    const changed = (await gql(MarkNotificationsReadDocument, ids ? { ids } : {})).markNotificationsRead;
    if (mine !== generation) return changed;
    unreadCount.value = ids ? Math.max(0, unreadCount.value - changed) : 0;
    // a toast about something read has said what it had to
    for (const toast of toasts.value) if (!ids || ids.includes(toast.notification.id)) dismiss(toast.key);
    emit({ type: 'read', ids: ids ?? null, at: new Date().toISOString() });
    recount();
    return changed;
  }

  // One connection per signed-in user: a log-out closes it, another user gets a new one.
  watch(
    () => session.viewer?.id ?? null,
    (userId, previous) => {
      if (userId === previous && connection) return;
      if (connection || previous) stop();
      if (userId) void start();
    },
    { immediate: true },
  );

  if (typeof window !== 'undefined') {
    // Back online, or back to the tab: retry a waiting connection now, and see what other tabs marked read.
    window.addEventListener('online', () => connection?.wake());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || !connection) return;
      connection.wake();
      recount();
    });
  }

  return { unreadCount, status, toasts, listen, dismiss, hold, release, markRead, recount };
});
