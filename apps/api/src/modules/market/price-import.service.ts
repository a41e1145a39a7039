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
import { PriceImportStage } from './price-import-stage';
import { monthsBetween, PriceObservations } from './price-observations';
import { type FileProblem, type FileRow, fileRows, quoteFileKind, type QuoteFileKind, readHead } from './quote-file';
import { mapColumns, QUOTE_FIELDS, type QuoteField, type QuoteReference, ROW_PROBLEM_TEXT, type RowCheck, rowChecker, type RowProblem } from './quote-rows';

/** How often (in rows read) progress is told, and at most how often it is recorded for the admin page. */
const PROGRESS_EVERY = 5_000;
const RECORD_EVERY_MS = 500;
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

const NO_ROWS = '文件中没有数据 / The file holds no rows';

type Outcome = { status: 'DONE' | 'FAILED' | 'DUPLICATE'; message: string | null };
type RefusedRow = { line: number; problems: RowProblem[] };

/** What the check keeps of a file it read to the end: the rows that passed are in the stage. */
interface CheckedFile {
  staged: number;
  sha256: string;
  commodityIds: number[];
  /** the first and last day quoted */
  first: string;
  last: string;
  /** the first refused rows, by line */
  refused: RefusedRow[];
}

export interface ImportProgress {
  status: string;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
  errorCount: number;
}

