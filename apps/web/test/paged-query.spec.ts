import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { usePagedQuery, type PageClient } from '../src/composables/usePagedQuery';
import { ListingsDocument, type ListingCardFragment, type ListingsQuery, type ListingsQueryVariables } from '../src/graphql/generated/graphql';

function listing(id: string): ListingCardFragment {
  return {
    id,
    title: `listing ${id}`,
    isDemo: false,
    isPovertyProduct: false,
    basePriceFen: 100,
    pricePerKgFen: null,
    unitInfo: { code: 'BOX', nameZh: '箱', nameEn: 'box', isMass: false },
    channel: { code: 'tea', nameZh: '茶网', nameEn: 'Tea' },
    seller: { id: 'o1', name: 'seller' },
    originCounty: { name: '古丈县', prefectureName: '湘西土家族苗族自治州' },
    images: [],
  };
}

function page(ids: string[], endCursor: string | null, hasNextPage = endCursor !== null): ListingsQuery {
  return { listings: { nodes: ids.map(listing), pageInfo: { hasNextPage, endCursor } } };
}

interface Call {
  variables: ListingsQueryVariables;
  anonymous: boolean | undefined;
  resolve: (result: ListingsQuery) => void;
  reject: (error: unknown) => void;
}

/** A client whose answers the test gives by hand, in whatever order it likes. */
function handClient() {
  const calls: Call[] = [];
  const client: PageClient<ListingsQuery, ListingsQueryVariables> = (_document, variables, options) =>
    new Promise<ListingsQuery>((resolve, reject) => {
      calls.push({ variables, anonymous: options.anonymous, resolve, reject });
    });
  /** Answers call `index` and lets every promise callback that follows run. */
  async function answer(index: number, result: ListingsQuery | Error): Promise<void> {
    const call = calls[index];
    if (!call) throw new Error(`no call ${index}`);
    if (result instanceof Error) call.reject(result);
    else call.resolve(result);
    await flush();
  }
  return { client, calls, answer };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await nextTick();
}

function setup(initial: { channel: string } | null = { channel: 'tea' }) {
  const hand = handClient();
  const filters = ref(initial);
  const scope = effectScope();
  const paged = scope.run(() =>
    usePagedQuery({
      document: ListingsDocument,
      variables: () => (filters.value ? { channel: filters.value.channel } : null),
      connection: (data) => data.listings,
      pageSize: 2,
      anonymous: true,
      client: hand.client,
    }),
  )!;
  const ids = () => paged.items.value.map((l) => l.id);
  return { ...hand, filters, paged, scope, ids };
}

