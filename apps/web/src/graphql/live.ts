/**
 * The live feed's transport: one graphql-ws connection (same origin, path /graphql, ws:// or wss://
 * like the page) carrying the `notificationAdded` subscription, authenticated by the access token in
 * its connection parameters. graphql-ws's own retries are off: src/lib/liveConnection.ts decides when
 * and with which token and `after` to connect again.
 */
import { CloseCode, createClient } from 'graphql-ws/client';
import type { LiveEnd, LiveTransport } from '../lib/liveConnection';
import { NotificationAddedDocument, type NotificationAddedSubscription, type NotificationFieldsFragment } from './generated/graphql';

/** ws://host/graphql for a page on http://host, wss:// for https://. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && typeof (value as { code: unknown }).code === 'number';

type WireError = { message?: string; extensions?: { code?: string } };

/** What ended a subscription, from what graphql-ws hands its sink: a close event, GraphQL errors or an error event. */
export function classifyEnd(error: unknown): LiveEnd {
  if (isCloseEvent(error)) {
    if (error.code === CloseCode.Unauthorized) return { reason: 'unauthenticated' };
    // Our own protocol mistakes and refusals that connecting again would only repeat.
    if ([CloseCode.BadRequest, CloseCode.BadResponse, CloseCode.SubprotocolNotAcceptable, CloseCode.Forbidden, 1009].includes(error.code)) {
      return { reason: 'refused', message: error.reason };
    }
    return { reason: 'network' };
  }
  if (Array.isArray(error)) {
    const errors = error as WireError[];
    if (errors.some((e) => e.extensions?.code === 'auth/unauthenticated')) return { reason: 'unauthenticated' };
    return { reason: 'refused', message: errors[0]?.message };
  }
  return { reason: 'network' };
}

export interface TransportOptions {
  keepAliveMs?: number;
  /** the browser's WebSocket by default; tests pass a fake */
  webSocketImpl?: unknown;
}

export function notificationTransport(url: string, { keepAliveMs = 45_000, webSocketImpl }: TransportOptions = {}): LiveTransport<NotificationFieldsFragment> {
  return {
    open({ accessToken, after }, handlers) {
      let finished = false;
      const client = createClient({
        url,
        connectionParams: { accessToken },
        lazy: true,
        retryAttempts: 0,
        // a ping now and then keeps proxies from taking the quiet connection for a dead one
        keepAlive: keepAliveMs,
        webSocketImpl,
        on: {
          connected: () => {
            if (!finished) handlers.connected();
          },
        },
      });
      const dispose = () => {
        // dispose waits for a connection still being made, which may fail: nothing to report then
        Promise.resolve()
          .then(() => client.dispose())
          .catch(() => undefined);
      };
      const finish = (end: LiveEnd) => {
        if (finished) return;
        finished = true;
        dispose();
        handlers.ended(end);
      };
      const unsubscribe = client.subscribe<NotificationAddedSubscription>(
        { query: NotificationAddedDocument.toString(), variables: { after } },
        {
          next: (result) => {
            if (finished) return;
            if (result.errors?.length) finish(classifyEnd(result.errors));
            else if (result.data) handlers.next(result.data.notificationAdded);
          },
          error: (error) => finish(classifyEnd(error)),
          complete: () => finish({ reason: 'completed' }),
        },
      );
      return () => {
        if (finished) return;
        finished = true;
        unsubscribe();
        dispose();
      };
    },
  };
}
