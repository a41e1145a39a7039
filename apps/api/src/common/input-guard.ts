import { hasForbiddenCharacters } from '@xiangnong/domain';
import type { FastifyInstance } from 'fastify';
import { Kind, visit, type DocumentNode } from 'graphql';
import { DomainError } from './errors';
import { graphqlErrorBody } from './graphql-errors';

/**
 * The edge every GraphQL request passes before anything else reads it. Variables (and JSON values
 * inside them) are bounded in depth, count and string length, and no text anywhere in a request,
 * whether a variable or a literal in the query, may carry control characters. Field rules (lengths,
 * formats) come later, in the services; this is what keeps hostile shapes away from the cache key,
 * the resolvers and PostgreSQL.
 */
export interface InputLimits {
  /** nesting of objects and lists below the variables object */
  maxDepth: number;
  /** values (objects, lists, strings, numbers…) in all variables together */
  maxValues: number;
  /** UTF-16 units in one string */
  maxStringLength: number;
}

const INPUT_LIMITS: InputLimits = { maxDepth: 12, maxValues: 10_000, maxStringLength: 100_000 };

/** Tokens in one GraphQL document; the storefront's largest operation has a few hundred. */
export const MAX_DOCUMENT_TOKENS = 5_000;
/** Brackets open at once in a GraphQL document: selections and literal values, however they are written. */
const MAX_DOCUMENT_NESTING = 64;

/**
 * How deeply a GraphQL document nests `{`, `[` and `(`, outside strings and comments. Measured
 * by one pass over the text before the parser (which recurses) sees it.
 */
export function documentNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/**
 * Why a JSON value cannot be accepted, or null. Walks with an explicit stack, so a value nested
 * a hundred thousand deep is measured, not recursed into.
 */
export function inputProblem(value: unknown, limits: InputLimits = INPUT_LIMITS): DomainError | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '$' }];
  let seen = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (++seen > limits.maxValues) return new DomainError('input/too-large', { reason: 'values', max: limits.maxValues });
    if (typeof item.value === 'string') {
      if (item.value.length > limits.maxStringLength) return new DomainError('input/too-large', { reason: 'string', path: item.path });
      if (hasForbiddenCharacters(item.value)) return new DomainError('input/invalid-text', { path: item.path });
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= limits.maxDepth) return new DomainError('input/too-large', { reason: 'depth', max: limits.maxDepth });
    if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => stack.push({ value: child, depth: item.depth + 1, path: `${item.path}[${i}]` }));
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      if (hasForbiddenCharacters(key) || key.length > 200) return new DomainError('input/invalid-text', { path: item.path });
      stack.push({ value: child, depth: item.depth + 1, path: `${item.path}.${key}` });
    }
  }
  return null;
}

/** A string literal in the query text with control characters in it (written as escapes). */
export function literalProblem(document: DocumentNode): DomainError | null {
  let problem: DomainError | null = null;
  visit(document, {
    [Kind.STRING](node) {
      if (hasForbiddenCharacters(node.value)) {
        problem = new DomainError('input/invalid-text', { line: node.loc?.startToken.line });
        return false;
      }
      return undefined;
    },
  });
  return problem;
}

/** The document and variables of a GraphQL request over HTTP: the JSON body of a POST, or the parameters of a GET. */
function requestOf(method: string, body: unknown, query: unknown): { document: unknown; variables: unknown } {
  if (method === 'POST') {
    const post = body as { query?: unknown; variables?: unknown } | null;
    return { document: post?.query, variables: post?.variables };
  }
  const get = query as { query?: unknown; variables?: unknown } | null;
  let variables: unknown;
  try {
    variables = typeof get?.variables === 'string' ? JSON.parse(get.variables) : undefined;
  } catch {
    // Apollo answers malformed JSON itself
  }
  return { document: get?.query, variables };
}

export function documentProblem(document: unknown): DomainError | null {
  if (typeof document === 'string' && documentNesting(document) > MAX_DOCUMENT_NESTING) {
    return new DomainError('input/too-large', { reason: 'nesting', max: MAX_DOCUMENT_NESTING });
  }
  return null;
}

/**
 * Checks the document's nesting and the variables of every request to `path` before any other
 * hook (the response cache keys on them) and answers a bad one with HTTP 400 and the error in
 * GraphQL's response shape.
 */
export function registerInputGuard(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.url.split('?')[0] !== path) return done();
    const { document, variables } = requestOf(request.method, request.body, request.query);
    const problem = documentProblem(document) ?? inputProblem(variables);
    if (!problem) return done();
    void reply
      .status(problem.httpStatus)
      .type('application/json; charset=utf-8')
      .send({ errors: [graphqlErrorBody(problem)] });
  });
}
