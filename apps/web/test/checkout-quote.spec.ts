import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import { useCheckoutQuote } from '../src/composables/useCheckoutQuote';
import type { CartInput, QuoteFieldsFragment } from '../src/graphql/generated/graphql';

const input = (quantity: number): CartInput => ({
  lines: [{ listingId: 'tea', quantity }],
  delivery: { recipientName: '王', recipientPhone: '13900000002', stationId: 's1' },
  paymentMethod: 'BANK_TRANSFER',
});
const quote = (totalFen: number): QuoteFieldsFragment => ({ goodsFen: totalFen, freightFen: 0, totalFen, groups: [] });

/** Answers the test settles by hand, in whatever order it likes. */
function manualClient() {
  const pending: { quantity: number; resolve: (q: QuoteFieldsFragment) => void }[] = [];
  const client = (asked: CartInput) => new Promise<QuoteFieldsFragment>((resolve) => pending.push({ quantity: asked.lines[0]!.quantity, resolve }));
  return { client, pending };
}

describe('useCheckoutQuote', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('asks once the cart stops changing, and keeps only the answer for the cart as it is now', async () => {
    const quantity = ref(1);
    const { client, pending } = manualClient();
    const scope = effectScope();
    const quoting = scope.run(() => useCheckoutQuote(() => input(quantity.value), { client }))!;
    vi.advanceTimersByTime(250);
    expect(pending.map((p) => p.quantity)).toEqual([1]);

    quantity.value = 2;
    await flushPromises();
    quantity.value = 20;
    await flushPromises();
    vi.advanceTimersByTime(250);
    // one request for the pause, none for the 2 typed on the way
    expect(pending.map((p) => p.quantity)).toEqual([1, 20]);

    pending[1]!.resolve(quote(640_000));
    await flushPromises();
    expect(quoting.quote.value?.totalFen).toBe(640_000);
    expect(quoting.fresh.value).toBe(true);
    // the slow answer for 1 kg arrives last and is dropped
    pending[0]!.resolve(quote(36_000));
    await flushPromises();
    expect(quoting.quote.value?.totalFen).toBe(640_000);

    quantity.value = 21;
    await flushPromises();
    expect(quoting.fresh.value).toBe(false);
    scope.stop();
  });

  it('asks nothing while the cart cannot be quoted', async () => {
    const client = vi.fn();
    const scope = effectScope();
    const quoting = scope.run(() => useCheckoutQuote(() => null, { client }))!;
    vi.advanceTimersByTime(1000);
    await flushPromises();
    expect(client).not.toHaveBeenCalled();
    expect(quoting.quote.value).toBeNull();
    expect(quoting.loading.value).toBe(false);
    scope.stop();
  });
});
