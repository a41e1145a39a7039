import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation } from './query-limits';

const limits = { maxDepth: 4, maxAliases: 3, maxCost: 500 };

describe('query limits', () => {
  it('lets an ordinary page query through', () => {
    const doc = parse('query { listings(first: 20) { nodes { id title seller { name } } } }');
    expect(checkOperation(doc, undefined, {}, limits)).toBeNull();
  });

  it('refuses deep nesting, also through fragments', () => {
    const doc = parse('query { a { b { ...F } } } fragment F on B { c { d { e } } }');
    expect(checkOperation(doc, undefined, {}, limits)?.extensions.code).toBe('request/too-complex');
  });

  it('refuses alias floods', () => {
    const doc = parse('query { a1: x { id } a2: x { id } a3: x { id } a4: x { id } }');
    expect(checkOperation(doc, undefined, {}, limits)?.message).toContain('aliases');
  });

  it('multiplies cost by page sizes given as variables', () => {
    const doc = parse('query($n: Int) { listings(first: $n) { nodes { images(first: 100) { url } } } }');
    expect(checkOperation(doc, undefined, { n: 2 }, limits)).toBeNull();
    expect(checkOperation(doc, undefined, { n: 100 }, limits)?.message).toContain('cost');
  });
});
