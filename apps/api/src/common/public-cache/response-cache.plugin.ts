import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import { Kind, type OperationDefinitionNode } from 'graphql';
import Negotiator from 'negotiator';
import { createHash } from 'node:crypto';
import { COMPRESS_THRESHOLD_BYTES } from '../http-headers';
import type { Metrics } from '../metrics';
import type { BodyEncoding, CachedAnswer, Lease, ListingScope, ResponseCache } from './response-cache';

/**
 * Root query fields whose answer to an anonymous visitor depends only on the arguments and on the
 * tables that announce their changes (see the PublicDataChanges migration). A field added here must
 * read nothing else.
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'certifications',
  'channel',
  'channels',
  'counties',
  'listing',
  'listings',
  'organisation',
  'units',
]);

export const CACHE_HEADER = 'x-xn-cache';

/** Anonymous queries that only ask for public root fields (and __typename). */
export function isPublicOperation(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return false; // fragments at the root: not worth the analysis
    if (selection.name.value === '__typename') continue;
    if (!PUBLIC_ROOT_FIELDS.has(selection.name.value)) return false;
    if (selection.directives?.length) return false;
  }
  return true;
}

/** The media types Apollo answers a single result with, in its order of preference. */
const ANSWER_TYPES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/**
 * The media type Apollo will answer a request with, negotiated from its Accept header exactly as
 * Apollo does; null when the client accepts none of them (Apollo then answers 406 itself).
 */
export function answerType(accept: string | null | undefined): string | null {
  if (!accept) return ANSWER_TYPES[0]!;
  return new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) ?? null;
}

/**
 * Requests with the same key get the same answer: the query (by its hash, as Apollo names it),
 * operation and variables, and the media type the answer goes out as.
 */
function cacheKey(queryHash: string, operationName: string | null | undefined, variables: unknown, type: string): string {
  return `${queryHash}\n${operationName ?? ''}\n${JSON.stringify(variables ?? {})}\n${type}`;
}

/**
 * Which listings a public operation reads: `listings` reads those of the channel it names, `listing`
 * the one it names, `organisation` any (it shows its listings' certifications); the other public
 * fields read reference data, no listings. public-fields.spec.ts checks this against the schema.
 */
export function listingScope(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): ListingScope {
  const channels = new Set<string>();
  const listings = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'any';
    const field = selection.name.value;
    // an organisation shows the certifications of its listings: any listing change may reach it
    if (field === 'organisation') return 'any';
    if (field !== 'listings' && field !== 'listing') continue;
    const argument = selection.arguments?.find((a) => a.name.value === (field === 'listings' ? 'channel' : 'id'))?.value;
    const value =
      argument?.kind === Kind.STRING ? argument.value : argument?.kind === Kind.VARIABLE ? variables?.[argument.name.value] : undefined;
    if (typeof value !== 'string') return 'any';
    (field === 'listings' ? channels : listings).add(value);
  }
  return channels.size || listings.size ? { channels, listings } : 'none';
}

function answered(answer: CachedAnswer, how: 'hit' | 'shared', type: string): GraphQLResponse {
  return {
    http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, how], ['content-type', type]]) },
    body: { kind: 'single', singleResult: { data: answer.data } },
  };
}

/** An identical request waits for the one already reading the page, as long as the cache lets it hold others back. */
function waitFor(pending: Promise<CachedAnswer | undefined>, ms: number): Promise<CachedAnswer | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Serves anonymous catalogue queries from the response cache. Requests with an Authorization header
 * always run, as do mutations, private fields and answers with errors (never stored). Limits on
 * depth, aliases and cost still apply first: they run when the operation is resolved.
 */
export function publicResponseCachePlugin(cache: ResponseCache): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      if (!cache.enabled || request.http?.headers.get('authorization')) return;
      const type = answerType(request.http?.headers.get('accept'));
      if (!type) return;
      let lease: Lease | undefined;
      return {
        async responseForOperation({ operation, queryHash, request: { operationName, variables } }) {
          if (!isPublicOperation(operation)) return null;
          const key = cacheKey(queryHash ?? '', operationName, variables, type);
          const found = cache.lookup(key, listingScope(operation, variables));
          if (!found) return null;
          if ('answer' in found) return answered(found.answer, 'hit', type);
          if ('pending' in found) {
            const answer = await waitFor(found.pending, cache.readTimeoutMs);
            return answer ? answered(answer, 'shared', type) : null;
          }
          lease = found.lease;
          return null;
        },
        async willSendResponse({ response }) {
          if (!lease) return;
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const ok = result && !result.errors?.length && result.data && (response.http.status ?? 200) === 200;
          lease.settle(ok ? { data: result.data as Record<string, unknown> } : undefined);
          response.http.headers.set(CACHE_HEADER, 'miss');
          response.http.headers.set('content-type', type);
        },
      };
    },
  };
}

/** The compression a client prefers of those the cache keeps (brotli, then gzip), or none. */
export function bodyEncoding(acceptEncoding: string | string[] | undefined): BodyEncoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return undefined;
  const chosen = negotiate(header, ['br', 'gzip']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/**
 * Serves a stored answer before GraphQL sees the request: no routing, parsing, validation or
 * serialisation. An answer is only stored after Apollo ran the same query with the same variables
 * without errors, so everything Apollo checks (limits, validation) has already passed for it. Only
 * JSON POSTs without an Authorization header qualify, which keeps CSRF prevention as it is; anything
 * else (or nothing stored) goes on to Apollo.
 */
export function registerStoredAnswers(fastify: FastifyInstance, cache: ResponseCache, metrics?: Metrics, path = '/graphql'): void {
  fastify.addHook('preHandler', (request, reply, done) => {
    if (!cache.enabled || request.method !== 'POST' || request.url !== path || request.headers.authorization) return done();
    if (!request.headers['content-type']?.startsWith('application/json')) return done();
    const body = request.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | null;
    if (!body || typeof body.query !== 'string' || body.extensions !== undefined) return done();
    if (body.operationName != null && typeof body.operationName !== 'string') return done();
    if (body.variables != null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) return done();
    const type = answerType(request.headers.accept);
    if (!type) return done();
    const queryHash = createHash('sha256').update(body.query).digest('hex');
    const key = cacheKey(queryHash, body.operationName, body.variables, type);
    const encoding = bodyEncoding(request.headers['accept-encoding']);
    const stored = cache.storedBody(key, encoding, COMPRESS_THRESHOLD_BYTES);
    if (stored === undefined) return done();
    void reply.header(CACHE_HEADER, 'hit').header('vary', 'accept, accept-encoding').type(type);
    if (stored.encoding) void reply.header('content-encoding', stored.encoding);
    void reply.send(stored.body);
    metrics?.observeOperation((body.operationName as string | undefined) ?? /^\s*query\s+([A-Za-z_]\w*)/.exec(body.query)?.[1], 'query', 'cached', reply.elapsedTime / 1000);
  });
}
