import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import { type DocumentNode, GraphQLObjectType, type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { compiledExecution } from './compiled-execution';
import { DomainError } from './errors';
import { formatGraphQLError, toGraphQLError } from './graphql-errors';
import type { ResponseCache } from './public-cache/response-cache';
import { publicResponseCachePlugin } from './public-cache/response-cache.plugin';
import { literalProblem, MAX_DOCUMENT_TOKENS } from './input-guard';
import { type Metrics, metricsPlugin } from './metrics';
import { checkOperation, DEFAULT_QUERY_LIMITS } from './query-limits';
import { type Authenticator, requestContextFrom } from './request-auth';
import type { GraphQLContext } from './request-context';

/**
 * Refuses, before any resolver runs, text literals with control characters (variables were checked
 * at the HTTP edge, see input-guard) and operations that are too deep, alias too much or would cost
 * too much.
 */
function operationGuardPlugin(): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text: its literals are checked once
  const literalsChecked = new WeakMap<DocumentNode, DomainError | null>();
  const literalsOf = (document: DocumentNode) => {
    let problem = literalsChecked.get(document);
    if (problem === undefined) literalsChecked.set(document, (problem = literalProblem(document)));
    return problem;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const error = literalsOf(document) ?? checkOperation(schema, document, operation, request.variables ?? {}, DEFAULT_QUERY_LIMITS);
          if (error) throw toGraphQLError(error);
        },
      };
    },
  };
}

/**
 * Drops the resolver Nest gives every plain field of an object type (it reads the property of the
 * same name, or the field's default value), where it reads the property and has no default: a field
 * without a resolver is read the same way, but the compiled executor then reads it in place instead
 * of calling a function and making a resolve info for each field of each result. Only Nest's
 * property reader, recognised by its name, is dropped; anything else stays. Returns how many were.
 */
export function readPlainFieldsInPlace(schema: GraphQLSchema): number {
  let dropped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name !== 'rootFieldResolver' || field.resolve.length !== 1) continue;
      const probe = {};
      const reader = field.resolve as (source: object) => unknown;
      if (reader({}) !== undefined || reader({ [field.name]: probe }) !== probe) continue;
      field.resolve = undefined;
      dropped++;
    }
  }
  return dropped;
}

export function graphqlOptions(config: AppConfig, auth: Authenticator, cache: ResponseCache, logger: Logger, metrics: Metrics): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  const options: ApolloDriverConfig = {
    path: '/graphql',
    autoSchemaFile: true,
    // sorted here rather than with `sortSchema`, so that the executor gets the very schema Apollo serves
    transformSchema: (built: GraphQLSchema) => {
      schema = lexicographicSortSchema(built);
      readPlainFieldsInPlace(schema);
      return schema;
    },
    introspection: !config.production,
    playground: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // "Did you mean …?" would spell out the schema that introspection keeps to itself in production
    hideSchemaDetailsFromClientErrors: config.production,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // We send no cache hints, traces or usage reports; without these plugins no hook runs per field.
    plugins: [
      metricsPlugin(metrics),
      operationGuardPlugin(),
      publicResponseCachePlugin(cache),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: formatGraphQLError(logger),
    context: async (request: FastifyRequest): Promise<GraphQLContext> => {
      try {
        return { ctx: await requestContextFrom(request, auth) };
      } catch (error) {
        // an expired or revoked token: the client's fault (401), not the server's (Apollo's default 500)
        throw error instanceof DomainError ? toGraphQLError(error) : error;
      }
    },
  };
  // Apollo Server's executor seam (its gateway option) is not in Nest's option type; Nest passes every option on to Apollo
  const gateway = compiledExecution(() => {
    if (!schema) throw new Error('the GraphQL schema is not built yet');
    return schema;
  });
  return Object.assign(options, { gateway });
}
