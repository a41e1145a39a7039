import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { chinaToday } from '@xiangnong/domain';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { requireText } from '../../common/text-input';
import { JobRegistry } from '../events/job-registry';
import { OutboxService } from '../events/outbox.service';
import { TaskQueue } from '../events/task-queue';
import { MarketReference } from './market-reference';
import './market.events';
import { ImportMapping, PriceImport, PriceImportError } from './market.entities';
import { monthsBetween, PriceObservations } from './price-observations';
import { fileRows, quoteFileKind, readHead, type FileProblem } from './quote-file';
import { checkRow, type ColumnMap, mapColumns, QUOTE_FIELDS, type QuoteField, ROW_PROBLEM_TEXT, type RowProblem } from './quote-rows';

/** Rows written per statement, and how often progress is told. */
const WRITE_BATCH = 5_000;
const PROGRESS_EVERY = 5_000;
/** Refused rows kept for the report; beyond them only the count is. */
const ERRORS_KEPT = 10_000;
/** Web uploads are kept in the database in pieces of this size until imported. */
const CHUNK_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const FILE_PROBLEM_TEXT: Record<FileProblem, string> = {
  empty: '文件是空的 / The file is empty',
  xls: '旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV / An old Excel (.xls) file: save it as .xlsx or CSV',
  binary: '不是文本或 Excel 文件 / Not a text or Excel file',
  unreadable: '文件无法读取 / The file cannot be read',
};

const MAPPING_TEXT: Record<string, string> = {
  'missing-commodity': '品名', 'missing-date': '日期', 'missing-place': '市场或县市区', 'missing-price': '价格（平均价，或最低价和最高价）', 'missing-unit': '单位',
};

export interface ImportProgress {
  status: string;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
  errorCount: number;
}

/** Where a file's bytes come from: opened once to check every row, once more to write them. */
export type OpenFile = () => Readable;

/**
 * Imports price files (CSV in UTF-8 or GBK, Excel workbooks). The whole file is checked first,
 * row by row, without keeping it in memory; any refused row (unknown commodity or market, a bad
 * unit, a date in the future, low above high, a repeated row …) refuses the file, with every such
 * row reported by its line, and nothing is written. A file that passes is written in one
 * transaction, so it is imported whole or not at all; a quote already recorded (the same file
 * again, or an overlapping one) adds nothing. Progress is recorded as it goes, for the admin page
 * and the command line.
 */
@Injectable()
export class PriceImportService implements OnModuleInit {
  private readonly logger = new Logger('PriceImport');

  constructor(
    private readonly em: EntityManager,
    private readonly reference: MarketReference,
    private readonly observations: PriceObservations,
    private readonly jobs: JobRegistry,
    private readonly tasks: TaskQueue,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.task('import-prices', async (payload) => {
      const importId = String(payload.importId);
      await this.run(importId, () => this.storedFile(importId));
      await this.em.fork().getConnection().execute('delete from price_import_chunk where import_id = ?', [importId]);
    }, { maxAttempts: 1 });
  }

  /** A new import of a file given on the command line (run it with `run`). */
  async create(fileName: string, mappingName: string | null, createdBy: string | null): Promise<PriceImport> {
    const em = this.em.fork();
    if (mappingName) await this.mapping(mappingName);
    const row = em.create(PriceImport, { fileName: fileName.slice(0, 400), status: 'QUEUED', mappingName, createdBy });
    await em.flush();
    return row;
  }

  /**
   * An upload from the admin page: kept in the database in pieces (any instance may run the
   * import), then the import is queued, in one transaction.
   */
  async upload(ctx: RequestContext, file: Readable, fileName: string, mappingName: string | null): Promise<PriceImport> {
    const user = ctx.requireAdmin();
    if (mappingName) await this.mapping(mappingName);
    return this.em.fork().transactional(async (em) => {
      const row = em.create(PriceImport, { fileName: fileName.slice(0, 400) || 'upload', status: 'QUEUED', mappingName, createdBy: user.id });
      await em.flush();
      let seq = 0;
      let size = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (!pendingBytes) return;
        await sqlIn(em)('insert into price_import_chunk (import_id, seq, data) values (?, ?, ?)', [row.id, seq++, Buffer.concat(pending)]);
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of file) {
        size += (chunk as Buffer).length;
        if (size > MAX_UPLOAD_BYTES) throw new DomainError('market/file-too-large');
        pending.push(chunk as Buffer);
        pendingBytes += (chunk as Buffer).length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      await this.tasks.enqueue(em, 'import-prices', { importId: row.id });
      return row;
    });
  }

