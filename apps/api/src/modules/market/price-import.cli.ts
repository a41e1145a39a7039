import 'reflect-metadata';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { ormConfig } from '../../database/orm.config';
import { JobRegistry } from '../events/job-registry';
import { OutboxService } from '../events/outbox.service';
import { TaskQueue } from '../events/task-queue';
import { GeoService } from '../geo/geo.service';
import { MarketReference } from './market-reference';
import { type ImportProgress, PriceImportService } from './price-import.service';
import { PriceObservations } from './price-observations';
import { ROW_PROBLEM_TEXT } from './quote-rows';

const USAGE = 'usage: DATABASE_URL=postgresql://… pnpm price-import <file.csv|file.xlsx> [--mapping <saved mapping name>]';

/** A bar of `width` characters, `share` (0–1) of it filled. */
function bar(share: number, width = 30): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/**
 * `pnpm price-import <file>`: imports a price file from this machine, as the admin page does, with a
 * progress bar: the check reads the file once (the first half of the bar), then the rows that
 * passed are written (the second half). Large files stream; nothing is written unless every row
 * passes. Exit code 0 when imported (or already imported), 1 when refused.
 */
async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { mapping: { type: 'string' } } });
  const config = loadConfig({}, { command: true });
  const file = positionals[0];
  if (!config.databaseUrl || !file) {
    console.error(USAGE);
    process.exit(2);
  }
  const size = statSync(file).size;
  const orm = await MikroORM.init(ormConfig({ url: config.databaseUrl, poolMax: 4 }));
  try {
    const em = orm.em as EntityManager;
    const jobs = new JobRegistry();
    const service = new PriceImportService(em, new MarketReference(new GeoService(em)), new PriceObservations(), jobs, new TaskQueue(jobs), new OutboxService(orm, jobs));
    const row = await service.create(basename(file), values.mapping ?? null, null);
    let bytes = 0;
    const open = () => {
      bytes = 0;
      return createReadStream(file, { highWaterMark: 256 * 1024 }).on('data', (chunk) => (bytes += chunk.length));
    };
    const started = Date.now();
    const draw = (p: ImportProgress) => {
      const share = p.status === 'WRITING' ? 0.5 + (p.rowsChecked ? p.rowsWritten / p.rowsChecked : 1) / 2 : size ? bytes / size / 2 : 0;
      process.stderr.write(`\r${bar(share)} ${p.status.padEnd(8)} read ${p.rowsRead.toLocaleString('en-US')}  checked ${p.rowsChecked.toLocaleString('en-US')}  written ${p.rowsWritten.toLocaleString('en-US')}  refused ${p.errorCount.toLocaleString('en-US')}  ${((Date.now() - started) / 1000).toFixed(0)} s `);
    };
    // the first open reads only the file's first bytes (its kind), the second checks it
    const result = await service.run(row.id, open, draw);
    process.stderr.write('\n');
    console.log(`${result.status}: ${result.rowsWritten.toLocaleString('en-US')} of ${result.rowsRead.toLocaleString('en-US')} rows written in ${((Date.now() - started) / 1000).toFixed(1)} s (import ${result.id})`);
    if (result.message) console.log(result.message);
    if (result.status === 'FAILED' && result.errorCount) {
      for (const e of await service.errors(row.id, 20)) console.log(`  line ${e.line}: ${e.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[0] ?? p).join('；')}`);
      if (result.errorCount > 20) console.log(`  … ${result.errorCount - 20} more; every one is in the admin page's error report`);
    }
    process.exitCode = result.status === 'FAILED' ? 1 : 0;
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
