import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentNesting, inputProblem, literalProblem } from './input-guard';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('input guard', () => {
  it('accepts ordinary variables', () => {
    expect(inputProblem({ input: { title: '安化黑茶', priceTiers: [{ minQuantity: 1, unitPriceFen: 9800 }], note: '第一行\n第二行' } })).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
  });

  it('measures a value nested far too deep without recursing into it', () => {
    expect(inputProblem(nested(100_000))).toMatchObject({ code: 'input/too-large', details: { reason: 'depth' } });
    expect(inputProblem(nested(11))).toBeNull();
  });

  it('refuses too many values and overlong strings', () => {
    expect(inputProblem({ ids: Array.from({ length: 20_000 }, (_, i) => i) })).toMatchObject({ code: 'input/too-large' });
    expect(inputProblem({ q: 'x'.repeat(200_000) })).toMatchObject({ code: 'input/too-large' });
  });

  it('refuses control characters in values and in keys, and says where', () => {
    expect(inputProblem({ input: { name: 'a\u0000b' } })).toMatchObject({ code: 'input/invalid-text', details: { path: '$.input.name' } });
    expect(inputProblem({ input: { attributes: { 'k\u0000': 1 } } })).toMatchObject({ code: 'input/invalid-text' });
    expect(inputProblem({ tags: ['ok', '\u001b[2J'] })).toMatchObject({ details: { path: '$.tags[1]' } });
  });

  it('finds control characters written as escapes in the query text', () => {
    expect(literalProblem(parse('{ listings(channel: "tea\\u0000") { nodes { id } } }'))).toMatchObject({ code: 'input/invalid-text' });
    expect(literalProblem(parse('{ listings(channel: "tea") { nodes { id } } }'))).toBeNull();
  });

  it('counts how deeply a document nests, not what its strings and comments contain', () => {
    expect(documentNesting('{ a { b(x: [1, {c: 2}]) } }')).toBe(5);
    expect(documentNesting('{ a(s: "{{{{[[[(") # {{{{\n }')).toBe(2);
    expect(documentNesting('{ a(s: """ {{{{ " """) }')).toBe(2);
    expect(documentNesting(`mutation { m(input: { attributes: ${'{a:'.repeat(5000)}1${'}'.repeat(5000)} }) { id } }`)).toBe(5003);
  });
});
