import { buildSchema, getNamedType, isObjectType, Kind, parse, type GraphQLNamedType, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_ROOT_FIELDS, listingScope } from './response-cache.plugin';
import { LISTING_SOURCES, PUBLIC_FIELD_SOURCES, type PublicSource } from './public-fields';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));

/** Every object type a public root field can reach, with the sources of everything below it. */
function reach(type: GraphQLNamedType, seen = new Set<string>()): Set<string> {
  if (!isObjectType(type) || seen.has(type.name)) return seen;
  seen.add(type.name);
  for (const field of Object.values(type.getFields())) reach(getNamedType(field.type), seen);
  return seen;
}

function sourcesBelow(root: string): Set<PublicSource> {
  const sources = new Set<PublicSource>(PUBLIC_FIELD_SOURCES.Query![root] ?? []);
  for (const typeName of reach(getNamedType(schema.getQueryType()!.getFields()[root]!.type))) {
    for (const list of Object.values(PUBLIC_FIELD_SOURCES[typeName] ?? {})) for (const source of list) sources.add(source);
  }
  return sources;
}

describe('what the response cache may keep', () => {
  const roots = [...PUBLIC_ROOT_FIELDS];

  it('knows where the data of every field an anonymous public answer can contain comes from', () => {
    const unknown: string[] = [];
    for (const root of roots) {
      if (!PUBLIC_FIELD_SOURCES.Query![root]) unknown.push(`Query.${root}`);
      for (const typeName of reach(getNamedType(schema.getQueryType()!.getFields()[root]!.type))) {
        const type = schema.getType(typeName);
        if (!isObjectType(type)) continue;
        for (const field of Object.keys(type.getFields())) if (!PUBLIC_FIELD_SOURCES[typeName]?.[field]) unknown.push(`${typeName}.${field}`);
      }
    }
    expect(unknown, 'fields without a declared source: add them to public-fields.ts, from tables that announce their changes').toEqual([]);
  });

  it('drops an answer whenever a listing it was read from changes', () => {
    for (const root of roots) {
      if (![...sourcesBelow(root)].some((s) => LISTING_SOURCES.has(s))) continue;
      const operation = parse(`query { ${root} { __typename } }`).definitions[0] as OperationDefinitionNode;
      expect(operation.kind).toBe(Kind.OPERATION_DEFINITION);
      expect(listingScope(operation, {}), `${root} reads listings, so listing changes must reach its answers`).not.toBe('none');
    }
  });

  it('finds a new field that nobody declared', () => {
    const grown = buildSchema(`${readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8')}\nextend type County { population: Int }`);
    const county = grown.getType('County');
    expect(isObjectType(county) && Object.keys(county.getFields()).filter((f) => !PUBLIC_FIELD_SOURCES.County![f])).toEqual(['population']);
  });
});
