import { useI18n } from 'vue-i18n';
import { ApiError } from '../graphql';
import type { Message } from '../lib/messages';

/**
 * API data carries both languages side by side (nameZh / nameEn, labelZh / labelEn, messageZh / messageEn);
 * these helpers pick the one matching the UI language.
 */
export function useLocalized() {
  const { locale, t } = useI18n();
  const isEn = () => locale.value === 'en';

  function name(item: { nameZh: string; nameEn: string } | null | undefined): string {
    if (!item) return '';
    return isEn() ? item.nameEn || item.nameZh : item.nameZh;
  }

  function label(item: { labelZh: string; labelEn: string }): string {
    return isEn() ? item.labelEn || item.labelZh : item.labelZh;
  }

  function description(item: { descriptionZh: string; descriptionEn: string }): string {
    return isEn() ? item.descriptionEn || item.descriptionZh : item.descriptionZh;
  }

  function errorText(error: unknown): string {
    if (error instanceof ApiError) return isEn() ? error.messageEn : error.messageZh;
    return isEn() ? 'Something went wrong' : '出错了，请稍后再试';
  }

  /** A moment (an ISO timestamp from the API) as people here write it: 2026/3/1 16:00:00, 01/03/2026, 16:00:00. */
  function dateTime(iso: string): string {
    return new Date(iso).toLocaleString(isEn() ? 'en-GB' : 'zh-CN');
  }

  /** A field or form message in the UI language. */
  function say(message: Message | null | undefined): string {
    if (!message) return '';
    return 'text' in message ? message.text : t(message.key, message.params ?? {});
  }

  return { name, label, description, errorText, isEn, say, dateTime };
}
