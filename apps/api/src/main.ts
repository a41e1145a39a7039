import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from './config';
import { createLogger } from './common/logger';
import { DEMO_LOGINS, DEMO_PASSWORD } from './database/demo-data';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare';
import { createServer } from './server';

const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: EMBEDDED_PORT,
      onLog: (line) => logger.debug({ component: 'postgres' }, line),
    });
    logger.info({ dataDir: join(config.dataDir, 'postgres'), port: EMBEDDED_PORT }, 'starting embedded PostgreSQL');
    await embedded.start();
    databaseUrl = embedded.url('postgres');
  }
  // Production databases are migrated by the explicit migrate command; the embedded one is prepared here.
  if (embedded || process.env.MIGRATE_ON_START === 'true') {
    await prepareDatabase(databaseUrl, logger, { demo: config.seedDemoData });
  }
  const app = await createServer({ config, databaseUrl, logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    try {
      await app.close();
      await embedded?.stop();
      logger.info('stopped cleanly');
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  logger.info({ url, graphql: `${url}/graphql`, storefront: Boolean(config.webDistDir) }, 'xiangnong is ready');
  if (process.stdout.isTTY || process.env.PRINT_BANNER !== 'false') {
    const lines = [
      '',
      `  湘农网 is running at ${url}   (GraphQL: ${url}/graphql)`,
      ...(config.seedDemoData ? ['  示例账号 / demo logins (password ' + DEMO_PASSWORD + '):', ...DEMO_LOGINS.map((l) => `    ${l.phone}  ${l.role}`)] : []),
      '  Ctrl-C stops the server and its database.',
      '',
    ];
    process.stderr.write(lines.join('\n') + '\n');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
