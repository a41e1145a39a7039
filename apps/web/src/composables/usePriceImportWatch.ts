import { getCurrentScope, onScopeDispose, shallowRef, watch } from 'vue';
import { gql } from '../graphql';
import { PriceImportProgressDocument, type PriceImportFieldsFragment } from '../graphql/generated/graphql';
import { importFinished } from '../lib/priceImports';

/**
 * Follows one price import while it runs: asks for its figures about once a second (rows read,
 * checked, written) until it has ended, then once more never. A failed ask is kept as `error` and
 * asked again on the next tick; while the tab is hidden nobody is looking, so it waits and asks
 * as soon as the tab is shown again. Another id starts over; `onFinished` hears each import end
 * once.
 */
export function usePriceImportWatch(id: () => string | null, options: { intervalMs?: number; onFinished?: (row: PriceImportFieldsFragment) => void } = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const row = shallowRef<PriceImportFieldsFragment | null>(null);
  const error = shallowRef<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let waitingForTab = false;

  const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

  function stop(): void {
    generation++;
    if (timer) clearTimeout(timer);
    timer = null;
    waitingForTab = false;
  }

  async function tick(mine: number): Promise<void> {
    timer = null;
    if (!visible()) {
      waitingForTab = true;
      return;
    }
    const current = id();
    if (!current) return;
    try {
      const data = await gql(PriceImportProgressDocument, { id: current });
      if (mine !== generation) return;
      row.value = data.priceImport;
      error.value = null;
      if (importFinished(data.priceImport.status)) {
        options.onFinished?.(data.priceImport);
        return;
      }
    } catch (e) {
      if (mine !== generation) return;
      error.value = e;
    }
    timer = setTimeout(() => void tick(mine), intervalMs);
  }

  function start(): void {
    stop();
    row.value = null;
    error.value = null;
    if (id()) void tick(generation);
  }

  function onVisibility(): void {
    if (waitingForTab && visible()) {
      waitingForTab = false;
      void tick(generation);
    }
  }

  watch(id, start, { immediate: true });
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  return { row, error };
}
