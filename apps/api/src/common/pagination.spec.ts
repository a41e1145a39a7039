import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination';

const at = new Date('2026-11-30T08:00:00.123Z');
const id = '4f7a1c52-3a63-4d3e-9d0b-2f1f7d0c9e11';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor codec', () => {
  it('reads back what it wrote', () => {
    expect(decodeCursor(encodeCursor([at, id]), ['timestamp', 'uuid'])).toEqual([at.toISOString(), id]);
    expect(decodeCursor(encodeCursor([42]), ['int'])).toEqual([42]);
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['garbage characters', '!!!'],
    ['too long', 'a'.repeat(500)],
    ['no version', raw([at.toISOString(), id])],
    ['an impossible date', raw([1, '2026-02-30T00:00:00.000Z', id])],
    ['a date PostgreSQL would read differently', raw([1, '10000-01-01T00:00:00.000Z', id])],
    ['a loose date', raw([1, '2026-11-30', id])],
    ['not a uuid', raw([1, at.toISOString(), "1' or '1'='1"])],
    ['a NUL in the id', raw([1, at.toISOString(), `${id}\u0000`])],
    ['a part missing', raw([1, at.toISOString()])],
    ['an extra part', raw([1, at.toISOString(), id, 3])],
    ['a number for a date', raw([1, 1e21, id])],
  ])('refuses %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, ['timestamp', 'uuid'])).toThrowError(expect.objectContaining({ code: 'input/invalid-cursor' }));
  });

  it('refuses a cursor of another list shape', () => {
    expect(() => decodeCursor(encodeCursor([42]), ['timestamp', 'uuid'])).toThrowError(expect.objectContaining({ code: 'input/invalid-cursor' }));
    expect(() => decodeCursor(encodeCursor([1.5]), ['int'])).toThrowError(expect.objectContaining({ code: 'input/invalid-cursor' }));
  });
});
