import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './selected-fields';

const schema = buildSchema(`
  type Seller { id: ID name: String uscc: String }
  type Listing { id: ID title: String description: String seller: Seller }
  type Page { nodes: [Listing] }
  type Query { listings: Page }
`);

function fieldsOf(query: string): Set<string> {
  let seen = new Set<string>();
  execute({
    schema,
    document: parse(query),
    rootValue: { listings: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => ((seen = selectedFields(info, ['nodes'])), { nodes: [] }) },
  });
  return seen;
}

describe('selectedFields', () => {
  it('lists the fields under nodes, one level deep, through fragments', () => {
    const fields = fieldsOf(`{ listings { nodes { id ...F ... on Listing { seller { name ...S } } } } }
      fragment F on Listing { title }
      fragment S on Seller { uscc }`);
    expect([...fields].sort()).toEqual(['id', 'seller', 'seller.name', 'seller.uscc', 'title']);
  });

  it('sees nothing below a page that asks for no nodes', () => {
    expect(fieldsOf('{ listings { __typename } }').size).toBe(0);
  });
});
