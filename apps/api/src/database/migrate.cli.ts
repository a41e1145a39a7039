import 'reflect-metadata';
import { createLogger } from '../common/logger';
import { prepareDatabase } from './prepare';

/** `pnpm migrate`: applies migrations and reference data to the database at DATABASE_URL. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required, e.g. postgresql://user:password@host:5432/xiangnong');
    process.exit(2);
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  await prepareDatabase(url, logger, { demo: process.env.SEED_DEMO_DATA === 'true' });
  logger.info('database is up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
