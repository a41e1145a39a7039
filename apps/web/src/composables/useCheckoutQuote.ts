import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { gql } from '../graphql';
import { CheckoutQuoteDocument, type CartInput, type QuoteFieldsFragment } from '../graphql/generated/graphql';
import { checkoutFingerprint } from '../lib/checkoutAttempt';

export type QuoteClient = (input: CartInput) => Promise<QuoteFieldsFragment>;

const askApi: QuoteClient = async (input) => (await gql(CheckoutQuoteDocument, { input })).checkoutQuote;

/**
 * What the cart costs, asked of the API (`checkoutQuote`) a moment after the cart, the delivery or
 * a payment method last changed, and again on `refresh`. `input` is read reactively; null while the
 * cart cannot be quoted yet (empty, no place to deliver to, nobody signed in).
 *
 * Only the answer for the latest input is kept: a slow answer for an earlier cart never replaces a
 * newer one. `fresh` says the quote shown is for the cart as it is now, which is what the buyer
 * confirms when placing it (its total is sent as expectedTotalFen).
 */
export function useCheckoutQuote(input: () => CartInput | null, { delayMs = 250, client = askApi }: { delayMs?: number; client?: QuoteClient } = {}) {
  const quote = shallowRef<QuoteFieldsFragment | null>(null);
  const quotedFingerprint = ref<string | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fingerprint = computed(() => {
    const current = input();
    return current ? checkoutFingerprint(current) : null;
  });
  const fresh = computed(() => quote.value !== null && !loading.value && quotedFingerprint.value === fingerprint.value);

  /** Asks now; resolves to the quote for the cart as it is (null when it failed or was overtaken). */
  function refresh(): Promise<QuoteFieldsFragment | null> {
    clearTimeout(timer);
    const mine = ++generation;
    const current = input();
    if (!current) {
      quote.value = null;
      quotedFingerprint.value = null;
      loading.value = false;
      error.value = null;
      return Promise.resolve(null);
    }
    const asked = checkoutFingerprint(current);
    loading.value = true;
    error.value = null;
    return client(current).then(
      (answer) => {
        if (mine !== generation) return null;
        quote.value = answer;
        quotedFingerprint.value = asked;
        loading.value = false;
        return answer;
      },
      (failure: unknown) => {
        if (mine !== generation) return null;
        quote.value = null;
        quotedFingerprint.value = null;
        error.value = failure;
        loading.value = false;
        return null;
      },
    );
  }

  watch(
    fingerprint,
    (now) => {
      clearTimeout(timer);
      if (now === null) {
        void refresh();
        return;
      }
      // The quote on screen is for another cart from now on; the place button waits for the new one.
      loading.value = true;
      timer = setTimeout(() => void refresh(), delayMs);
    },
    { immediate: true },
  );
  if (getCurrentScope())
    onScopeDispose(() => {
      clearTimeout(timer);
      generation++;
    });

  return { quote, loading, error, fresh, fingerprint, refresh };
}
