/**
 * The state of one tab's live feed (the `notificationAdded` subscription over a WebSocket), without
 * Vue and without the socket: the transport (src/graphql/live.ts in the app, a fake in tests) opens
 * one connection at a time, and this decides when to open the next and with what.
 *
 * - It connects with the access token stored now and `after` = the newest notification id the tab
 *   has, so a reconnect first delivers what arrived while it was away.
 * - Refused as unauthenticated (close code 4401: the access token expired, or the session ended
 *   elsewhere), it asks `renew` — a cheap authenticated query through the HTTP client, which trades
 *   the refresh token when the access token has expired — and reconnects with the new token. When
 *   `renew` says the session is over, it stops for good.
 * - Lost (network, server restart), it waits longer after each failure before trying again
 *   (1 s, 2 s, 4 s … at most 30 s, with some jitter so that a restarted server is not hit by every
 *   tab at once); a connection that was acknowledged starts the count over.
 * - `stop` (log-out) closes the connection and cancels whatever was pending; nothing reconnects.
 */

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'renewing' | 'waiting' | 'stopped';

/** Why a connection ended, as the transport tells it. */
export type LiveEnd =
  /** closed with 4401 `auth/unauthenticated`, or the operation refused with that code */
  | { reason: 'unauthenticated' }
  /** could not connect, or the connection dropped (network, server going away) */
  | { reason: 'network' }
  /** the server refused the operation itself (a limit, an invalid document) */
  | { reason: 'refused'; message?: string }
  /** the server ended the subscription */
  | { reason: 'completed' };

export interface LiveHandlers<T> {
  /** the server acknowledged the connection */
  connected(): void;
  next(item: T): void;
  /** the connection is over; called at most once, and never after the transport's close function ran */
  ended(end: LiveEnd): void;
}

export interface LiveRequest {
  accessToken: string;
  after: string | null;
}

export interface LiveTransport<T> {
  /** Opens one connection carrying one subscription; the function it returns closes it. */
  open(request: LiveRequest, handlers: LiveHandlers<T>): () => void;
}

export interface LiveTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveConnectionOptions<T extends { id: string }> {
  transport: LiveTransport<T>;
  /** the access token stored now (null once signed out) */
  accessToken(): string | null;
  /**
   * Makes sure the stored tokens are usable, through the HTTP client (which refreshes an expired
   * access token). Resolves true when still signed in, false when the session has ended; rejects
   * when the server could not be reached.
   */
  renew(): Promise<boolean>;
  onItem(item: T): void;
  /** each acknowledged connection; `again` is false only for the first one after `start` */
  onConnected?(again: boolean): void;
  onStatus?(status: LiveStatus): void;
  /** `renew` said the session is over (the connection has stopped) */
  onSessionEnded?(): void;
  timers?: LiveTimers;
  /** 0 ≤ random() < 1, for the jitter; tests pass a constant */
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface LiveConnection {
  /** Connects (again after `stop`), going on from `after`, the newest id the tab has (null: from now). */
  start(after: string | null): void;
  /** Closes for good: nothing reconnects until the next `start`. */
  stop(): void;
  /** While waiting to retry (the browser came back online, the tab became visible): try now. */
  wake(): void;
  readonly status: LiveStatus;
  /** the newest notification id received, which the next connection passes as `after` */
  readonly lastId: string | null;
}

/** The newer of two ids: numeric ids by value (a longer number is newer), anything else by arrival. */
export function newerId(current: string | null, candidate: string): string {
  if (current === null) return candidate;
  const numeric = /^\d+$/;
  if (numeric.test(current) && numeric.test(candidate)) {
    const a = current.replace(/^0+(?=\d)/, '');
    const b = candidate.replace(/^0+(?=\d)/, '');
    if (a.length !== b.length) return b.length > a.length ? candidate : current;
    return b > a ? candidate : current;
  }
  return candidate;
}

const defaultTimers: LiveTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createLiveConnection<T extends { id: string }>(options: LiveConnectionOptions<T>): LiveConnection {
  const timers = options.timers ?? defaultTimers;
  const random = options.random ?? Math.random;
  const baseDelay = options.baseDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 30_000;

  let status: LiveStatus = 'idle';
  let lastId: string | null = null;
  /** failures since the last acknowledged connection, for the backoff */
  let failures = 0;
  let connectedBefore = false;
  /** every connection attempt and every renewal gets a number; answers for an older one are ignored */
  let attempt = 0;
  let close: (() => void) | null = null;
  let timer: unknown = null;
  let pending: (() => void) | null = null;

  function setStatus(next: LiveStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function delay(): number {
    const exponential = Math.min(maxDelay, baseDelay * 2 ** Math.min(failures, 20));
    failures += 1;
    // between 75 % and 125 % of the step, never past the cap
    return Math.round(Math.min(maxDelay, exponential * (0.75 + random() * 0.5)));
  }

  function clearTimer(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    pending = null;
  }

  function later(action: () => void): void {
    clearTimer();
    setStatus('waiting');
    pending = action;
    timer = timers.set(() => {
      timer = null;
      pending = null;
      action();
    }, delay());
  }

  function sessionEnded(): void {
    stop();
    options.onSessionEnded?.();
  }

  function open(): void {
    clearTimer();
    const accessToken = options.accessToken();
    if (!accessToken) {
      sessionEnded();
      return;
    }
    const mine = ++attempt;
    let ended = false;
    setStatus('connecting');
    const current = () => mine === attempt && status !== 'stopped' && !ended;
    const closeThis = options.transport.open(
      { accessToken, after: lastId },
      {
        connected() {
          if (!current()) return;
          failures = 0;
          setStatus('open');
          const again = connectedBefore;
          connectedBefore = true;
          options.onConnected?.(again);
        },
        next(item) {
          if (!current()) return;
          lastId = newerId(lastId, item.id);
          options.onItem(item);
        },
        ended(end) {
          if (!current()) return;
          ended = true;
          close = null;
          if (end.reason === 'unauthenticated') renew(accessToken);
          else later(open);
        },
      },
    );
    // the transport may have ended it already, synchronously
    if (current()) close = closeThis;
  }

  /** The server refused `refused`: renew the tokens, then connect with the new access token. */
  function renew(refused: string): void {
    clearTimer();
    const mine = ++attempt;
    setStatus('renewing');
    options.renew().then(
      (signedIn) => {
        if (mine !== attempt || status === 'stopped') return;
        if (!signedIn) {
          sessionEnded();
          return;
        }
        // The HTTP API still took the refused token (it expired between the two checks): a little later.
        if (options.accessToken() === refused) later(open);
        else open();
      },
      () => {
        if (mine !== attempt || status === 'stopped') return;
        later(() => renew(refused));
      },
    );
  }

  function start(after: string | null): void {
    if (status !== 'idle' && status !== 'stopped') return;
    lastId = after;
    failures = 0;
    connectedBefore = false;
    open();
  }

  function stop(): void {
    clearTimer();
    attempt += 1;
    const closing = close;
    close = null;
    setStatus('stopped');
    closing?.();
  }

  function wake(): void {
    if (status !== 'waiting' || !pending) return;
    const action = pending;
    clearTimer();
    action();
  }

  return {
    start,
    stop,
    wake,
    get status() {
      return status;
    },
    get lastId() {
      return lastId;
    },
  };
}
