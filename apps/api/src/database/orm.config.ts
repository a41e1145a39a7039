import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  debug?: boolean;
}

export function ormConfig({ url, poolMax = 10, debug = false }: OrmOptions): Options {
  return defineConfig({
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    debug,
    pool: { min: 0, max: poolMax },
    // transactions and forks are explicit; nothing is loaded behind our back
    forceUndefined: true,
    allowGlobalContext: false,
    // the job queue keeps its own tables in its own schema and migrates them itself (see migrateJobQueue);
    // price observations are a table partitioned by month in schema `market`, written by migrations and SQL alone
    schemaGenerator: { ignoreSchema: ['graphile_worker', 'market'] },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      path: join(__dirname, 'migrations'),
      pathTs: join(__dirname, '..', '..', 'src', 'database', 'migrations'),
      transactional: true,
      allOrNothing: true,
      // new migrations are diffed against a freshly migrated database, not a snapshot file
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  });
}
