import { nextTick, ref, watch, type Ref, type WatchSource } from 'vue';
import type { Message } from '../lib/messages';

/**
 * Errors shown beside the fields of a form. A field's error goes away as soon as its value changes
 * (the person is fixing it), not at the next submit.
 */
export function useFieldErrors<F extends string>() {
  const errors = ref({}) as Ref<Partial<Record<F, Message>>>;

  function clear(field: F): void {
    if (!errors.value[field]) return;
    const next = { ...errors.value };
    delete next[field];
    errors.value = next;
  }

  function clearOnChange(field: F, source: WatchSource): void {
    watch(source, () => clear(field), { deep: true });
  }

  function set(field: F, error: Message): void {
    errors.value = { ...errors.value, [field]: error };
  }

  return { errors, clear, clearOnChange, set };
}

/**
 * After a failed submit: brings the first field marked invalid (aria-invalid="true", in page order)
 * into view and focuses it, so on a phone the person sees what to fix instead of a message far below.
 */
export async function revealFirstInvalid(root: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