describe('usePagedQuery', () => {
  it('asks for the first page, then each next page after the last end cursor, until there is none', async () => {
    const { calls, answer, paged, ids } = setup();
    expect(calls.map((c) => c.variables)).toEqual([{ channel: 'tea', first: 2, after: null }]);
    expect(calls[0]?.anonymous).toBe(true);
    expect(paged.loading.value).toBe(true);

    await answer(0, page(['a', 'b'], 'c1'));
    expect(ids()).toEqual(['a', 'b']);
    expect([paged.loading.value, paged.hasNextPage.value]).toEqual([false, true]);

    const more = paged.loadMore();
    expect(paged.loadingMore.value).toBe(true);
    // a second click while the page is on its way asks nothing more
    expect(paged.loadMore()).toBe(more);
    expect(calls.map((c) => c.variables.after)).toEqual([null, 'c1']);
    expect(calls[1]?.variables).toEqual({ channel: 'tea', first: 2, after: 'c1' });

    await answer(1, page(['c'], 'c2', false));
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect([paged.loadingMore.value, paged.hasNextPage.value]).toEqual([false, false]);

    await paged.loadMore();
    expect(calls).toHaveLength(2);
  });

  it('starts over when the variables change', async () => {
    const { calls, answer, filters, paged, ids } = setup();
    await answer(0, page(['a', 'b'], 'c1'));
    filters.value = { channel: 'rice' };
    await nextTick();
    expect(calls[1]?.variables).toEqual({ channel: 'rice', first: 2, after: null });
    expect([paged.loading.value, paged.hasNextPage.value]).toEqual([true, false]);
    await answer(1, page(['r1'], null));
    expect(ids()).toEqual(['r1']);
    expect(paged.loading.value).toBe(false);
  });

  it('keeps the latest answer of the list for what comes with the nodes, and none of an older list', async () => {
    const { answer, filters, paged } = setup();
    expect(paged.result.value).toBeNull();
    const tea = page(['a', 'b'], 'c1');
    await answer(0, tea);
    expect(paged.result.value).toBe(tea);

    filters.value = { channel: 'rice' };
    await nextTick();
    // while the new list is on its way, the old answer stays with the old items
    expect(paged.result.value).toBe(tea);
    await answer(1, new Error('offline'));
    expect(paged.result.value).toBeNull();
  });

  it('drops a first page of earlier variables that arrives after the newer one', async () => {
    const { calls, answer, filters, paged, ids } = setup();
    filters.value = { channel: 'rice' };
    await nextTick();
    expect(calls.map((c) => c.variables.channel)).toEqual(['tea', 'rice']);

    await answer(1, page(['r1', 'r2'], 'r-cursor'));
    await answer(0, page(['t1', 't2'], 't-cursor'));
    expect(ids()).toEqual(['r1', 'r2']);
    expect(paged.loading.value).toBe(false);

    // and the next page continues the newer list, not the late one
    void paged.loadMore();
    expect(calls[2]?.variables).toEqual({ channel: 'rice', first: 2, after: 'r-cursor' });
  });

  it('drops a first page of earlier variables that arrives before the newer one, and keeps waiting for it', async () => {
    const { calls, answer, filters, paged, ids } = setup();
    filters.value = { channel: 'rice' };
    await nextTick();
    expect(calls.map((c) => c.variables.channel)).toEqual(['tea', 'rice']);
    await answer(0, page(['t1', 't2'], 't-cursor'));
    expect(ids()).toEqual([]);
    expect([paged.loading.value, paged.hasNextPage.value]).toEqual([true, false]);
    await answer(1, page(['r1'], null));
    expect(ids()).toEqual(['r1']);
  });

  it('never appends a later page that was on its way when the variables changed', async () => {
    const { calls, answer, filters, paged, ids } = setup();
    await answer(0, page(['t1', 't2'], 't-cursor'));
    void paged.loadMore();
    expect(paged.loadingMore.value).toBe(true);

    filters.value = { channel: 'rice' };
    await nextTick();
    // the reset is not held up by the page it made obsolete
    expect(paged.loadingMore.value).toBe(false);
    await answer(2, page(['r1', 'r2'], 'r-cursor'));
    expect(ids()).toEqual(['r1', 'r2']);

    // the tea channel's second page arrives late: not part of the rice list
    await answer(1, page(['t3', 't4'], 't-cursor-2'));
    expect(ids()).toEqual(['r1', 'r2']);
    expect(paged.loadingMore.value).toBe(false);

    void paged.loadMore();
    expect(calls[3]?.variables).toEqual({ channel: 'rice', first: 2, after: 'r-cursor' });
  });

  it('never appends a later page that arrives before the first page of the new variables', async () => {
    const { answer, filters, paged, ids } = setup();
    await answer(0, page(['t1', 't2'], 't-cursor'));
    void paged.loadMore();
    filters.value = { channel: 'rice' };
    await nextTick();
    // the tea list stays on screen until the rice list comes, but does not grow
    await answer(1, page(['t3', 't4'], 't-cursor-2'));
    expect(ids()).toEqual(['t1', 't2']);
    expect([paged.loading.value, paged.hasNextPage.value]).toEqual([true, false]);
    await answer(2, page(['r1'], null));
    expect(ids()).toEqual(['r1']);
  });

  it('never appends a later page that was on its way when the list was reloaded', async () => {
    const { calls, answer, paged, ids } = setup();
    await answer(0, page(['a', 'b'], 'c1'));
    void paged.loadMore();
    void paged.reload();
    expect(calls.map((c) => c.variables.after)).toEqual([null, 'c1', null]);
    await answer(1, page(['c', 'd'], 'c2'));
    expect(ids()).toEqual(['a', 'b']);
    await answer(2, page(['a', 'b'], 'c1'));
    expect(ids()).toEqual(['a', 'b']);
    expect(paged.hasNextPage.value).toBe(true);
  });

  it('does not let a late failure of an earlier query show on the newer list', async () => {
    const { answer, filters, paged, ids } = setup();
    filters.value = { channel: 'rice' };
    await nextTick();
    await answer(1, page(['r1'], null));
    await answer(0, new Error('network'));
    expect(paged.error.value).toBeNull();
    expect(ids()).toEqual(['r1']);
  });

  it('keeps the first page failure, and asks again on reload', async () => {
    const { calls, answer, paged, ids } = setup();
    const failure = new Error('network');
    await answer(0, failure);
    expect(paged.error.value).toBe(failure);
    expect([paged.loading.value, paged.hasNextPage.value]).toEqual([false, false]);
    expect(ids()).toEqual([]);

    void paged.reload();
    expect(paged.error.value).toBeNull();
    await answer(1, page(['a'], null));
    expect(calls).toHaveLength(2);
    expect(ids()).toEqual(['a']);
  });

  it('keeps the list when a later page fails, and asks for the same page again', async () => {
    const { calls, answer, paged, ids } = setup();
    await answer(0, page(['a', 'b'], 'c1'));
    void paged.loadMore();
    const failure = new Error('network');
    await answer(1, failure);
    expect(paged.moreError.value).toBe(failure);
    expect(ids()).toEqual(['a', 'b']);
    expect([paged.loadingMore.value, paged.hasNextPage.value]).toEqual([false, true]);

    void paged.loadMore();
    expect(paged.moreError.value).toBeNull();
    expect(calls[2]?.variables.after).toBe('c1');
    await answer(2, page(['c'], null));
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('asks nothing while the variables are null, and starts when they are known', async () => {
    const { calls, answer, filters, paged, ids } = setup(null);
    expect(calls).toHaveLength(0);
    expect([paged.loading.value, ids()]).toEqual([false, []]);
    await paged.loadMore();
    expect(calls).toHaveLength(0);

    filters.value = { channel: 'tea' };
    await nextTick();
    await answer(0, page(['a'], null));
    expect(ids()).toEqual(['a']);

    // back to null: the list empties, and a late answer cannot refill it
    filters.value = { channel: 'rice' };
    await nextTick();
    filters.value = null;
    await nextTick();
    await answer(1, page(['r1'], null));
    expect(ids()).toEqual([]);
    expect(paged.loading.value).toBe(false);
  });

  it('shares a first page already on its way for the same variables instead of asking twice', async () => {
    const { calls, answer, paged, ids } = setup();
    const first = paged.reload();
    expect(calls).toHaveLength(1);
    await answer(0, page(['a'], null));
    await first;
    expect(ids()).toEqual(['a']);
    // with nothing on its way, reload asks again
    void paged.reload();
    expect(calls).toHaveLength(2);
  });

  it('drops answers that arrive after its page is gone', async () => {
    const { answer, scope, ids } = setup();
    scope.stop();
    await answer(0, page(['a'], null));
    expect(ids()).toEqual([]);
  });
});
