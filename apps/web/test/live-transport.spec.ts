import { describe, expect, it } from 'vitest';
import type { NotificationFieldsFragment } from '../src/graphql/generated/graphql';
import { classifyEnd, liveUrl, notificationTransport } from '../src/graphql/live';
import type { LiveEnd } from '../src/lib/liveConnection';

/**
 * A WebSocket that plays the API's side of the graphql-transport-ws protocol in memory: it accepts
 * the connection, records what the client sends and lets the test send messages and close it.
 */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static last: FakeSocket | null = null;

  readyState = FakeSocket.CONNECTING;
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code: number; reason: string } | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.last = this;
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    }, 0);
  }

  send(data: string): void {
    const message = JSON.parse(data) as Record<string, unknown>;
    this.sent.push(message);
    if (message.type === 'connection_init') this.receive({ type: 'connection_ack' });
  }

  receive(message: Record<string, unknown>): void {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.closedWith = { code, reason };
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }), 0);
  }

  /** the server closes the connection */
  serverClose(code: number, reason: string): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean: true });
  }

  get subscription(): { id: string; payload: { query: string; variables: Record<string, unknown> } } | undefined {
    return this.sent.find((m) => m.type === 'subscribe') as never;
  }
}

/**
 * Lets the fake socket and the client take their turns: every step of theirs is a zero-delay timer,
 * so rounds of zero-delay timers run them in order however busy the machine is (a fixed wait would not).
 */
async function tick(): Promise<void> {
  for (let round = 0; round < 20; round++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

const NOTE: NotificationFieldsFragment = {
  id: '42',
  kind: 'organisation-verified',
  titleZh: '茶叶合作社 已通过认证',
  titleEn: 'Tea cooperative is verified',
  bodyZh: '您的供应现在对买家公开。',
  bodyEn: 'Your listings are now public to buyers.',
  link: '/console?org=o1',
  readAt: null,
  createdAt: '2026-03-01T08:00:00Z',
};

function open(after: string | null) {
  const events: string[] = [];
  const items: NotificationFieldsFragment[] = [];
  const ends: LiveEnd[] = [];
  const transport = notificationTransport('ws://shop.test/graphql', { keepAliveMs: 0, webSocketImpl: FakeSocket });
  const close = transport.open(
    { accessToken: 'A1', after },
    {
      connected: () => events.push('connected'),
      next: (item) => items.push(item),
      ended: (end) => ends.push(end),
    },
  );
  return { events, items, ends, close };
}

describe('live transport (graphql-ws)', () => {
  it('authenticates with the access token, subscribes after the newest id and hands notifications over', async () => {
    const { events, items } = open('41');
    await tick();
    const socket = FakeSocket.last!;
    expect(socket.url).toBe('ws://shop.test/graphql');
    expect(socket.protocol).toBe('graphql-transport-ws');
    expect(socket.sent[0]).toEqual({ type: 'connection_init', payload: { accessToken: 'A1' } });
    expect(events).toEqual(['connected']);
    const subscription = socket.subscription!;
    expect(subscription.payload.query).toContain('subscription NotificationAdded');
    expect(subscription.payload.variables).toEqual({ after: '41' });

    socket.receive({ id: subscription.id, type: 'next', payload: { data: { notificationAdded: NOTE } } });
    await tick();
    expect(items).toEqual([NOTE]);
  });

  it('reports 4401 as unauthenticated', async () => {
    const { ends } = open(null);
    await tick();
    FakeSocket.last!.serverClose(4401, 'auth/unauthenticated');
    await tick();
    expect(ends).toEqual([{ reason: 'unauthenticated' }]);
  });

  it('reports a dropped connection as a network end, once', async () => {
    const { ends } = open(null);
    await tick();
    FakeSocket.last!.serverClose(1006, '');
    await tick();
    expect(ends).toEqual([{ reason: 'network' }]);
  });

  it('reports an operation the server refuses', async () => {
    const { ends } = open(null);
    await tick();
    const socket = FakeSocket.last!;
    socket.receive({ id: socket.subscription!.id, type: 'error', payload: [{ message: 'too many', extensions: { code: 'request/too-many-subscriptions' } }] });
    await tick();
    expect(ends).toEqual([{ reason: 'refused', message: 'too many' }]);
  });

  it('closes cleanly when asked, and reports nothing after', async () => {
    const { ends, close } = open(null);
    await tick();
    const socket = FakeSocket.last!;
    close();
    await tick();
    expect(socket.sent.some((m) => m.type === 'complete')).toBe(true);
    expect(socket.closedWith?.code).toBe(1000);
    expect(ends).toEqual([]);
  });

  it('closes a connection still being made once it is made', async () => {
    const { ends, close } = open(null);
    close();
    await tick();
    expect(FakeSocket.last!.closedWith?.code).toBe(1000);
    expect(ends).toEqual([]);
  });
});

describe('classifyEnd', () => {
  it('tells an expired or ended session from a lost connection and a refusal', () => {
    expect(classifyEnd({ code: 4401, reason: 'auth/unauthenticated' })).toEqual({ reason: 'unauthenticated' });
    expect(classifyEnd([{ message: 'x', extensions: { code: 'auth/unauthenticated' } }])).toEqual({ reason: 'unauthenticated' });
    expect(classifyEnd({ code: 1001, reason: 'server shutting down' })).toEqual({ reason: 'network' });
    expect(classifyEnd({ code: 1006, reason: '' })).toEqual({ reason: 'network' });
    expect(classifyEnd(new Event('error'))).toEqual({ reason: 'network' });
    expect(classifyEnd({ code: 1009, reason: 'too big' })).toEqual({ reason: 'refused', message: 'too big' });
  });
});

describe('liveUrl', () => {
  it('uses the page’s origin, ws:// or wss:// to match it', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'xiangnong.example' })).toBe('wss://xiangnong.example/graphql');
  });
});
