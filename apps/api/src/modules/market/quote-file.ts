import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { pipeline, type Readable } from 'node:stream';

/** What a price file can be: CSV text (UTF-8 or GBK) or an Excel workbook (.xlsx). */
export type QuoteFileKind = 'csv-utf8' | 'csv-gbk' | 'xlsx';

/** A row of a file as read: its line (CSV) or row number (XLSX), and its cells as text, numbers or dates. */
export interface FileRow {
  line: number;
  cells: (string | number | Date | null)[];
}

export type FileProblem = 'empty' | 'xls' | 'binary' | 'unreadable';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * What the file is, from its first bytes: a ZIP is a workbook; the old binary Excel format is
 * refused (save it as .xlsx); text that is valid UTF-8 is UTF-8, other text is taken as GBK
 * (GB18030, which contains it), as Chinese spreadsheets export it.
 */
export function quoteFileKind(head: Buffer): QuoteFileKind | { problem: FileProblem } {
  if (head.length === 0) return { problem: 'empty' };
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE)) return { problem: 'xls' };
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'csv-utf8';
  if (head.includes(0)) return { problem: 'binary' };
  try {
    // streaming: a multi-byte character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'csv-utf8';
  } catch {
    return 'csv-gbk';
  }
}

/** Reads the first `bytes` of a stream (and closes it). */
export async function readHead(open: () => Readable, bytes = 64 * 1024): Promise<Buffer> {
  const stream = open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/**
 * The rows of a price file, one at a time, without holding the file in memory: CSV through a
 * decoding stream and a streaming parser, XLSX through the workbook's streaming reader (the first
 * worksheet). Empty rows are skipped.
 */
export async function* fileRows(open: () => Readable, kind: QuoteFileKind): AsyncGenerator<FileRow> {
  if (kind === 'xlsx') {
    yield* workbookRows(open());
    return;
  }
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true, max_record_size: 64 * 1024 });
  // a file that cannot be read to its end fails the rows read from it, and rows no longer wanted close the file
  pipeline(open(), iconv.decodeStream(kind === 'csv-gbk' ? 'gb18030' : 'utf8', { stripBOM: true }), parser, () => undefined);
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (record.record.every((cell) => cell === '')) continue;
    yield { line: record.info.lines, cells: record.record };
  }
}

async function* workbookRows(input: Readable): AsyncGenerator<FileRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (values.every((v) => v === null || v === '')) continue;
      yield { line: row.number, cells: values };
    }
    break; // the first worksheet holds the quotes
  }
}

/** A cell as text, number or date: formulas by their result, rich text by its words. */
function cellValue(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return typeof value === 'string' ? value.trim() : value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in v) return cellValue(v.result);
    if (v.richText) return v.richText.map((part) => part.text).join('').trim();
    if (typeof v.text === 'string') return v.text.trim();
  }
  return String(value);
}
