import { describe, expect, it } from 'vitest';
import {
  createLiveConnection,
  newerId,
  type LiveConnectionOptions,
  type LiveHandlers,
  type LiveRequest,
  type LiveStatus,
  type LiveTimers,
  type LiveTransport,
} from '../src/lib/liveConnection';

type Item = { id: string };

/** A transport that records each connection; the test plays the server through its handlers. */
function fakeTransport() {
  const connections: { request: LiveRequest; handlers: LiveHandlers<Item>; closed: boolean }[] = [];
  const transport: LiveTransport<Item> = {
    open(request, handlers) {
      const connection = { request, handlers, closed: false };
      connections.push(connection);
      return () => {
        connection.closed = true;
      };
    },
  };
  const last = () => connections[connections.length - 1]!;
  return { transport, connections, last };
}

/** Timers the test fires by hand, recording each delay asked for. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  const delays: number[] = [];
  const timers: LiveTimers = {
    set(run, ms) {
      delays.push(ms);
      pending.set(next, { run, ms });
      return next++;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  function fire(): void {
    const [id, timer] = [...pending.entries()][0] ?? [];
    if (!id || !timer) throw new Error('no timer pending');
    pending.delete(id);
    timer.run();
  }
  return { timers, delays, fire, pending: () => pending.size };
}

/** Lets promise callbacks (a renewal's answer) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setUp(overrides: Partial<LiveConnectionOptions<Item>> = {}) {
  const fake = fakeTransport();
  const clock = manualTimers();
  const tokens = { access: 'A1' as string | null };
  const items: string[] = [];
  const statuses: LiveStatus[] = [];
  const connectedCalls: boolean[] = [];
  let sessionEnded = 0;
  const renewals: (() => Promise<boolean>)[] = [];
  const connection = createLiveConnection<Item>({
    transport: fake.transport,
    accessToken: () => tokens.access,
    renew: () => (renewals.shift() ?? (() => Promise.resolve(true)))(),
    onItem: (item) => items.push(item.id),
    onConnected: (again) => connectedCalls.push(again),
    onStatus: (status) => statuses.push(status),
    onSessionEnded: () => (sessionEnded += 1),
    timers: clock.timers,
    random: () => 0.5,
    ...overrides,
  });
  return { connection, fake, clock, tokens, items, statuses, connectedCalls, renewals, sessionEnded: () => sessionEnded };
}

describe('live connection', () => {
  it('connects with the stored access token and the newest id the tab has', () => {
    const { connection, fake, statuses, connectedCalls } = setUp();
    connection.start('41');
    expect(fake.connections).toHaveLength(1);
    expect(fake.last().request).toEqual({ accessToken: 'A1', after: '41' });
    expect(connection.status).toBe('connecting');
    fake.last().handlers.connected();
    expect(connection.status).toBe('open');
    expect(statuses).toEqual(['connecting', 'open']);
    expect(connectedCalls).toEqual([false]);
  });

  it('keeps one connection: starting again while connected does nothing', () => {
    const { connection, fake } = setUp();
    connection.start(null);
    connection.start(null);
    expect(fake.connections).toHaveLength(1);
  });

  it('passes each notification on and reconnects after the newest one it received', () => {
    const { connection, fake, clock, items } = setUp();
    connection.start('7');
    fake.last().handlers.connected();
    fake.last().handlers.next({ id: '9' });
    fake.last().handlers.next({ id: '12' });
    expect(items).toEqual(['9', '12']);
    expect(connection.lastId).toBe('12');

    fake.last().handlers.ended({ reason: 'network' });
    expect(connection.status).toBe('waiting');
    clock.fire();
    expect(fake.connections).toHaveLength(2);
    expect(fake.last().request).toEqual({ accessToken: 'A1', after: '12' });
  });

  it('backs off longer after each network failure, up to a cap, and starts over once connected', () => {
    const { connection, fake, clock, connectedCalls } = setUp({ maxDelayMs: 10_000 });
    connection.start(null);
    for (let i = 0; i < 6; i += 1) {
      fake.last().handlers.ended({ reason: 'network' });
      clock.fire();
    }
    expect(clock.delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    fake.last().handlers.connected();
    fake.last().handlers.ended({ reason: 'network' });
    expect(clock.delays.at(-1)).toBe(1_000);
    clock.fire();
    fake.last().handlers.connected();
    // the second acknowledged connection is a reconnect
    expect(connectedCalls).toEqual([false, true]);
  });

  it('adds jitter around each step so that tabs do not all come back at once', () => {
    const low = setUp({ random: () => 0 });
    low.connection.start(null);
    low.fake.last().handlers.ended({ reason: 'network' });
    const high = setUp({ random: () => 0.999 });
    high.connection.start(null);
    high.fake.last().handlers.ended({ reason: 'network' });
    expect(low.clock.delays).toEqual([750]);
    expect(high.clock.delays[0]).toBeGreaterThan(1_200);
    expect(high.clock.delays[0]).toBeLessThanOrEqual(1_250);
  });

  it('after a 4401 renews the tokens first, then reconnects at once with the new token and the newest id', async () => {
    const { connection, fake, clock, tokens, renewals, statuses } = setUp();
    let renewed = 0;
    renewals.push(async () => {
      renewed += 1;
      tokens.access = 'A2'; // what the HTTP client stored after trading the refresh token
      return true;
    });
    connection.start('3');
    fake.last().handlers.connected();
    fake.last().handlers.next({ id: '5' });
    fake.last().handlers.ended({ reason: 'unauthenticated' });
    expect(connection.status).toBe('renewing');
    expect(fake.connections).toHaveLength(1); // nothing before the tokens are renewed
    await settle();
    expect(renewed).toBe(1);
    expect(fake.connections).toHaveLength(2);
    expect(fake.last().request).toEqual({ accessToken: 'A2', after: '5' });
    expect(clock.delays).toEqual([]); // no waiting
    expect(statuses).toEqual(['connecting', 'open', 'renewing', 'connecting']);
  });

  it('stops for good when the renewal says the session is over (logged out elsewhere, password changed)', async () => {
    const { connection, fake, clock, tokens, renewals, sessionEnded } = setUp();
    renewals.push(async () => {
      tokens.access = null;
      return false;
    });
    connection.start(null);
    fake.last().handlers.connected();
    fake.last().handlers.ended({ reason: 'unauthenticated' });
    await settle();
    expect(connection.status).toBe('stopped');
    expect(sessionEnded()).toBe(1);
    expect(fake.connections).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('waits and renews again when the renewal cannot reach the server', async () => {
    const { connection, fake, clock, tokens, renewals } = setUp();
    renewals.push(() => Promise.reject(new Error('offline')));
    renewals.push(async () => {
      tokens.access = 'A2';
      return true;
    });
    connection.start(null);
    fake.last().handlers.ended({ reason: 'unauthenticated' });
    await settle();
    expect(connection.status).toBe('waiting');
    expect(fake.connections).toHaveLength(1);
    clock.fire();
    await settle();
    expect(fake.last().request.accessToken).toBe('A2');
  });

  it('does not hammer the server when the refused token is still the stored one', async () => {
    const { connection, fake, clock } = setUp();
    connection.start(null);
    fake.last().handlers.ended({ reason: 'unauthenticated' });
    await settle(); // renewed, but the HTTP API still took A1
    expect(fake.connections).toHaveLength(1);
    expect(connection.status).toBe('waiting');
    clock.fire();
    expect(fake.connections).toHaveLength(2);
  });

  it('closes the connection on stop (log-out) and never reconnects', async () => {
    const { connection, fake, clock } = setUp();
    connection.start(null);
    fake.last().handlers.connected();
    connection.stop();
    expect(fake.last().closed).toBe(true);
    expect(connection.status).toBe('stopped');
    // whatever the old connection still reports is ignored
    fake.last().handlers.ended({ reason: 'network' });
    fake.last().handlers.next({ id: '99' });
    expect(clock.pending()).toBe(0);
    expect(connection.lastId).toBeNull();
    await settle();
    expect(fake.connections).toHaveLength(1);
  });

  it('a log-out during a renewal or a wait cancels the reconnect', async () => {
    const during = setUp();
    let answer: (signedIn: boolean) => void = () => undefined;
    during.renewals.push(() => new Promise<boolean>((resolve) => (answer = resolve)));
    during.connection.start(null);
    during.fake.last().handlers.ended({ reason: 'unauthenticated' });
    during.connection.stop();
    during.tokens.access = 'A2';
    answer(true);
    await settle();
    expect(during.fake.connections).toHaveLength(1);

    const waiting = setUp();
    waiting.connection.start(null);
    waiting.fake.last().handlers.ended({ reason: 'network' });
    expect(waiting.clock.pending()).toBe(1);
    waiting.connection.stop();
    expect(waiting.clock.pending()).toBe(0);
  });

  it('starts again after a stop (signed in again) from the new starting point', () => {
    const { connection, fake, tokens } = setUp();
    connection.start('10');
    fake.last().handlers.next({ id: '11' });
    connection.stop();
    tokens.access = 'B1';
    connection.start('2');
    expect(fake.last().request).toEqual({ accessToken: 'B1', after: '2' });
  });

  it('does not connect without a token', () => {
    const { connection, fake, tokens, sessionEnded } = setUp();
    tokens.access = null;
    connection.start(null);
    expect(fake.connections).toHaveLength(0);
    expect(connection.status).toBe('stopped');
    expect(sessionEnded()).toBe(1);
  });

  it('wake retries a waiting connection at once', () => {
    const { connection, fake, clock } = setUp();
    connection.start(null);
    fake.last().handlers.ended({ reason: 'network' });
    connection.wake();
    expect(fake.connections).toHaveLength(2);
    expect(clock.pending()).toBe(0);
    // and does nothing to a connection that is not waiting
    connection.wake();
    expect(fake.connections).toHaveLength(2);
  });

  it('copes with a transport that ends the connection before open returns', () => {
    const clock = manualTimers();
    let opened = 0;
    const connection = createLiveConnection<Item>({
      transport: {
        open(_request, handlers) {
          opened += 1;
          handlers.ended({ reason: 'network' });
          return () => {
            throw new Error('closed twice');
          };
        },
      },
      accessToken: () => 'A1',
      renew: async () => true,
      onItem: () => undefined,
      timers: clock.timers,
      random: () => 0.5,
    });
    connection.start(null);
    expect(connection.status).toBe('waiting');
    expect(() => connection.stop()).not.toThrow();
    expect(opened).toBe(1);
  });
});

describe('newerId', () => {
  it('compares numeric ids by value, whatever their length', () => {
    expect(newerId(null, '5')).toBe('5');
    expect(newerId('9', '10')).toBe('10');
    expect(newerId('10', '9')).toBe('10');
    expect(newerId('123456789012345678', '123456789012345679')).toBe('123456789012345679');
  });

  it('takes the latest arrival for ids that are not numbers', () => {
    expect(newerId('a', 'b')).toBe('b');
  });
});
