import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { type DocumentNode, execute, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** What is known of one operation of a document: how often it ran uncompiled, or its compiled form (null: it cannot be compiled). */
type Entry = { runs: number } | { compiled: CompiledQuery | null };

/**
 * An error of a compiled operation as graphql-js makes one. The compiler's errors pass for
 * GraphQLErrors (same prototype) but lack what the constructor sets, such as `extensions`, which
 * Apollo reads on every error.
 */
function asGraphQLError(error: Pick<GraphQLError, 'message' | 'path' | 'locations' | 'extensions' | 'originalError'>): GraphQLError {
  const original = error.originalError;
  if (original instanceof GraphQLError && original.path) return original;
  const located = new GraphQLError(error.message, { path: error.path, originalError: original ?? undefined, extensions: error.extensions });
  if (error.locations) Object.assign(located, { locations: error.locations });
  return located;
}

/** A document runs this many times as graphql-js executes it before it is compiled: one-off documents never pay for compiling. */
const COMPILE_AFTER_RUNS = 2;

/**
 * Runs GraphQL operations as JavaScript compiled for them (graphql-jit), through Apollo Server's
 * executor seam (its gateway interface, with the schema the application built). Completing a
 * result field by field is most of what graphql-js does for a page of listings; a compiled
 * operation does it in straight-line code. Apollo keeps parsed documents (its document store), so
 * a query sent again is the same document and its compiled form is found again; compiled forms
 * live as long as their documents. Anything the compiler cannot take, and any result that failed
 * before a resolver ran (a variable of the wrong type), is run again by graphql-js, so that
 * errors read exactly as before.
 */
export function compiledExecution(schemaOf: () => GraphQLSchema): Gateway {
  const operations = new WeakMap<DocumentNode, Map<string, Entry>>();

  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined => {
    let byName = operations.get(document);
    if (!byName) operations.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const entry = byName.get(key) ?? { runs: 0 };
    if ('compiled' in entry) return entry.compiled ?? undefined;
    if (++entry.runs < COMPILE_AFTER_RUNS) {
      byName.set(key, entry);
      return undefined;
    }
    const compiled = compileQuery(schema, document, operationName);
    byName.set(key, { compiled: isCompiledQuery(compiled) ? compiled : null });
    return isCompiledQuery(compiled) ? compiled : undefined;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schemaOf(), coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        executor: async ({ schema, document, operationName, request, context }) => {
          const variableValues = request.variables ?? {};
          const name = operationName ?? undefined;
          const compiled = compiledFor(schema, document, name);
          if (compiled) {
            const result = (await compiled.query(undefined, context, variableValues)) as ExecutionResult;
            if (!result.errors?.length) return result;
            if (result.data !== undefined) return { ...result, errors: result.errors.map(asGraphQLError) };
            // no data at all: refused before anything ran; graphql-js words the errors
          }
          return execute({ schema, document, operationName: name, contextValue: context, variableValues });
        },
      };
    },
    async stop() {
      // nothing is held but compiled forms, which go with their documents
    },
  };
}
