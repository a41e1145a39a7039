import type { PriceImportFieldsFragment } from '../graphql/generated/graphql';

/**
 * Price imports as the admin page shows them: where an import is in its run, and the column
 * mappings (header → field) saved for files whose headers differ from the usual ones.
 */

/** An import's run, in order; the last three are ends. */
export const IMPORT_STATUSES = ['QUEUED', 'CHECKING', 'WRITING', 'DONE', 'FAILED', 'DUPLICATE'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export function isImportStatus(status: string): status is ImportStatus {
  return (IMPORT_STATUSES as readonly string[]).includes(status);
}

/** Whether an import has ended (nothing more will change, so nobody needs to ask again). */
export function importFinished(status: string): boolean {
  return status === 'DONE' || status === 'FAILED' || status === 'DUPLICATE';
}

export function importBadge(status: string): string {
  switch (status) {
    case 'DONE':
      return 'badge-verified';
    case 'FAILED':
      return 'badge-rejected';
    case 'DUPLICATE':
      return 'badge-demo';
    default:
      return 'badge-pending';
  }
}

/**
 * How far an import is, for a progress bar: unknown (no value) while it is queued or reading
 * through the file, whose length is not known in rows; rows written of rows checked while it
 * writes; full once it has ended.
 */
export function importProgress(row: Pick<PriceImportFieldsFragment, 'status' | 'rowsChecked' | 'rowsWritten'>): { value: number; max: number } | null {
  if (importFinished(row.status)) return { value: 1, max: 1 };
  if (row.status === 'WRITING' && row.rowsChecked > 0) return { value: Math.min(row.rowsWritten, row.rowsChecked), max: row.rowsChecked };
  return null;
}

/** Fields a column can hold, as the API names them (see SaveImportMappingInput). */
export const QUOTE_FIELDS = ['commodity', 'specification', 'origin', 'market', 'county', 'low', 'average', 'high', 'price', 'unit', 'date'] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** One line of the mapping form: a header as the file writes it, and the field it holds. */
export interface MappingRow {
  header: string;
  field: QuoteField | '';
}

export type MappingProblem = { key: 'rowsMissing' } | { key: 'rowsIncomplete' } | { key: 'headerRepeated'; header: string };

/**
 * The mapping to save from the form's rows: blank rows are dropped, each remaining row needs both
 * a header and a field, and a header may appear once (the API keys the mapping by header).
 */
export function mappingFromRows(rows: readonly MappingRow[]): { fields: Record<string, QuoteField> } | { problem: MappingProblem } {
  const filled = rows.map((r) => ({ header: r.header.trim(), field: r.field })).filter((r) => r.header || r.field);
  if (filled.length === 0) return { problem: { key: 'rowsMissing' } };
  const fields: Record<string, QuoteField> = {};
  for (const row of filled) {
    if (!row.header || !row.field) return { problem: { key: 'rowsIncomplete' } };
    if (row.header in fields) return { problem: { key: 'headerRepeated', header: row.header } };
    fields[row.header] = row.field;
  }
  return { fields };
}

/** A saved mapping (JSON from the API) as form rows; anything that is not header → known field is left out. */
export function rowsFromMapping(fields: unknown): MappingRow[] {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return [];
  return Object.entries(fields as Record<string, unknown>)
    .filter((entry): entry is [string, QuoteField] => typeof entry[1] === 'string' && (QUOTE_FIELDS as readonly string[]).includes(entry[1]))
    .map(([header, field]) => ({ header, field }));
}
