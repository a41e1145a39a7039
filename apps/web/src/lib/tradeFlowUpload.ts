import { ApiError, postFile } from '../graphql';
import { jsonObject } from './json';

/** The API reads figure files in the request: larger ones are refused (market/flows-too-large). */
export const MAX_FLOW_FILE_BYTES = 5 * 1024 * 1024;

export interface FlowImportResult {
  rowsRead: number;
  rowsWritten: number;
}

/**
 * Sends an import/export figure file (multipart, one file; admins only), with the source its
 * figures are recorded under when one is given. The API checks and writes it in the request and
 * answers how many rows it read and how many monthly figures were new or changed.
 */
export async function uploadTradeFlowFile(file: File, source: string | null): Promise<FlowImportResult> {
  const query = source ? `?source=${encodeURIComponent(source)}` : '';
  const body = await postFile(`/api/market/trade-flows${query}`, file);
  return { rowsRead: Number(body.rowsRead ?? 0), rowsWritten: Number(body.rowsWritten ?? 0) };
}

export interface FlowRowProblem {
  line: number;
  messagesZh: string[];
  messagesEn: string[];
}

export interface FlowRefusal {
  /** The first rows with problems, by line (the API sends at most 200). */
  rows: FlowRowProblem[];
  /** How many rows had problems in all. */
  total: number;
  /** The file had more rows than a figures file may: the row limit. */
  tooManyRows: number | null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The rows a refused figures file (market/flows-invalid) had wrong, read from the error's details; null for any other error. */
export function flowRefusal(error: unknown): FlowRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'market/flows-invalid') return null;
  const details = jsonObject(error.details);
  const rows = (Array.isArray(details.errors) ? details.errors : [])
    .map(jsonObject)
    .filter((row) => typeof row.line === 'number')
    .map((row) => ({ line: row.line as number, messagesZh: strings(row.messagesZh), messagesEn: strings(row.messagesEn) }));
  const total = typeof details.errorCount === 'number' ? details.errorCount : rows.length;
  const tooManyRows = typeof details.tooManyRows === 'number' ? details.tooManyRows : null;
  return { rows, total, tooManyRows };
}
