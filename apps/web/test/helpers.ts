import { createAppI18n } from '../src/i18n';

/** The real message catalogue, Chinese first, as the app installs it. */
export function i18nPlugin() {
  return createAppI18n('zh-CN');
}
