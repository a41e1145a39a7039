import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ERRORS, type ErrorCode } from './errors';

const OUR_CODES = new Set(Object.keys(ERRORS));
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

function shaped(code: ErrorCode, base: GraphQLFormattedError, details?: unknown): GraphQLFormattedError {
  const [zh, en] = ERRORS[code];
  return {
    message: `${zh} / ${en}`,
    locations: base.locations,
    path: base.path,
    extensions: { code, messageZh: zh, messageEn: en, ...(details ? { details } : {}) },
  };
}

/**
 * Every error leaves the API as `{ code, messageZh, messageEn }`. Our own errors pass as they are,
 * malformed requests keep GraphQL's explanation in `details`, and anything else is logged and
 * answered with a generic message: never a stack trace. Errors a user caused are routine and
 * logged at debug; only the unexpected ones are logged at error.
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && OUR_CODES.has(code)) {
      logger.debug({ code, path: formatted.path }, 'request refused');
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (code && REQUEST_CODES.has(code)) {
      logger.debug({ code, reason: formatted.message }, 'malformed request');
      return shaped('request/invalid', formatted, { reason: formatted.message });
    }
    logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'unexpected GraphQL error');
    return shaped('internal/error', formatted);
  };
}
