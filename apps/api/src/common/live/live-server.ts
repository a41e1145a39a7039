import { getOperationAST, GraphQLError, parse, subscribe, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { DomainError } from '../errors';
import { formatGraphQLError, toGraphQLError } from '../graphql-errors';
import { documentProblem, inputProblem, literalProblem, MAX_DOCUMENT_TOKENS } from '../input-guard';
import type { ChannelListener } from '../pg-notifications';
import { checkOperation, DEFAULT_QUERY_LIMITS } from '../query-limits';
import type { Authenticator } from '../request-auth';
import { type AuthUser, RequestContext } from '../request-context';

/** Close codes a client sees, with our error code as the reason. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** Where PostgreSQL names the users whose sessions ended (see the Notifications migration). */
export const SESSION_ENDED_CHANNEL = 'xn_session_ended';

export interface LiveServerOptions {
  schema: GraphQLSchema;
  /** the same check of a bearer token as GraphQL over HTTP */
  auth: Authenticator;
  logger: Logger;
  /** runs an operation with an EntityManager of its own */
  inContext: <T>(run: () => T) => T;
  path?: string;
  maxSubscriptionsPerConnection?: number;
  /** a larger message closes the connection (WebSocket code 1009) */
  maxMessageBytes?: number;
}

interface Live {
  user: AuthUser & { familyId: string; expiresAt: Date };
  token: string;
  ip: string;
  expiry: NodeJS.Timeout;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol, on the same port and path as queries. A
 * connection is authenticated with the access token in its connection parameters and closed
 * (4401 `auth/unauthenticated`) when that token expires or its session ends (log-out, password
 * change, a revoked family — announced on `xn_session_ended` from any instance). Operations get
 * the same checks as over HTTP: bounded variables and documents, no control characters, depth,
 * alias and cost limits; only subscriptions are served here; a connection holds a limited number.
 */
export class LiveServer implements ChannelListener {
  private readonly wss: WebSocketServer;
  private readonly live = new Map<WebSocket, Live>();
  private readonly disposable: { dispose(): void | Promise<void> };
  private readonly path: string;
  private readonly maxSubscriptions: number;
  private readonly format: ReturnType<typeof formatGraphQLError>;

  constructor(private readonly options: LiveServerOptions) {
    this.path = options.path ?? '/graphql';
    this.maxSubscriptions = options.maxSubscriptionsPerConnection ?? 10;
    this.format = formatGraphQLError(options.logger);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 64 * 1024 });
    this.disposable = useServer<Record<string, unknown>, { socket: WebSocket; request: IncomingMessage }>(
      {
        schema: options.schema,
        connectionInitWaitTimeout: 5_000,
        onConnect: (ctx) => this.connect(ctx.extra.socket, ctx.extra.request, ctx.connectionParams?.accessToken),
        // the operation being subscribed is already among the connection's subscriptions here
        onSubscribe: (ctx, _id, payload) => this.prepare(ctx.extra.socket, Object.keys(ctx.subscriptions).length - 1, payload),
        subscribe: (args) => options.inContext(() => subscribe(args)),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors?.length ? { ...result, errors: result.errors.map((error) => this.format(error.toJSON(), error)) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => this.format(error.toJSON(), error)),
        onClose: (ctx) => this.forget(ctx.extra.socket),
      },
      this.wss,
    );
  }

  /** Takes WebSocket upgrades to the GraphQL path from the HTTP server; other upgrades are not ours. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (request.url?.split('?')[0] !== this.path) return;
      this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
    });
  }

  get connections(): number {
    return this.live.size;
  }

  /** Sessions of these users (all, for `*`) ended somewhere: connections whose token no longer holds are closed. */
  heard(payload: string | undefined): void {
    const users = payload && payload !== '*' ? new Set(payload.split(',')) : undefined;
    for (const [socket, live] of this.live) {
      if (users && !users.has(live.user.id)) continue;
      void this.options.auth.authenticate(live.token).then(
        (user) => !user && this.close(socket),
        () => this.close(socket),
      );
    }
  }

  /** Announcements may have been missed while PostgreSQL could not be heard: check every connection. */
  connected(): void {
    this.heard('*');
  }

  async close(): Promise<void>;
  close(socket: WebSocket): void;
  close(socket?: WebSocket): void | Promise<void> {
    if (socket) {
      this.forget(socket);
      socket.close(CLOSE_UNAUTHENTICATED, 'auth/unauthenticated');
      return;
    }
    for (const open of this.live.keys()) open.close(1001, 'server shutting down');
    // disposing closes the sockets and the server; a server that never took a connection reports it was not running
    return Promise.resolve(this.disposable.dispose()).catch(() => undefined);
  }

  private async connect(socket: WebSocket, request: IncomingMessage, token: unknown): Promise<boolean> {
    const user = typeof token === 'string' && token ? await this.options.auth.authenticate(token).catch(() => undefined) : undefined;
    if (!user) {
      socket.close(CLOSE_UNAUTHENTICATED, 'auth/unauthenticated');
      return false;
    }
    const expiry = setTimeout(() => this.close(socket), Math.max(0, user.expiresAt.getTime() - Date.now())).unref();
    this.live.set(socket, { user, token: token as string, ip: request.socket.remoteAddress ?? '', expiry });
    return true;
  }

  private forget(socket: WebSocket): void {
    const live = this.live.get(socket);
    if (!live) return;
    clearTimeout(live.expiry);
    this.live.delete(socket);
  }

  /** The checks every operation passes before it runs; a refusal is sent as that operation's error. */
  private prepare(
    socket: WebSocket,
    active: number,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): ExecutionArgs | readonly GraphQLError[] {
    const live = this.live.get(socket);
    if (!live) return [toGraphQLError(new DomainError('auth/unauthenticated'), { http: false })];
    const refuse = (error: DomainError) => [toGraphQLError(error, { http: false })];
    if (active >= this.maxSubscriptions) return refuse(new DomainError('request/too-many-subscriptions', { max: this.maxSubscriptions }));
    const variables = payload.variables ?? {};
    const tooMuch = inputProblem(variables);
    if (tooMuch) return refuse(tooMuch);
    if (typeof payload.query !== 'string') return refuse(new DomainError('request/invalid', { reason: 'no query' }));
    const tooDeep = documentProblem(payload.query);
    if (tooDeep) return refuse(tooDeep);
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: MAX_DOCUMENT_TOKENS });
    } catch (error) {
      return refuse(new DomainError('request/invalid', { reason: (error as Error).message }));
    }
    const invalid = validate(this.options.schema, document);
    if (invalid.length) return refuse(new DomainError('request/invalid', { reason: invalid.map((e) => e.message).join('; ') }));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return refuse(new DomainError('request/invalid', { reason: 'no operation to run' }));
    if (operation.operation !== 'subscription') return refuse(new DomainError('request/subscriptions-only'));
    const problem = literalProblem(document) ?? checkOperation(this.options.schema, document, operation, variables, DEFAULT_QUERY_LIMITS);
    if (problem) return refuse(problem);
    return {
      schema: this.options.schema,
      document,
      operationName: payload.operationName ?? undefined,
      variableValues: variables,
      contextValue: { ctx: new RequestContext(live.user, live.ip, `ws:${live.user.familyId}`, live.user.familyId) },
    };
  }
}
