import { ref } from 'vue';
import { useLocalized } from './useLocalized';

/**
 * State for one thing a person starts with a button (log in, save, add a member): `busy` while it runs,
 * so the button can be disabled, and `error`, the API's message in the UI language when it failed.
 * `run` clears the error, awaits the work and resolves to whether it succeeded; it never throws.
 * `error` is a plain ref, so checks made before calling `run` can put their own message in it.
 */
export function useAction() {
  const { errorText } = useLocalized();
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function run(work: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await work();
      return true;
    } catch (e) {
      error.value = errorText(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
