import { createAppI18n, type Locale } from '../src/i18n';

/** The real message catalogue, Chinese first, as the app installs it. */
export function i18nPlugin(locale: Locale = 'zh-CN') {
  return createAppI18n(locale);
}
