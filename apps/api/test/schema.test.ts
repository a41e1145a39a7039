import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/**
 * The committed schema.graphql is what the storefront generates its types from. It must match the
 * code; run `pnpm --filter @xiangnong/api schema` to rewrite it after changing the API.
 */
describe('schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the code-first schema', () => {
    const printed = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('reads plain fields in place, and keeps every resolver that does more', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name]!;
    expect(field('SearchHit', 'listing').resolve).toBeUndefined();
    expect(field('FacetValue', 'count').resolve).toBeUndefined();
    expect(field('Listing', 'channel').resolve).toBeTypeOf('function');
    expect(field('Organisation', 'certifications').resolve).toBeTypeOf('function');
    expect(field('Query', 'search').resolve).toBeTypeOf('function');
  });
});
