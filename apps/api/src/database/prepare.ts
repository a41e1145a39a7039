import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { migrateJobQueue } from '../modules/events/job-queue';
import { loadDemoFlows, loadDemoPrices } from '../modules/market/demo-prices';
import { loadDemoData } from './demo-data';
import { migrate } from './migrate';
import { ormConfig } from './orm.config';
import { loadReferenceData } from './reference-data';

/** Brings a database up to date: migrations, reference data, and (on request) the demo dataset. */
export async function prepareDatabase(url: string, logger: Logger, options: { demo: boolean }): Promise<void> {
  const orm = await MikroORM.init(ormConfig({ url, poolMax: 2 }));
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await migrateJobQueue(url, (level, message) => logger[level]({ component: 'jobs' }, message));
    await loadReferenceData(orm.em.fork());
    if (options.demo && (await loadDemoData(orm.em.fork()))) logger.info('demo data loaded');
    if (options.demo) {
      const prices = await loadDemoPrices(orm.em.fork());
      if (prices) logger.info({ observations: prices }, 'sample price history loaded');
      const flows = await loadDemoFlows(orm.em.fork());
      if (flows) logger.info({ months: flows }, 'sample import and export figures loaded');
    }
  } finally {
    await orm.close();
  }
}
