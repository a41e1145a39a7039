import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSource from '../../api/schema.graphql?raw';
import * as operations from '../src/graphql/operations';

// The API writes schema.graphql from its code (and a test keeps it current), so an operation that
// validates here is one the running API accepts.
const schema = buildSchema(schemaSource);

const documents: [string, string][] = Object.entries(operations as Record<string, unknown>).flatMap(([name, value]) =>
  typeof value === 'string' && /^\s*(query|mutation)\b/.test(value) ? [[name, value] as [string, string]] : [],
);

describe('storefront operations', () => {
  it('are all checked', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('%s validates against the API schema', (_name, source) => {
    const errors = validate(schema, parse(source));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
