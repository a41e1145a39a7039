import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation } from './query-limits';

const limits = { maxDepth: 4, maxAliases: 3, maxCost: 500 };

const schema = buildSchema(`
  type Query { listings(first: Int): ListingPage  a: A  x: X  channels: [Channel] }
  type ListingPage { nodes: [Listing] }
  type Listing { id: ID  title: String  seller: Seller  images(first: Int): [Image] }
  type Seller { name: String }
  type Image { url: String }
  type Channel { code: String }
  type A { b: B }
  type B { c: C }
  type C { d: D }
  type D { e: String }
  type X { id: ID }
`);

function check(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return checkOperation(schema, document, operation, variables, limits);
}

describe('query limits', () => {
  it('lets an ordinary page query through', () => {
    expect(check('query { listings(first: 20) { nodes { id title seller { name } } } }')).toBeNull();
  });

  it('refuses deep nesting, also through fragments', () => {
    expect(check('query { a { b { ...F } } } fragment F on B { c { d { e } } }')?.code).toBe('request/too-complex');
  });

  it('refuses alias floods', () => {
    expect(check('query { a1: x { id } a2: x { id } a3: x { id } a4: x { id } }')?.details?.reason).toContain('aliases');
  });

  it('multiplies cost by page sizes given as variables', () => {
    const source = 'query($n: Int) { listings(first: $n) { nodes { images(first: 100) { url } } } }';
    expect(check(source, { n: 2 })).toBeNull();
    expect(check(source, { n: 100 })?.details?.reason).toContain('cost');
  });

  it('counts a page size left to a variable default like one written out', () => {
    const written = 'query { a1: listings(first: 100) { nodes { images(first: 10) { url } } } }';
    const defaulted = 'query($f: Int = 100) { a1: listings(first: $f) { nodes { images(first: 10) { url } } } }';
    expect(check(written)?.details?.reason).toContain('cost');
    expect(check(defaulted)?.details?.reason).toContain('cost');
    expect(check(defaulted, { f: 1 })).toBeNull();
  });

  it('counts a page asked for without a size at the API default size', () => {
    // 1 + 20 listings × (1 + id 1 + seller 2 + images 1 + 20 × 1) = 501, although no number appears in the query
    expect(check('query { listings { nodes { id seller { name } images { url } } } }')?.details?.reason).toContain('cost 501');
  });
});
