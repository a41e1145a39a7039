import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/** Keeps the browser tab title in step with the page and the UI language. */
export function usePageTitle(part: () => string | null | undefined): void {
  const { t } = useI18n();
  watchEffect(() => {
    const text = part();
    document.title = text ? `${text} · ${t('app.name')}` : `${t('app.name')} · ${t('app.tagline')}`;
  });
}
