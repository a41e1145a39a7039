import 'reflect-metadata';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config';
import { prepareDatabase } from './prepare';

/** `pnpm migrate`: applies migrations and reference data (and, if asked, the demo data) to the database at DATABASE_URL. */
async function main() {
  const config = loadConfig({}, { command: true });
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is required, e.g. postgresql://user:password@host:5432/xiangnong');
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  await prepareDatabase(config.databaseUrl, logger, { demo: config.seedDemoData });
  logger.info('database is up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