  /** The stored pieces of an uploaded file, read one at a time. */
  private storedFile(importId: string): Readable {
    const em = this.em.fork();
    async function* pieces() {
      for (let seq = 0; ; seq++) {
        const [row] = await em.getConnection().execute<{ data: Buffer }[]>('select data from price_import_chunk where import_id = ? and seq = ?', [importId, seq]);
        if (!row) return;
        yield row.data;
      }
    }
    return Readable.from(pieces());
  }

  /** Runs an import to its end: DONE, FAILED (with its reasons) or DUPLICATE. */
  async run(importId: string, open: OpenFile, onProgress?: (progress: ImportProgress) => void): Promise<PriceImport> {
    const progress: ImportProgress = { status: 'CHECKING', rowsRead: 0, rowsChecked: 0, rowsWritten: 0, errorCount: 0 };
    const tell = async (extra: Record<string, unknown> = {}) => {
      onProgress?.({ ...progress });
      await this.em.fork().nativeUpdate(PriceImport, { id: importId }, { ...progress, ...extra });
    };
    try {
      await tell();
      const row = await this.em.fork().findOneOrFail(PriceImport, importId);
      const kind = quoteFileKind(await readHead(open));
      if (typeof kind !== 'string') return await this.finish(importId, progress, 'FAILED', FILE_PROBLEM_TEXT[kind.problem]);
      const saved = row.mappingName ? (await this.mapping(row.mappingName)).fields : {};
      const reference = await this.reference.load(this.em.fork(), chinaToday());

      // the check: every row, once, keeping nothing of the file but what identifies each quote
      const hash = createHash('sha256');
      const seen = new Map<string, number>();
      const commodityIds = new Set<number>();
      const errors: { line: number; problems: RowProblem[] }[] = [];
      let columns: ColumnMap | undefined;
      let first = '9999-12-31';
      let last = '0000-01-01';
      const hashed = () => open().on('data', (chunk: Buffer) => hash.update(chunk));
      for await (const fileRow of fileRows(hashed, kind)) {
        if (!columns) {
          const mapped = mapColumns(fileRow.cells, saved as Record<string, QuoteField>);
          if ('problems' in mapped) {
            const missing = mapped.problems.map((p) => MAPPING_TEXT[p]).join('、');
            return await this.finish(importId, progress, 'FAILED', `第 ${fileRow.line} 行的表头缺少：${missing}；未识别的列：${mapped.unknown.join('、') || '无'}。可在管理后台保存列对应关系后再导入。 / The header row lacks ${mapped.problems.join(', ')}; unknown columns: ${mapped.unknown.join(', ') || 'none'}. Save a column mapping and import again.`);
          }
          columns = mapped;
          continue;
        }
        progress.rowsRead++;
        const checked = checkRow(fileRow, columns, reference);
        let problems = 'problems' in checked ? checked.problems : [];
        if ('observation' in checked) {
          const earlier = seen.get(checked.observation.key);
          if (earlier !== undefined) problems = ['duplicate'];
          else {
            seen.set(checked.observation.key, fileRow.line);
            commodityIds.add(checked.observation.commodityId);
            if (checked.observation.observedOn < first) first = checked.observation.observedOn;
            if (checked.observation.observedOn > last) last = checked.observation.observedOn;
            progress.rowsChecked++;
          }
        }
        if (problems.length) {
          progress.errorCount++;
          if (errors.length < ERRORS_KEPT) errors.push({ line: fileRow.line, problems });
        }
        if (progress.rowsRead % PROGRESS_EVERY === 0) await tell();
      }
      seen.clear();
      if (!columns) return await this.finish(importId, progress, 'FAILED', '文件中没有数据 / The file holds no rows');
      if (errors.length) {
        await this.keepErrors(importId, errors);
        return await this.finish(importId, progress, 'FAILED', `${progress.errorCount} 行有错误，整个文件未导入 / ${progress.errorCount} rows were refused; nothing was imported`);
      }
      if (progress.rowsRead === 0) return await this.finish(importId, progress, 'FAILED', '文件中没有数据 / The file holds no rows');
      const sha256 = hash.digest('hex');
      await this.em.fork().nativeUpdate(PriceImport, { id: importId }, { fileSha256: sha256, commodityIds: [...commodityIds] });
      const before = await this.em.fork().findOne(PriceImport, { fileSha256: sha256, status: 'DONE', id: { $ne: importId } });
      if (before) return await this.finish(importId, progress, 'DUPLICATE', `同一文件已于 ${before.finishedAt?.toISOString().slice(0, 10) ?? ''} 导入 / The same file was imported before`);

      // the write: every row again, in one transaction
      progress.status = 'WRITING';
      await tell();
      await this.em.fork().transactional((em) => this.observations.ensureMonths(em, monthsBetween(first, last)));
      const mapped = columns;
      await this.em.fork().transactional(async (em) => {
        let batch = [];
        for await (const fileRow of fileRows(open, kind)) {
          if (fileRow.cells === undefined) continue;
          const checked = checkRow(fileRow, mapped, reference);
          if (!('observation' in checked)) continue; // the header row
          batch.push(checked.observation);
          if (batch.length >= WRITE_BATCH) {
            progress.rowsWritten += await this.observations.write(em, batch, 'IMPORT', importId);
            batch = [];
            await tell();
          }
        }
        progress.rowsWritten += await this.observations.write(em, batch, 'IMPORT', importId);
        // subscriptions on what came in are checked once this commits
        if (progress.rowsWritten > 0) {
          await this.outbox.record(em, { type: 'market.prices-imported', aggregate: 'price-import', aggregateId: importId, payload: { importId, rows: progress.rowsWritten } });
        }
      });
      return await this.finish(importId, progress, 'DONE', null);
    } catch (error) {
      this.logger.error(`import ${importId} failed: ${(error as Error).message}`);
      return this.finish(importId, progress, 'FAILED', '导入时出错，请重试 / The import failed; please try again');
    }
  }

