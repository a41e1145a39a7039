import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSource from '../../api/schema.graphql?raw';
import * as generated from '../src/graphql/generated/graphql';

// GraphQL Code Generator already checks src/graphql/documents against schema.graphql when it compiles
// them (and test:unit fails while the compiled documents are out of date), but it leaves out three
// of the specification's rules: unused variables, unused fragments and unknown directives. The API
// applies all of them, so each document exactly as it is sent (fragments included) is checked here.
const schema = buildSchema(schemaSource);

const documents: [string, string][] = Object.entries(generated).flatMap(([name, value]) =>
  value instanceof generated.TypedDocumentString && /^\s*(query|mutation|subscription)\b/.test(value.toString()) ? [[name, value.toString()] as [string, string]] : [],
);

describe('storefront operations', () => {
  it('are all checked', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it.each(documents)('%s validates against the API schema with every rule', (_name, source) => {
    const errors = validate(schema, parse(source));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
