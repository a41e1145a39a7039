import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { gql, type RequestOptions } from '../graphql';
import type { TypedDocumentString } from '../graphql/generated/graphql';

/** What a paged field of the API answers with (ListingConnection, OrganisationConnection, …). */
export interface Connection<TNode> {
  nodes: TNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The page arguments every paged query of the API takes. */
export interface PageVariables {
  first?: number | null;
  after?: string | null;
}

/** How one page is asked for; the app's `gql` by default, a fake in tests. */
export type PageClient<TResult, TVariables> = (document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: RequestOptions) => Promise<TResult>;

export interface PagedQueryOptions<TResult, TVariables extends PageVariables, TNode> {
  document: TypedDocumentString<TResult, TVariables>;
  /**
   * The query's variables other than the page's, read reactively: when they change, the list
   * starts over. `null` while the query cannot run yet (not signed in, an unknown channel): the
   * list is then empty and nothing is asked.
   */
  variables: () => Omit<TVariables, keyof PageVariables> | null;
  /** Where the connection is in the answer, e.g. `(data) => data.listings`. */
  connection: (result: TResult) => Connection<TNode>;
  pageSize: number;
  /** Ask without the session (public lists the API answers from its cache). */
  anonymous?: boolean;
  client?: PageClient<TResult, TVariables>;
}

export interface PagedQuery<TNode, TResult = unknown> {
  /** The pages received so far for the current variables, in order. */
  items: ShallowRef<TNode[]>;
  /**
   * The last answer received for the list, for what comes alongside the nodes (a total, facet
   * counts). Like `items`, it stays the previous variables' while the first page is on its way,
   * and is null when the first page failed or nothing was asked.
   */
  result: Readonly<ShallowRef<TResult | null>>;
  hasNextPage: Readonly<Ref<boolean>>;
  /** The first page is on its way (the items, if any, are those of the previous variables). */
  loading: Readonly<Ref<boolean>>;
  /** A later page is on its way. */
  loadingMore: Readonly<Ref<boolean>>;
  /** Why the first page failed (the list is then empty); null otherwise. */
  error: Readonly<Ref<unknown>>;
  /** Why the last `loadMore` failed (the list is kept); null otherwise. */
  moreError: Readonly<Ref<unknown>>;
  /**
   * Starts the list over with the current variables (retry, or after something changed on the
   * server). While the first page for the same variables is already on its way, waits for it instead.
   */
  reload: () => Promise<void>;
  /** Appends the page after the last one received; does nothing while a page is on its way or at the end. */
  loadMore: () => Promise<void>;
}

/**
 * One cursor-paged list (the channel page, a seller's listings, the console's listings, the admin
 * verification queue): the first page, 加载更多 with the end cursor, a fresh start when the
 * variables change, and loading and error state.
 *
 * Every start of the list opens a new generation; an answer is used only by the generation that
 * asked for it and only after the page it continues. So a slow first page for old filters, or a
 * later page that was on its way when the filters changed, is dropped instead of replacing or
 * joining the newer list.
 */
export function usePagedQuery<TResult, TVariables extends PageVariables, TNode>(
  options: PagedQueryOptions<TResult, TVariables, TNode>,
): PagedQuery<TNode, TResult> {
  const client: PageClient<TResult, TVariables> = options.client ?? ((document, variables, requestOptions) => gql(document, variables, requestOptions));
  const requestOptions: RequestOptions = { anonymous: options.anonymous ?? false };

  const items = shallowRef<TNode[]>([]);
  const result = shallowRef<TResult | null>(null);
  const endCursor = shallowRef<string | null>(null);
  const hasNextPage = shallowRef(false);
  const loading = shallowRef(false);
  const loadingMore = shallowRef(false);
  const error = shallowRef<unknown>(null);
  const moreError = shallowRef<unknown>(null);

  type Base = Omit<TVariables, keyof PageVariables>;
  /** The variables the current list was started with, and their key. */
  let current: { base: Base | null; key: string } | null = null;
  let generation = 0;
  let firstPage: Promise<void> | null = null;
  let nextPage: Promise<void> | null = null;

  const keyOf = (base: Base | null) => JSON.stringify(base);

  function request(base: Base, after: string | null): Promise<TResult> {
    // The document's variables are the caller's plus the page's; TypeScript cannot join a generic
    // Omit back to its source type, so this one assertion says so.
    const variables = { ...base, first: options.pageSize, after } as unknown as TVariables;
    return client(options.document, variables, requestOptions);
  }

  function start(base: Base | null): Promise<void> {
    const mine = ++generation;
    current = { base, key: keyOf(base) };
    nextPage = null;
    endCursor.value = null;
    hasNextPage.value = false;
    loadingMore.value = false;
    error.value = null;
    moreError.value = null;
    if (base === null) {
      items.value = [];
      result.value = null;
      loading.value = false;
      firstPage = null;
      return Promise.resolve();
    }
    loading.value = true;
    const page = request(base, null)
      .then(
        (answer) => {
          if (mine !== generation) return;
          const connection = options.connection(answer);
          result.value = answer;
          items.value = connection.nodes;
          endCursor.value = connection.pageInfo.endCursor;
          hasNextPage.value = connection.pageInfo.hasNextPage;
        },
        (failure: unknown) => {
          if (mine !== generation) return;
          items.value = [];
          result.value = null;
          error.value = failure;
        },
      )
      .finally(() => {
        if (mine !== generation) return;
        loading.value = false;
        firstPage = null;
      });
    firstPage = page;
    return page;
  }

  function reload(): Promise<void> {
    const base = options.variables();
    if (firstPage && current?.key === keyOf(base)) return firstPage;
    return start(base);
  }

  function loadMore(): Promise<void> {
    if (nextPage) return nextPage;
    const after = endCursor.value;
    const base = current?.base ?? null;
    if (firstPage || !hasNextPage.value || after === null || base === null) return Promise.resolve();
    const mine = generation;
    loadingMore.value = true;
    moreError.value = null;
    const page = request(base, after)
      .then(
        (answer) => {
          // Started over meanwhile, or not the page after the last one shown: not part of this list.
          if (mine !== generation || endCursor.value !== after) return;
          const connection = options.connection(answer);
          result.value = answer;
          items.value = [...items.value, ...connection.nodes];
          endCursor.value = connection.pageInfo.endCursor;
          hasNextPage.value = connection.pageInfo.hasNextPage;
        },
        (failure: unknown) => {
          if (mine === generation) moreError.value = failure;
        },
      )
      .finally(() => {
        if (mine !== generation) return;
        loadingMore.value = false;
        nextPage = null;
      });
    nextPage = page;
    return page;
  }

  watch(
    () => keyOf(options.variables()),
    (key) => {
      if (key !== current?.key) void start(options.variables());
    },
    { immediate: true },
  );
  // Answers that arrive after the page is gone are dropped too.
  if (getCurrentScope()) onScopeDispose(() => void ++generation);

  return { items, result, hasNextPage, loading, loadingMore, error, moreError, reload, loadMore };
}
