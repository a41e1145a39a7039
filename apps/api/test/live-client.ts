import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client that reports how its connection closed, and never reconnects by itself. */
export function liveClient(url: string, accessToken?: string) {
  const closes: { code: number; reason: string }[] = [];
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: accessToken ? { accessToken } : {},
    retryAttempts: 0,
    lazy: false,
    // the close is reported through `on.closed`; the default would print it
    onNonLazyError: () => undefined,
    on: { closed: (event) => closes.push({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return { client, closes };
}

/** Subscribes and collects what arrives: results, and the error or completion that ends it. */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: any[] = [];
  const ended: { error?: any; complete?: boolean } = {};
  const stop = client.subscribe({ query, variables }, {
    next: (value) => results.push(value),
    error: (error) => (ended.error = error),
    complete: () => (ended.complete = true),
  });
  return { results, ended, stop };
}

