import { shallowRef, watch, type ShallowRef } from 'vue';
import { gql } from '../graphql';
import type { TypedDocumentString } from '../graphql/generated/graphql';

export interface MarketQuery<TResult, TVariables> {
  /** The last answer; kept while the next one is on its way, so a chart does not blink. */
  data: Readonly<ShallowRef<TResult | null>>;
  /** The variables `data` answers (while the next answer is on its way, those of the one before). */
  answered: Readonly<ShallowRef<TVariables | null>>;
  loading: Readonly<ShallowRef<boolean>>;
  /** Why the last ask failed; null when it did not. */
  error: Readonly<ShallowRef<unknown>>;
  reload: () => Promise<void>;
}

/**
 * A public query of the 行情 pages, asked again whenever its variables change (another channel,
 * another range). Prices are the same for everybody, so it is asked without the session and the
 * API answers from its cache. An answer overtaken by a newer ask is dropped. `null` variables: not
 * yet (nothing is asked).
 */
export function useMarketQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: () => TVariables | null): MarketQuery<TResult, TVariables> {
  const data = shallowRef<TResult | null>(null);
  const answered = shallowRef<TVariables | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    const vars = variables();
    if (vars === null) {
      loading.value = false;
      return;
    }
    loading.value = true;
    error.value = null;
    try {
      const result = await gql(document, vars, { anonymous: true });
      if (mine === generation) {
        data.value = result;
        answered.value = vars;
      }
    } catch (e) {
      if (mine === generation) error.value = e;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(() => JSON.stringify(variables()), () => void reload(), { immediate: true });
  return { data, answered, loading, error, reload };
}
