import 'reflect-metadata';
import cluster from 'node:cluster';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig, type AppConfig } from './config';
import { createLogger } from './common/logger';
import { DEMO_LOGINS, DEMO_PASSWORD } from './database/demo-data';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare';
import { createServer } from './server';

const SHUTDOWN_LIMIT_MS = 20_000;

/**
 * Stops once on SIGINT/SIGTERM (or the primary's word, for a worker): `close` finishes in-flight
 * work; a second signal or the time limit exits at once. Workers ignore repeats, because a Ctrl-C
 * reaches them both from the terminal and from their primary.
 */
function onShutdown(logger: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      if (cluster.isWorker) return;
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    try {
      await close();
      logger.info('stopped cleanly');
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (cluster.isWorker) process.on('message', (message) => message === 'shutdown' && void stop('primary'));
}

/** Serves HTTP in this process until a signal, then closes the server (and the embedded database, if given). */
async function serve(config: AppConfig, databaseUrl: string, logger: Logger, embedded?: EmbeddedPostgres): Promise<void> {
  // Listen for signals before booting, so that a stop during start-up is still a clean one.
  const running: { app?: Awaited<ReturnType<typeof createServer>> } = {};
  onShutdown(logger, async () => {
    await running.app?.close();
    await embedded?.stop();
  });
  running.app = await createServer({ config, databaseUrl, logger, poolMax: config.dbPoolMax });
  await running.app.listen({ port: config.port, host: config.host });
}

function banner(config: AppConfig): void {
  const url = `http://localhost:${config.port}`;
  if (!config.printBanner) return;
  const lines = [
    '',
    `  湘农网 is running at ${url}   (GraphQL: ${url}/graphql)`,
    ...(config.seedDemoData ? [`  示例账号 / demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_LOGINS.map((l) => `    ${l.phone}  ${l.role}`)] : []),
    '  Ctrl-C stops the server and its database.',
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  // A worker of a multi-process server: the primary has prepared the database and passed its URL.
  if (cluster.isWorker) {
    await serve(config, config.databaseUrl!, logger.child({ worker: cluster.worker!.id }));
    return;
  }

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      serviceHome: config.serviceHome,
      onLog: (line) => logger.debug({ component: 'postgres' }, line),
      onNotice: (message) => logger.info({ component: 'postgres' }, message),
    });
    logger.info({ dataDir: join(config.dataDir, 'postgres'), port: config.embeddedPgPort }, 'starting embedded PostgreSQL');
    await embedded.start();
    databaseUrl = embedded.url('postgres');
  }
  // Production databases are migrated by the explicit migrate command; the embedded one is prepared here.
  if (embedded || config.migrateOnStart) {
    await prepareDatabase(databaseUrl, logger, { demo: config.seedDemoData });
  }

  const workers = config.apiWorkers;
  if (workers === 1) {
    await serve(config, databaseUrl, logger, embedded);
  } else {
    // Several processes share the port (node:cluster); they keep nothing in memory that another needs.
    // One of them runs the jobs (event handlers, schedules, tasks): more copies on one machine would
    // only compete for its cores; instances on other machines run their own.
    let stopping = false;
    const jobRunners = new Set<number>();
    const fork = (runsJobs: boolean) => {
      const worker = cluster.fork({ DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'false', ...(runsJobs ? {} : { JOB_CONCURRENCY: '0' }) });
      if (runsJobs) jobRunners.add(worker.id);
      return worker;
    };
    cluster.on('exit', (worker, code) => {
      const runsJobs = jobRunners.delete(worker.id);
      if (stopping) return;
      logger.error({ worker: worker.id, code }, 'worker exited; starting another');
      fork(runsJobs);
    });
    onShutdown(logger, async () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      await Promise.all(alive.map((w) => new Promise<void>((resolve) => {
        w!.once('exit', () => resolve());
        if (w!.isConnected()) w!.send('shutdown');
        else w!.process.kill('SIGTERM');
      })));
      await embedded?.stop();
    });
    await Promise.all(Array.from({ length: workers }, (_, i) => new Promise((resolve) => fork(i === 0).once('listening', resolve))));
  }
  logger.info({ url: `http://localhost:${config.port}`, workers, storefront: Boolean(config.webDistDir) }, 'xiangnong is ready');
  banner(config);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
