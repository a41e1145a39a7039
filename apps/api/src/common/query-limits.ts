import {
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DomainError } from './errors';
import { DEFAULT_PAGE_SIZE } from './pagination';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxCost: 20_000 };

function tooComplex(reason: string): DomainError {
  return new DomainError('request/too-complex', { reason });
}

/** The page size a paginated field will use: its `first` argument as the request gives it, else the default. */
function pageSizeArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number {
  if (value?.kind === Kind.INT) return Number(value.value);
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    if (typeof given === 'number') return given;
  }
  return DEFAULT_PAGE_SIZE;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  stack: Set<string>;
}

/**
 * Walks a selection set once and measures depth, aliases and an estimated cost: each field costs
 * 1, and a field that takes a `first` argument (a page) multiplies what it selects by the page
 * size the request will get, whether written in the query, passed as a variable or left to a
 * variable's default or the API's default. Fragments are expanded; cycles are broken by the
 * fragment stack.
 */
function measure(set: SelectionSetNode, parent: GraphQLNamedType | undefined, walk: Walk): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure | undefined;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      const definition = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
      const child = selection.selectionSet
        ? measure(selection.selectionSet, definition ? getNamedType(definition.type) : undefined, walk)
        : { depth: 0, aliases: 0, cost: 0 };
      const paginated = definition?.args.some((a) => a.name === 'first');
      const given = selection.arguments?.find((a) => a.name.value === 'first')?.value;
      const multiplier = selection.selectionSet && (paginated || given) ? pageSizeArgument(given, walk.variables) : 1;
      inner = { depth: child.depth + 1, aliases: child.aliases, cost: 1 + multiplier * child.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      inner = measure(selection.selectionSet, type ?? undefined, walk);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || walk.stack.has(name)) continue;
      walk.stack.add(name);
      inner = measure(fragment.selectionSet, walk.schema.getType(fragment.typeCondition.name.value) ?? undefined, walk);
      walk.stack.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** The variables as execution will see them: the request's values, and defaults for those it left out. */
function effectiveVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, given: Record<string, unknown>): Record<string, unknown> {
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], given);
  return coerced ?? given;
}

/** Measures the operation that will run against the limits; used by the Apollo plugin once it is resolved. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): DomainError | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const walk: Walk = { schema, fragments, variables: effectiveVariables(schema, operation, variables), stack: new Set() };
  const root = schema.getRootType(operation.operation) ?? undefined;
  const m = measure(operation.selectionSet, root, walk);
  if (m.depth > limits.maxDepth) return tooComplex(`depth ${m.depth} > ${limits.maxDepth}`);
  if (m.aliases > limits.maxAliases) return tooComplex(`aliases ${m.aliases} > ${limits.maxAliases}`);
  if (m.cost > limits.maxCost) return tooComplex(`cost ${m.cost} > ${limits.maxCost}`);
  return null;
}