  private async finish(importId: string, progress: ImportProgress, status: string, message: string | null): Promise<PriceImport> {
    progress.status = status;
    await this.em.fork().nativeUpdate(PriceImport, { id: importId }, { ...progress, message, finishedAt: new Date() });
    return this.em.fork().findOneOrFail(PriceImport, importId);
  }

  private async keepErrors(importId: string, errors: { line: number; problems: RowProblem[] }[]): Promise<void> {
    const em = this.em.fork();
    for (let i = 0; i < errors.length; i += 1000) {
      await em.insertMany(PriceImportError, errors.slice(i, i + 1000).map((e) => ({ importId, line: e.line, problems: e.problems })));
    }
  }

  // ── reading imports back ───────────────────────────────────────────────

  async imports(ctx: RequestContext, first = 20): Promise<PriceImport[]> {
    ctx.requireAdmin();
    return this.em.fork().find(PriceImport, {}, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 100) });
  }

  async byId(ctx: RequestContext, id: string): Promise<PriceImport> {
    ctx.requireAdmin();
    const row = isUuid(id) ? await this.em.fork().findOne(PriceImport, id) : null;
    if (!row) throw new DomainError('market/import-not-found');
    return row;
  }

  async errors(importId: string, first: number): Promise<PriceImportError[]> {
    return this.em.fork().find(PriceImportError, { importId }, { orderBy: { line: 'asc' }, limit: first });
  }

  /** The refused rows as CSV (line, problem codes, Chinese and English reasons), with a byte-order mark for spreadsheets. */
  async errorsCsv(importId: string): Promise<string> {
    const rows = await this.em.fork().find(PriceImportError, { importId }, { orderBy: { line: 'asc' } });
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const lines = rows.map((r) =>
      [r.line, quote(r.problems.join(' ')), quote(r.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[0] ?? p).join('；')), quote(r.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[1] ?? p).join('; '))].join(','),
    );
    return `\uFEFF行号 line,问题 problems,原因,reason\n${lines.join('\n')}\n`;
  }

  // ── saved mappings ─────────────────────────────────────────────────────

  async mapping(name: string): Promise<ImportMapping> {
    const row = await this.em.fork().findOne(ImportMapping, { name });
    if (!row) throw new DomainError('market/mapping-unknown', { name });
    return row;
  }

  async mappings(ctx: RequestContext): Promise<ImportMapping[]> {
    ctx.requireAdmin();
    return this.em.fork().find(ImportMapping, {}, { orderBy: { name: 'asc' } });
  }

  async saveMapping(ctx: RequestContext, nameRaw: string, fields: Record<string, string>): Promise<ImportMapping> {
    ctx.requireAdmin();
    const name = requireText(nameRaw ?? '', 'mappingName', 'market/mapping-invalid');
    const entries = Object.entries(fields ?? {});
    if (!entries.length || entries.length > 40 || !entries.every(([header, field]) => header.trim().length > 0 && header.length <= 60 && (QUOTE_FIELDS as readonly string[]).includes(field))) {
      throw new DomainError('market/mapping-invalid');
    }
    await this.em.getConnection().execute(
      `insert into import_mapping (name, fields, updated_at) values (?, ?::jsonb, now()) on conflict (name) do update set fields = excluded.fields, updated_at = now()`,
      [name, JSON.stringify(Object.fromEntries(entries.map(([h, f]) => [h.trim(), f])))],
    );
    return this.mapping(name);
  }
}