/** Where a file's bytes come from: opened once for its first bytes (what kind of file it is), once more to check every row. */
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
    let recordedAt = 0;
    const tell = async (record = false) => {
      onProgress?.({ ...progress });
      if (!record && Date.now() - recordedAt < RECORD_EVERY_MS) return;
      recordedAt = Date.now();
      await this.em.fork().nativeUpdate(PriceImport, { id: importId }, { ...progress });
    };
    try {
      await tell(true);
      const row = await this.em.fork().findOneOrFail(PriceImport, importId);
      const kind = quoteFileKind(await readHead(open));
      if (typeof kind !== 'string') return await this.finish(importId, progress, 'FAILED', FILE_PROBLEM_TEXT[kind.problem]);
      const saved = row.mappingName ? (await this.mapping(row.mappingName)).fields : {};
      const reference = await this.reference.load(this.em.fork(), chinaToday());
      // the rows that pass are staged in this transaction as they are checked, and written from there only once all passed
      const outcome = await this.em.fork().transactional(async (em): Promise<Outcome> => {
        const checked = await this.check(em, open, kind, saved as Record<string, QuoteField>, reference, progress, tell);
        if ('failure' in checked) return checked.failure;
        if (progress.errorCount) {
          await this.keepErrors(importId, checked.refused);
          return { status: 'FAILED', message: `${progress.errorCount} 行有错误，整个文件未导入 / ${progress.errorCount} rows were refused; nothing was imported` };
        }
        if (progress.rowsRead === 0) return { status: 'FAILED', message: NO_ROWS };
        await this.em.fork().nativeUpdate(PriceImport, { id: importId }, { fileSha256: checked.sha256, commodityIds: checked.commodityIds });
        const before = await this.em.fork().findOne(PriceImport, { fileSha256: checked.sha256, status: 'DONE', id: { $ne: importId } });
        if (before) return { status: 'DUPLICATE', message: `同一文件已于 ${before.finishedAt?.toISOString().slice(0, 10) ?? ''} 导入 / The same file was imported before` };

        progress.status = 'WRITING';
        await tell(true);
        // in a transaction of its own, before this one touches the observations (adding a partition locks the table)
        await this.em.fork().transactional((other) => this.observations.ensureMonths(other, monthsBetween(checked.first, checked.last)));
        progress.rowsWritten = await this.observations.writeStaged(em, PriceImportStage.TABLE, checked.staged, 'IMPORT', importId, async (written) => {
          progress.rowsWritten = written;
          await tell();
        });
        // subscriptions on what came in are checked once this commits
        if (progress.rowsWritten > 0) {
          await this.outbox.record(em, { type: 'market.prices-imported', aggregate: 'price-import', aggregateId: importId, payload: { importId, rows: progress.rowsWritten } });
        }
        return { status: 'DONE', message: null };
      });
      return await this.finish(importId, progress, outcome.status, outcome.message);
    } catch (error) {
      this.logger.error(`import ${importId} failed: ${(error as Error).message}`);
      return this.finish(importId, progress, 'FAILED', '导入时出错，请重试 / The import failed; please try again');
    }
  }

  /**
   * The check: every row of the file, once. What passes is staged in the transaction of `em`; of
   * the file itself only its hash and its refused rows (the first of them, by line) are kept.
   * Repeated rows are found among the staged ones once the whole file has been read.
   */
  private async check(
    em: EntityManager,
    open: OpenFile,
    kind: QuoteFileKind,
    saved: Record<string, QuoteField>,
    reference: QuoteReference,
    progress: ImportProgress,
    tell: () => Promise<void>,
  ): Promise<{ failure: Outcome } | CheckedFile> {
    const hash = createHash('sha256');
    const commodityIds = new Set<number>();
    const refused: RefusedRow[] = [];
    let checkRow: ((row: FileRow) => RowCheck) | undefined;
    let stage: PriceImportStage | undefined;
    let first = '9999-12-31';
    let last = '0000-01-01';
    const hashed = () => open().on('data', (chunk: Buffer) => hash.update(chunk));
    try {
      for await (const fileRow of fileRows(hashed, kind)) {
        if (!checkRow) {
          const mapped = mapColumns(fileRow.cells, saved);
          if ('problems' in mapped) {
            const missing = mapped.problems.map((p) => MAPPING_TEXT[p]).join('、');
            return { failure: { status: 'FAILED', message: `第 ${fileRow.line} 行的表头缺少：${missing}；未识别的列：${mapped.unknown.join('、') || '无'}。可在管理后台保存列对应关系后再导入。 / The header row lacks ${mapped.problems.join(', ')}; unknown columns: ${mapped.unknown.join(', ') || 'none'}. Save a column mapping and import again.` } };
          }
          checkRow = rowChecker(mapped, reference);
          stage = await PriceImportStage.open(em);
          continue;
        }
        progress.rowsRead++;
        const checked = checkRow(fileRow);
        if ('observation' in checked) {
          const { observation } = checked;
          commodityIds.add(observation.commodityId);
          if (observation.observedOn < first) first = observation.observedOn;
          if (observation.observedOn > last) last = observation.observedOn;
          progress.rowsChecked++;
          if (!stage!.add(observation, fileRow.line)) await stage!.drained();
        } else {
          progress.errorCount++;
          if (refused.length < ERRORS_KEPT) refused.push({ line: fileRow.line, problems: checked.problems });
        }
        if (progress.rowsRead % PROGRESS_EVERY === 0) await tell();
      }
    } catch (error) {
      await stage?.abandon();
      throw error;
    }
    if (!stage) return { failure: { status: 'FAILED', message: NO_ROWS } };
    const staged = await stage.close();
    const repeats = await stage.repeats(ERRORS_KEPT);
    progress.rowsChecked -= repeats.count;
    progress.errorCount += repeats.count;
    const repeated: RefusedRow[] = repeats.lines.map((line) => ({ line, problems: ['duplicate'] }));
    return {
      staged,
      sha256: hash.digest('hex'),
      commodityIds: [...commodityIds],
      first,
      last,
      refused: [...refused, ...repeated].sort((a, b) => a.line - b.line).slice(0, ERRORS_KEPT),
    };
  }

  /** Records the outcome and drops an uploaded file's stored pieces, together: a finished import keeps no file behind. */
  private async finish(importId: string, progress: ImportProgress, status: string, message: string | null): Promise<PriceImport> {
    progress.status = status;
    await this.em.fork().transactional(async (em) => {
      await em.nativeUpdate(PriceImport, { id: importId }, { ...progress, message, finishedAt: new Date() });
      await sqlIn(em)('delete from price_import_chunk where import_id = ?', [importId]);
    });
    return this.em.fork().findOneOrFail(PriceImport, importId);
  }

  private async keepErrors(importId: string, errors: RefusedRow[]): Promise<void> {
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
