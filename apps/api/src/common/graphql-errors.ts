import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from './errors';

/** GraphQL's own refusals of a malformed request; their explanation is kept in `details.reason`. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** A domain error as a GraphQL error in an answer: `{ message, extensions: { code, messageZh, messageEn, details? } }`. */
export function graphqlErrorBody(error: DomainError): { message: string; extensions: ReturnType<DomainError['toBody']> } {
  return { message: `${error.messageZh} / ${error.messageEn}`, extensions: error.toBody() };
}

/**
 * For the few places outside resolvers that must throw a GraphQLError (Apollo plugins, context
 * creation): the domain error, with the HTTP status Apollo should answer with.
 */
export function toGraphQLError(error: DomainError, { http = true } = {}): GraphQLError {
  return new GraphQLError(`${error.messageZh} / ${error.messageEn}`, {
    originalError: error,
    extensions: { ...error.toBody(), ...(http ? { http: { status: error.httpStatus } } : {}) },
  });
}

/**
 * Every error leaves the API as `{ code, messageZh, messageEn }`. Domain errors pass as they are,
 * malformed requests keep GraphQL's explanation in `details`, and anything else is logged and
 * answered with a generic message: never a stack trace. Errors a user caused are routine and
 * logged at debug; only the unexpected ones are logged at error.
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      logger.debug({ code: original.code, path: formatted.path }, 'request refused');
      return { ...graphqlErrorBody(original), locations: formatted.locations, path: formatted.path };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && REQUEST_CODES.has(code)) {
      logger.debug({ code, reason: formatted.message }, 'malformed request');
      return { ...graphqlErrorBody(new DomainError('request/invalid', { reason: formatted.message })), locations: formatted.locations };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected GraphQL error');
    return { ...graphqlErrorBody(new DomainError('internal/error')), locations: formatted.locations, path: formatted.path };
  };
}
