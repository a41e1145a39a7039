import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError } from './errors';
import { isUuid } from './ids';

const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field({ nullable: true, description: 'Cursor of the last item of the previous page' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A GraphQL connection type `<Name>Connection { nodes, pageInfo }`. */
export function Connection<T>(item: Type<T>, name: string) {
  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType implements Page<T> {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new DomainError('request/page-size');
  return first;
}

/** What a cursor part holds; the codec refuses a part that is not exactly what it writes. */
export type CursorPart = 'timestamp' | 'uuid' | 'int';
type CursorValue<P extends CursorPart> = P extends 'int' ? number : string;
export type CursorValues<S extends readonly CursorPart[]> = { [K in keyof S]: CursorValue<S[K]> };

const CURSOR_VERSION = 1;
const MAX_CURSOR_LENGTH = 200;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function partValid(kind: CursorPart, value: unknown): boolean {
  switch (kind) {
    case 'timestamp':
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
  }
}

/** Keyset cursors: an opaque encoding of the sort key of the last item (timestamps as ISO text). */
export function encodeCursor(parts: (string | number | Date)[]): string {
  const values = parts.map((p) => (p instanceof Date ? p.toISOString() : p));
  return Buffer.from(JSON.stringify([CURSOR_VERSION, ...values])).toString('base64url');
}

/**
 * The sort key a cursor of ours carries, checked part by part against `shape`; anything else (a
 * cursor of another list, an edited one, garbage) is `input/invalid-cursor` before it reaches SQL.
 */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorValues<S> {
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (Array.isArray(parsed) && parsed.length === shape.length + 1 && parsed[0] === CURSOR_VERSION) {
        const values = parsed.slice(1);
        if (values.every((value, i) => partValid(shape[i]!, value))) return values as CursorValues<S>;
      }
    } catch {
      // not JSON: refused below
    }
  }
  throw new DomainError('input/invalid-cursor');
}

/** Builds a page from `size + 1` fetched rows. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => (string | number | Date)[]): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}
