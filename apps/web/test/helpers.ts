import type { NotificationFieldsFragment } from '../src/graphql/generated/graphql';
import { createAppI18n, type Locale } from '../src/i18n';

/** The real message catalogue, Chinese first, as the app installs it. */
export function i18nPlugin(locale: Locale = 'zh-CN') {
  return createAppI18n(locale);
}

/** The operation a typed document names (`query Listings(…)` gives Listings), for fakes of the API that answer by name. */
export function operationName(document: { toString(): string }): string {
  return /(?:query|mutation) (\w+)/.exec(document.toString())?.[1] ?? '?';
}

/** A notification as the API sends it: an organisation was verified; unread unless `read`. */
export function notification(id: string, read = false, link: string | null = '/console?org=o1'): NotificationFieldsFragment {
  return {
    id,
    kind: 'organisation-verified',
    titleZh: `合作社${id} 已通过认证`,
    titleEn: `Cooperative ${id} is verified`,
    bodyZh: '您的供应现在对买家公开。',
    bodyEn: 'Your listings are now public to buyers.',
    link,
    readAt: read ? '2026-03-01T09:00:00Z' : null,
    createdAt: '2026-03-01T08:00:00Z',
  };
}
