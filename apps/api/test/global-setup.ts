import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { loadConfig } from '../src/config';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { migrate } from '../src/database/migrate';
import { migrateJobQueue } from '../src/modules/events/job-queue';
import { ormConfig } from '../src/database/orm.config';
import { loadReferenceData } from '../src/database/reference-data';
import { freePort } from './net';

export const TEMPLATE_DB = 'xn_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

/**
 * One real PostgreSQL for the whole run, with a template database migrated once; every test file
 * clones its own database from the template.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'xn-test-pg-'));
  chmodSync(dir, 0o755);
  const pg = new EmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), serviceHome: loadConfig({}, { command: true }).serviceHome });
  const teardown = async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg.start();
    const admin = pg.url('postgres');
    const orm = await MikroORM.init(ormConfig({ url: admin, poolMax: 2 }));
    await orm.em.getConnection().execute(`create database ${TEMPLATE_DB}`);
    await orm.close();
    const templateOrm = await MikroORM.init(ormConfig({ url: pg.url(TEMPLATE_DB), poolMax: 2 }));
    await migrate(templateOrm);
    await migrateJobQueue(pg.url(TEMPLATE_DB), () => undefined);
    await loadReferenceData(templateOrm.em.fork());
    await templateOrm.close();
    project.provide('pgServerUrl', admin);
    project.provide('templateDb', TEMPLATE_DB);
  } catch (error) {
    // A setup that throws returns no teardown for Vitest to run: clean up here.
    await teardown();
    throw error;
  }
  return teardown;
}
