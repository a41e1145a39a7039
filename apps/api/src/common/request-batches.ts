import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

interface Waiting {
  request: IncomingMessage;
  response: ServerResponse;
  /** since when its connection has been free to send it: the end of the previous answer, or the connection's opening */
  since: number;
}

/**
 * The requests that one turn of the event loop reads, started together once the turn has read them
 * all, the connection that has waited longest first.
 *
 * Node starts each request as it reads it, in the order the kernel lists the connections that have
 * something to read. Under load that order is the order of the previous turn, with connections that
 * sent after it began put last; a connection answered last in one turn then misses the next, and is
 * answered last again: a few connections wait two turns for every answer while the rest wait one.
 * Taken in order of waiting, each waits one turn. Starting them together also runs each step of the
 * work (parsing, validation, execution, writing) for the whole turn's requests one after the other;
 * bench/README.md has what that did to a search's throughput.
 */
export class RequestBatches {
  private waiting: Waiting[] = [];
  /** when each open connection last became free to send a request */
  private readonly freeSince = new WeakMap<Socket, number>();
  private readonly noteAnswered: (this: ServerResponse) => void;

  constructor(
    private readonly listeners: readonly RequestListener[],
    private readonly schedule: (startAll: () => void) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    const freeSince = this.freeSince;
    this.noteAnswered = function (this: ServerResponse) {
      const socket = this.req.socket as Socket | null;
      if (socket) freeSince.set(socket, now());
    };
  }

  connected(socket: Socket): void {
    this.freeSince.set(socket, this.now());
  }

  take(request: IncomingMessage, response: ServerResponse): void {
    const since = this.freeSince.get(request.socket) ?? this.now();
    response.on('finish', this.noteAnswered);
    if (this.waiting.push({ request, response, since }) === 1) this.schedule(() => this.startAll());
  }

  /** Starts every request taken so far; if a listener throws, the others are still started and the first error is thrown after. */
  startAll(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length > 1) batch.sort((a, b) => a.since - b.since);
    let failure: { error: unknown } | undefined;
    for (const { request, response } of batch) {
      for (const listener of this.listeners) {
        try {
          listener(request, response);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
    if (failure) throw failure.error;
  }
}

/** Puts the server's request listeners behind a {@link RequestBatches}; call it before the server listens. */
export function startRequestsInBatches(server: Server): RequestBatches {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const batches = new RequestBatches(
    listeners.map((listener) => listener.bind(server)),
    (startAll) => setImmediate(startAll),
  );
  server.on('connection', (socket: Socket) => batches.connected(socket));
  server.on('request', (request: IncomingMessage, response: ServerResponse) => batches.take(request, response));
  return batches;
}
