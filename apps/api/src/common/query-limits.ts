import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { ERRORS } from './errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxCost: 20_000 };

function tooComplex(reason: string): GraphQLError {
  const [zh, en] = ERRORS['request/too-complex'];
  return new GraphQLError(`${zh} / ${en}: ${reason}`, {
    extensions: { code: 'request/too-complex', messageZh: zh, messageEn: en, details: { reason } },
  });
}

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Walks a selection set once and measures depth, aliases and an estimated cost: each field costs 1,
 * and a field with a `first` argument multiplies the cost of what it selects by that page size
 * (default 20). Fragments are expanded; cycles are broken by the fragment stack.
 */
function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  stack: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure | undefined;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      const childMeasure = selection.selectionSet
        ? measure(selection.selectionSet, fragments, variables, stack)
        : { depth: 0, aliases: 0, cost: 0 };
      const multiplier = selection.selectionSet ? (intArgument(selection, 'first', variables) ?? 1) : 1;
      inner = {
        depth: childMeasure.depth + 1,
        aliases: childMeasure.aliases,
        cost: 1 + multiplier * childMeasure.cost,
      };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, variables, stack);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || stack.has(name)) continue;
      stack.add(name);
      inner = measure(fragment.selectionSet, fragments, variables, stack);
      stack.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** Measures a parsed operation against the limits; used by the Apollo plugin once variables are known. */
export function checkOperation(
  document: import('graphql').DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): GraphQLError | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    const m = measure(def.selectionSet, fragments, variables, new Set());
    if (m.depth > limits.maxDepth) return tooComplex(`depth ${m.depth} > ${limits.maxDepth}`);
    if (m.aliases > limits.maxAliases) return tooComplex(`aliases ${m.aliases} > ${limits.maxAliases}`);
    if (m.cost > limits.maxCost) return tooComplex(`cost ${m.cost} > ${limits.maxCost}`);
  }
  return null;
}

/** Validation rule form, for static checks where variables are not needed. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const error = checkOperation(node, undefined, {}, limits);
      if (error) context.reportError(error);
    },
  });
}
