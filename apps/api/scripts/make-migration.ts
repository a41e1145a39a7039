/**
 * Generates a migration from the difference between the entities and the migrated schema,
 * using a throwaway embedded PostgreSQL. Review the file, then list it in migrations/index.ts.
 *   pnpm --filter @xiangnong/api exec tsx scripts/make-migration.ts <name>
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { ormConfig } from '../src/database/orm.config';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'xn-migration-'));
  chmodSync(dir, 0o755); // the unprivileged database user must reach its folder
  const pg = new EmbeddedPostgres({ dataDir: join(dir, 'pg'), port: 55000 + Math.floor(Math.random() * 5000), serviceHome: loadConfig({}, { command: true }).serviceHome });
  await pg.start();
  try {
    const orm = await MikroORM.init(ormConfig({ url: pg.url('postgres') }));
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(undefined, false, false, process.argv[2]);
    console.log(result.fileName || 'no changes', '\n', result.code);
    await orm.close();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
