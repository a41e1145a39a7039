import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { safeRedirect } from '../lib/redirect';
import { useLiveStore, type LiveNotification } from '../stores/live';

/**
 * A notification as the bell, the toasts and the notification centre show it: its title and body in
 * the UI language, its time, and what clicking it does (mark it read, then follow its link).
 */
export function useNotificationText() {
  const { locale } = useI18n();
  const live = useLiveStore();
  const router = useRouter();
  const isEn = () => locale.value === 'en';

  const title = (n: LiveNotification) => (isEn() ? n.titleEn || n.titleZh : n.titleZh);
  const body = (n: LiveNotification) => (isEn() ? n.bodyEn || n.bodyZh : n.bodyZh);
  const time = (iso: string) => new Date(iso).toLocaleString(isEn() ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

  /** Only paths on this site are followed. */
  const target = (n: LiveNotification) => safeRedirect(n.link);

  /**
   * Marks it read (a failure there must not keep people from where it leads), then opens its link.
   * Resolves to whether it was marked read.
   */
  async function open(n: LiveNotification): Promise<boolean> {
    let marked = Boolean(n.readAt);
    if (!marked) marked = await live.markRead([n.id]).then(() => true, () => false);
    const to = target(n);
    if (to) await router.push(to);
    return marked;
  }

  return { title, body, time, target, open };
}
