import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue';

export interface Suggestion {
  text: string;
  /** Listings it finds. */
  count: number;
}

/** Asks for the suggestions for `q`; `signal` aborts the request when the typing moved on. */
export type SuggestionSource = (q: string, signal: AbortSignal) => Promise<Suggestion[]>;

export interface Suggestions {
  /** The suggestions for what was typed last (empty while the first answer for it is on its way). */
  items: Readonly<Ref<Suggestion[]>>;
  /** What was typed; asks once typing pauses for `delayMs`. */
  update: (typed: string) => void;
  /** Forgets the suggestions and drops any answer still on its way. */
  clear: () => void;
}

/**
 * Suggestions as the buyer types: one request once typing pauses, the previous one aborted, and an
 * answer used only if it is for the latest words, so a slow answer for 安 never replaces the one
 * for 安化. A failed request just shows none; the search itself still works.
 */
export function useSuggestions(source: SuggestionSource, { delayMs = 150 } = {}): Suggestions {
  const items = shallowRef<Suggestion[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let latest = 0;

  function stop(): number {
    clearTimeout(timer);
    timer = undefined;
    inFlight?.abort();
    inFlight = undefined;
    return ++latest;
  }

  function update(typed: string): void {
    const mine = stop();
    const q = typed.trim();
    if (!q) {
      items.value = [];
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      const controller = new AbortController();
      inFlight = controller;
      source(q, controller.signal).then(
        (found) => {
          if (mine === latest) items.value = found;
        },
        () => {
          if (mine === latest) items.value = [];
        },
      );
    }, delayMs);
  }

  function clear(): void {
    stop();
    items.value = [];
  }

  if (getCurrentScope()) onScopeDispose(stop);
  return { items, update, clear };
}
