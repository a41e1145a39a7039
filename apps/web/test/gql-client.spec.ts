import { describe, expect, it } from 'vitest';
import { ApiError, createGqlClient, type TokenPair } from '../src/graphql/client';
import { TypedDocumentString } from '../src/graphql/generated/graphql';

/** A document as codegen makes them (its text, typed); these tests look at the client, not the schema. */
const doc = (source: string) => new TypedDocumentString<unknown, Record<string, unknown>>(source);

type Handler = (body: { query: string; variables?: Record<string, unknown> }, auth: string | undefined) => unknown;

/** A fetch that records every call and answers through `handler`, like the API would. */
function fakeFetch(handler: Handler) {
  const calls: { query: string; variables?: Record<string, unknown>; auth: string | undefined }[] = [];
  const fetch = async (_input: string, init: RequestInit): Promise<Response> => {
    const headers = init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    const body = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
    calls.push({ ...body, auth: headers.authorization });
    await Promise.resolve();
    return new Response(JSON.stringify(handler(body, headers.authorization)), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

function memoryTokens(initial: TokenPair | null) {
  let tokens = initial;
  const writes: (TokenPair | null)[] = [];
  return {
    writes,
    storage: {
      get: () => tokens,
      set: (next: TokenPair | null) => {
        tokens = next;
        writes.push(next);
      },
    },
  };
}

const unauthenticated = { errors: [{ message: 'x', extensions: { code: 'auth/unauthenticated', messageZh: '请先登录', messageEn: 'Please log in first' } }] };
const isRefresh = (query: string) => query.includes('refreshSession');

describe('gql client', () => {
  it('aborts a request when asked, saying so rather than that the network is down', async () => {
    let seen: AbortSignal | undefined;
    const fetch = (_input: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        seen = init.signal ?? undefined;
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const gql = createGqlClient({ fetch, tokens: memoryTokens(null).storage });
    const controller = new AbortController();
    const pending = gql(doc('query { searchSuggestions(q: "a") { text } }'), {}, { anonymous: true, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'network/aborted' });
    expect(seen).toBe(controller.signal);
  });

  it('sends the bearer token and returns data', async () => {
    const { fetch, calls } = fakeFetch(() => ({ data: { viewer: { id: 'u1' } } }));
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    const gql = createGqlClient({ fetch, tokens: tokens.storage });
    await expect(gql(doc('query { viewer { id } }'))).resolves.toEqual({ viewer: { id: 'u1' } });
    expect(calls[0]?.auth).toBe('Bearer A1');
  });

  it('refreshes once on auth/unauthenticated, stores the new tokens and retries', async () => {
    const { fetch, calls } = fakeFetch((body, auth) => {
      if (isRefresh(body.query)) return { data: { refreshSession: { accessToken: 'A2', refreshToken: 'R2' } } };
      return auth === 'Bearer A2' ? { data: { viewer: { id: 'u1' } } } : unauthenticated;
    });
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    const gql = createGqlClient({ fetch, tokens: tokens.storage });
    await expect(gql(doc('query { viewer { id } }'))).resolves.toEqual({ viewer: { id: 'u1' } });
    expect(calls.map((c) => (isRefresh(c.query) ? `refresh:${String(c.variables?.refreshToken)}` : c.auth))).toEqual(['Bearer A1', 'refresh:R1', 'Bearer A2']);
    expect(tokens.storage.get()).toEqual({ accessToken: 'A2', refreshToken: 'R2' });
  });

  it('does not loop when the retried request is refused again', async () => {
    let refreshes = 0;
    const { fetch, calls } = fakeFetch((body) => {
      if (isRefresh(body.query)) {
        refreshes += 1;
        return { data: { refreshSession: { accessToken: `A${refreshes + 1}`, refreshToken: `R${refreshes + 1}` } } };
      }
      return unauthenticated;
    });
    const gql = createGqlClient({ fetch, tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }).storage });
    const error = await gql(doc('query { viewer { id } }')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('auth/unauthenticated');
    expect(refreshes).toBe(1);
    expect(calls).toHaveLength(3);
  });

  it('shares one refresh between concurrent requests, since a refresh token works only once', async () => {
    let refreshes = 0;
    const { fetch } = fakeFetch((body, auth) => {
      if (isRefresh(body.query)) {
        refreshes += 1;
        return { data: { refreshSession: { accessToken: 'A2', refreshToken: 'R2' } } };
      }
      return auth === 'Bearer A2' ? { data: { ok: true } } : unauthenticated;
    });
    const gql = createGqlClient({ fetch, tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }).storage });
    const results = await Promise.all([gql(doc('query A { ok }')), gql(doc('query B { ok }')), gql(doc('query C { ok }'))]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(refreshes).toBe(1);
  });

  it('lets two tabs that both hit an expired token refresh once between them', async () => {
    // Like the API: a refresh token works once; presenting it again ends the whole session.
    let live = 'R1';
    let access = 'none yet'; // A1 has expired
    let revoked = false;
    const refreshCalls: string[] = [];
    const server: Handler = (body, auth) => {
      if (isRefresh(body.query)) {
        const presented = String(body.variables?.refreshToken);
        refreshCalls.push(presented);
        if (presented !== live) revoked = true;
        if (revoked) return { errors: [{ message: 'x', extensions: { code: 'auth/invalid-refresh-token', messageZh: '登录已失效', messageEn: 'Session ended' } }] };
        live = `R${refreshCalls.length + 1}`;
        access = `A${refreshCalls.length + 1}`;
        return { data: { refreshSession: { accessToken: access, refreshToken: live } } };
      }
      return !revoked && auth === `Bearer ${access}` ? { data: { ok: true } } : unauthenticated;
    };
    // one localStorage shared by both tabs, and one browser-wide lock (what navigator.locks gives)
    const shared = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    let queue = Promise.resolve();
    const lock = <T,>(fn: () => Promise<T>): Promise<T> => {
      const run = queue.then(fn);
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    };
    const tabA = createGqlClient({ fetch: fakeFetch(server).fetch, tokens: shared.storage, lock });
    const tabB = createGqlClient({ fetch: fakeFetch(server).fetch, tokens: shared.storage, lock });
    await expect(Promise.all([tabA(doc('query A { ok }')), tabB(doc('query B { ok }'))])).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(refreshCalls).toEqual(['R1']);
    expect(shared.storage.get()).toEqual({ accessToken: 'A2', refreshToken: 'R2' });

    // Without the shared lock the second tab presents R2 again after the first traded it: session over.
    const unlocked = [createGqlClient({ fetch: fakeFetch(server).fetch, tokens: shared.storage }), createGqlClient({ fetch: fakeFetch(server).fetch, tokens: shared.storage })];
    access = 'none yet';
    shared.storage.set({ accessToken: 'A2', refreshToken: 'R2' });
    await Promise.allSettled(unlocked.map((tab) => tab(doc('query { ok }'))));
    expect(revoked).toBe(true);
  });

  it('takes the tokens another tab stored when its own refresh was superseded, however late storage shows them', async () => {
    const superseded = { errors: [{ message: 'x', extensions: { code: 'auth/refresh-superseded', messageZh: '已更新', messageEn: 'renewed' } }] };
    const { fetch, calls } = fakeFetch((body, auth) => {
      if (isRefresh(body.query)) return superseded;
      return auth === 'Bearer A2' ? { data: { viewer: { id: 'u1' } } } : unauthenticated;
    });
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    let looks = 0;
    // the other tab's write shows up in this tab's storage after a few looks
    const sleep = async () => {
      if (++looks === 3) tokens.storage.set({ accessToken: 'A2', refreshToken: 'R2' });
    };
    const gql = createGqlClient({ fetch, tokens: tokens.storage, sleep });
    await expect(gql(doc('query { viewer { id } }'))).resolves.toEqual({ viewer: { id: 'u1' } });
    expect(calls.map((c) => (isRefresh(c.query) ? 'refresh' : c.auth))).toEqual(['Bearer A1', 'refresh', 'Bearer A2']);
  });

  it('ends the session when superseded tokens never show up', async () => {
    const superseded = { errors: [{ message: 'x', extensions: { code: 'auth/refresh-superseded', messageZh: '已更新', messageEn: 'renewed' } }] };
    const { fetch } = fakeFetch((body) => (isRefresh(body.query) ? superseded : unauthenticated));
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    let ended = false;
    const gql = createGqlClient({ fetch, tokens: tokens.storage, sleep: async () => undefined, onSessionEnded: () => (ended = true) });
    await expect(gql(doc('query { viewer { id } }'))).rejects.toMatchObject({ code: 'auth/unauthenticated' });
    expect(ended).toBe(true);
    expect(tokens.storage.get()).toBeNull();
  });

  it('clears the session and reports the original error when the refresh token is rejected', async () => {
    let ended = 0;
    const { fetch } = fakeFetch((body) =>
      isRefresh(body.query)
        ? { errors: [{ message: 'x', extensions: { code: 'auth/invalid-refresh-token', messageZh: '登录已失效，请重新登录', messageEn: 'Your session has ended' } }] }
        : unauthenticated,
    );
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    const gql = createGqlClient({ fetch, tokens: tokens.storage, onSessionEnded: () => (ended += 1) });
    await expect(gql(doc('query { viewer { id } }'))).rejects.toMatchObject({ code: 'auth/unauthenticated', messageZh: '请先登录' });
    expect(tokens.storage.get()).toBeNull();
    expect(ended).toBe(1);
  });

  it('sends public queries without the token when asked to', async () => {
    const { fetch, calls } = fakeFetch(() => ({ data: { channels: [] } }));
    const gql = createGqlClient({ fetch, tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }).storage });
    await gql(doc('query Channels { channels { code } }'), undefined, { anonymous: true });
    await gql(doc('query Viewer { viewer { id } }'));
    expect(calls.map((c) => c.auth)).toEqual([undefined, 'Bearer A1']);
  });

  it('does not try to refresh without a stored session', async () => {
    const { fetch, calls } = fakeFetch(() => unauthenticated);
    const gql = createGqlClient({ fetch, tokens: memoryTokens(null).storage });
    await expect(gql(doc('mutation { createOrganisation }'))).rejects.toMatchObject({ code: 'auth/unauthenticated' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.auth).toBeUndefined();
  });

  it('passes other API errors through with both languages and details', async () => {
    const { fetch, calls } = fakeFetch(() => ({
      errors: [{ message: 'x', extensions: { code: 'catalog/attributes-invalid', messageZh: '商品属性不符合频道要求', messageEn: 'Attributes do not match', details: { issues: [{ key: 'teaType' }] } } }],
    }));
    const gql = createGqlClient({ fetch, tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }).storage });
    await expect(gql(doc('mutation { createListing }'))).rejects.toMatchObject({
      code: 'catalog/attributes-invalid',
      messageZh: '商品属性不符合频道要求',
      messageEn: 'Attributes do not match',
      details: { issues: [{ key: 'teaType' }] },
    });
    expect(calls).toHaveLength(1);
  });

  it('turns a network failure into a typed error', async () => {
    const gql = createGqlClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      tokens: memoryTokens(null).storage,
    });
    await expect(gql(doc('query { channels { code } }'))).rejects.toMatchObject({ code: 'network/unreachable' });
  });
});
