#!/usr/bin/env node
// Writes src/index.ts from apps/api/schema.graphql. With --check, fails when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

const schemaFile = new URL('../../../apps/api/schema.graphql', import.meta.url);
const outFile = new URL('../src/index.ts', import.meta.url);

const SCALARS = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean', DateTime: 'string', JSON: 'unknown' };

function tsType(type) {
  if (isNonNullType(type)) return inner(type.ofType);
  return `${inner(type)} | null`;
}

function inner(type) {
  if (isListType(type)) {
    const item = tsType(type.ofType);
    return item.includes('|') ? `Array<${item}>` : `${item}[]`;
  }
  if (isScalarType(type)) return SCALARS[type.name] ?? 'unknown';
  return type.name;
}

function doc(description, indent = '') {
  return description ? `${indent}/** ${description.replace(/\*\//g, '* /').replace(/\n/g, ' ')} */\n` : '';
}

const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
const types = Object.values(schema.getTypeMap())
  .filter((t) => !t.name.startsWith('__'))
  .sort((a, b) => a.name.localeCompare(b.name));

let out = '// Generated from apps/api/schema.graphql by packages/graphql-types/scripts/generate.mjs. Do not edit.\n';
for (const type of types) {
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    out += `\n${doc(type.description)}export type ${type.name} = ${values.map((v) => `'${v}'`).join(' | ')};\n`;
    out += `export const ${type.name}Values = [${values.map((v) => `'${v}'`).join(', ')}] as const;\n`;
  } else if (isInputObjectType(type)) {
    out += `\n${doc(type.description)}export interface ${type.name} {\n`;
    for (const field of Object.values(type.getFields())) {
      const optional = !isNonNullType(field.type);
      out += `${doc(field.description, '  ')}  ${field.name}${optional ? '?' : ''}: ${tsType(field.type)};\n`;
    }
    out += '}\n';
  } else if (isObjectType(type) && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
    out += `\n${doc(type.description)}export interface ${type.name} {\n`;
    for (const field of Object.values(type.getFields())) {
      out += `${doc(field.description, '  ')}  ${field.name}: ${tsType(field.type)};\n`;
    }
    out += '}\n';
  }
}

if (process.argv.includes('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== out) {
    console.error('packages/graphql-types/src/index.ts is out of date: run `node scripts/pnpm.mjs --filter @xiangnong/graphql-types generate`');
    process.exit(1);
  }
  console.log('GraphQL types match apps/api/schema.graphql');
} else {
  writeFileSync(outFile, out);
  console.log(`wrote ${outFile.pathname}`);
}
