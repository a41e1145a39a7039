import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(set: SelectionSetNode, info: GraphQLResolveInfo, into: FieldNode[]): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, info, into);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, info, into);
    }
  }
}

function children(nodes: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  for (const node of nodes) if (node.selectionSet) collect(node.selectionSet, info, out);
  return out;
}

/**
 * The fields a query asks for below `path` of the current field (e.g. ['nodes'] of a connection),
 * as names, with one level of nesting as `parent.child`. Lets a read fetch only the columns a page
 * shows. Directives such as @include are ignored, which only ever asks for more.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const step of path) level = children(level, info).filter((f) => f.name.value === step);
  const names = new Set<string>();
  for (const field of children(level, info)) {
    names.add(field.name.value);
    for (const child of children([field], info)) names.add(`${field.name.value}.${child.name.value}`);
  }
  return names;
}
