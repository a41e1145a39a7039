import { Logger as WorkerLogger, runMigrations, type LogLevel } from 'graphile-worker';

export type LogLine = (level: 'error' | 'warn' | 'debug', message: string) => void;

/** The queue's own messages, at their level, in our log. */
export function workerLogger(log: LogLine): WorkerLogger {
  return new WorkerLogger(() => (level: LogLevel, message: string) => {
    log(level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug', message);
  });
}

/**
 * Installs or upgrades the job queue's tables (graphile-worker keeps them in the `graphile_worker`
 * schema and versions them itself). Part of preparing a database, like the application's migrations.
 */
export async function migrateJobQueue(databaseUrl: string, log: LogLine): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: workerLogger(log) });
}
