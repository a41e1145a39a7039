const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_ID = /^[1-9][0-9]{0,9}$/;
const MAX_INT_ID = 2_147_483_647;

/** Ids are UUIDs; anything else can name no row, so callers answer "not found" without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A serial id (categories) as a number, or undefined when the text cannot name a row: not a
 * positive decimal integer, or past what a PostgreSQL `integer` holds.
 */
export function intId(value: string | number): number | undefined {
  const text = String(value);
  if (!INT_ID.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_INT_ID ? id : undefined;
}
