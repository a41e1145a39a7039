/**
 * A tiny GraphQL-over-fetch client. It attaches the bearer token, and when the API answers
 * 'auth/unauthenticated' (usually an expired access token) it trades the stored refresh token
 * for new tokens once and retries; a second failure is passed on so callers can send people to log in.
 *
 * It sends typed documents compiled from src/graphql/documents/*.graphql (see codegen.ts): the
 * document says what the answer looks like and which variables it takes.
 */
import { RefreshDocument, type TypedDocumentString } from './generated/graphql';

export interface ApiErrorShape {
  code: string;
  messageZh: string;
  messageEn: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details?: unknown;

  constructor(shape: ApiErrorShape) {
    super(shape.messageEn || shape.code);
    this.name = 'ApiError';
    this.code = shape.code;
    this.messageZh = shape.messageZh;
    this.messageEn = shape.messageEn;
    this.details = shape.details;
  }
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * Where the client reads and writes tokens; the session store provides the real one. `get` must
 * return what is stored now, including what another tab of the same browser stored.
 */
export interface TokenStorage {
  get(): TokenPair | null;
  set(tokens: TokenPair | null): void;
}

/**
 * Runs `fn` while holding a lock shared by every tab of the browser (the Web Locks API), so that
 * two tabs never trade the same refresh token: the second would be taken for a stolen token and
 * end the session.
 */
export type RefreshLock = <T>(fn: () => Promise<T>) => Promise<T>;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  /**
   * Send no token, for public queries whose answer is the same for everybody (channel pages,
   * reference lists). The API answers those from its cache.
   */
  anonymous?: boolean;
  /** Aborts the request (a search suggestion overtaken by more typing); the call then fails with network/aborted. */
  signal?: AbortSignal;
}

/** Variables may be left out when the operation has no required ones. */
export type OperationArgs<TVariables> =
  Record<never, never> extends TVariables ? [variables?: TVariables, options?: RequestOptions] : [variables: TVariables, options?: RequestOptions];

/** Sends one operation; its result and variables are typed by the document. */
export type Gql = <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...args: OperationArgs<TVariables>) => Promise<TResult>;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Partial<ApiErrorShape> }[];
}

function toApiError(raw: { message: string; extensions?: Partial<ApiErrorShape> }): ApiError {
  const ext = raw.extensions ?? {};
  return new ApiError({
    code: ext.code ?? 'internal/error',
    messageZh: ext.messageZh ?? raw.message,
    messageEn: ext.messageEn ?? raw.message,
    details: ext.details,
  });
}

const NETWORK_ERROR: ApiErrorShape = {
  code: 'network/unreachable',
  messageZh: '网络连接失败，请稍后再试',
  messageEn: 'Could not reach the server, please try again',
};

const RENEWAL_WAIT_MS = 3_000;
const RENEWAL_POLL_MS = 50;

export function createGqlClient(options: {
  endpoint?: string;
  fetch: FetchLike;
  tokens: TokenStorage;
  onSessionEnded?: () => void;
  lock?: RefreshLock;
  /** how the client waits between looks at storage (tests pass a clock of their own) */
  sleep?: (ms: number) => Promise<void>;
}): Gql {
  const lock: RefreshLock = options.lock ?? ((fn) => fn());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const endpoint = options.endpoint ?? '/graphql';
  // Concurrent requests that all hit an expired token share one refresh: each refresh token works only once.
  let refreshing: Promise<boolean> | null = null;

  async function post<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables | undefined,
    accessToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<TResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      const init: RequestInit = { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) };
      if (signal) init.signal = signal;
      response = await options.fetch(endpoint, init);
    } catch {
      throw new ApiError(signal?.aborted ? { ...NETWORK_ERROR, code: 'network/aborted' } : NETWORK_ERROR);
    }
    let body: GraphQLResponse<TResult>;
    try {
      body = (await response.json()) as GraphQLResponse<TResult>;
    } catch {
      throw new ApiError({ ...NETWORK_ERROR, code: 'network/bad-response' });
    }
    const first = body.errors?.[0];
    if (first) throw toApiError(first);
    if (body.data == null) throw new ApiError({ ...NETWORK_ERROR, code: 'network/bad-response' });
    return body.data;
  }

  /** Trades `stale` (the tokens that were refused) for new ones, unless another tab already did. */
  function refresh(stale: TokenPair): Promise<boolean> {
    return lock(async () => {
      const current = options.tokens.get();
      if (!current) return false;
      if (current.refreshToken !== stale.refreshToken) return true; // another tab refreshed meanwhile
      return trade(current);
    });
  }

  async function trade(current: TokenPair): Promise<boolean> {
    try {
      const data = await post(RefreshDocument, { refreshToken: current.refreshToken }, undefined);
      options.tokens.set({ accessToken: data.refreshSession.accessToken, refreshToken: data.refreshSession.refreshToken });
      return true;
    } catch (error) {
      // Another tab renewed these tokens a moment ago; its write reaches this tab's storage shortly.
      if (error instanceof ApiError && error.code === 'auth/refresh-superseded' && (await renewedElsewhere(current))) return true;
      options.tokens.set(null);
      options.onSessionEnded?.();
      return false;
    }
  }

  /**
   * Waits a little for storage to show tokens other than `stale`: the lock orders refreshes across
   * tabs, but a browser shares storage between tabs a moment after it is written.
   */
  async function renewedElsewhere(stale: TokenPair): Promise<boolean> {
    for (let waited = 0; waited <= RENEWAL_WAIT_MS; waited += RENEWAL_POLL_MS) {
      const now = options.tokens.get();
      if (now && now.refreshToken !== stale.refreshToken) return true;
      await sleep(RENEWAL_POLL_MS);
    }
    return false;
  }

  return async function gql<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...args: OperationArgs<TVariables>): Promise<TResult> {
    const [variables, { anonymous = false, signal } = {}] = args;
    if (anonymous) return post(document, variables, undefined, signal);
    const tokens = options.tokens.get();
    try {
      return await post(document, variables, tokens?.accessToken, signal);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'auth/unauthenticated' || !tokens) throw error;
      // Another request may already have refreshed while this one was in flight.
      if (options.tokens.get()?.accessToken !== tokens.accessToken && options.tokens.get()) {
        return post(document, variables, options.tokens.get()?.accessToken, signal);
      }
      refreshing ??= refresh(tokens).finally(() => {
        refreshing = null;
      });
      if (!(await refreshing)) throw error;
      return post(document, variables, options.tokens.get()?.accessToken, signal);
    }
  };
}
