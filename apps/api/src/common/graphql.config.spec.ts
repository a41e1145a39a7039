import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, graphqlSync } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readPlainFieldsInPlace } from './graphql.config';

/** A property reader shaped as Nest makes one for each plain field: it reads `property`, or gives `defaultValue`. */
function nestReader(property: string, defaultValue?: unknown) {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return value === undefined ? defaultValue : value;
  };
  return rootFieldResolver;
}

describe('reading plain fields in place', () => {
  it('drops only readers of the field’s own property without a default, and the answers stay the same', () => {
    const Item = new GraphQLObjectType({
      name: 'Item',
      fields: {
        title: { type: GraphQLString, resolve: nestReader('title') },
        // the property has another name than the field
        label: { type: GraphQLString, resolve: nestReader('labelText') },
        // a default value when the property is missing
        count: { type: GraphQLInt, resolve: nestReader('count', 7) },
        // a resolver that does more than read
        shout: { type: GraphQLString, resolve: (item: { title: string }) => item.title.toUpperCase() },
      },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { item: { type: Item, resolve: () => ({ title: '安化黑茶', labelText: '茶' }) } } }),
    });
    const before = graphqlSync({ schema, source: '{ item { title label count shout } }' });
    expect(readPlainFieldsInPlace(schema)).toBe(1);
    const fields = Item.getFields();
    expect(fields.title!.resolve).toBeUndefined();
    expect([fields.label!.resolve, fields.count!.resolve, fields.shout!.resolve].every((resolve) => typeof resolve === 'function')).toBe(true);
    expect(graphqlSync({ schema, source: '{ item { title label count shout } }' })).toEqual(before);
    expect(before.data).toEqual({ item: { title: '安化黑茶', label: '茶', count: 7, shout: '安化黑茶' } });
  });
});
