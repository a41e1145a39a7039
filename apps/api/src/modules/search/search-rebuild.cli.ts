import 'reflect-metadata';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../config';
import { ormConfig } from '../../database/orm.config';
import { JobRegistry } from '../events/job-registry';
import { ListingReadModel } from '../catalog/listing.read-model';
import { GeoService } from '../geo/geo.service';
import { PostgresSearchEngine } from './postgres-search.engine';
import { searchEngineFor } from './search-engines';
import { SearchIndexer } from './search-indexer';
import { SearchSource } from './search-source';
import { SearchTerms } from './search-terms';

const USAGE = 'usage: DATABASE_URL=postgresql://… [MEILI_HOST=…] pnpm search-rebuild [postgres|meilisearch|all]';

/**
 * `pnpm search-rebuild [engine]`: rebuilds a search index from the database — after restoring a
 * backup, pointing at a new Meilisearch server, or loading listings behind the API's back. Searches
 * keep being answered while it runs; changes made meanwhile are replayed at the end.
 */
async function main() {
  const which = process.argv[2] ?? 'all';
  const config = loadConfig({}, { command: true });
  if (!config.databaseUrl || !['postgres', 'meilisearch', 'all'].includes(which)) {
    console.error(USAGE);
    process.exit(2);
  }
  if (which === 'meilisearch' && !config.meili) {
    console.error('MEILI_HOST is not set: there is no Meilisearch index to rebuild');
    process.exit(2);
  }
  const orm = await MikroORM.init(ormConfig({ url: config.databaseUrl, poolMax: 4 }));
  try {
    const em = orm.em as EntityManager;
    const postgres = new PostgresSearchEngine(em);
    const engine = searchEngineFor(config, postgres);
    const terms = new SearchTerms(em);
    const geo = new GeoService(em);
    const indexer = new SearchIndexer(em, new JobRegistry(), new SearchSource(geo, new ListingReadModel(em, geo)), terms, postgres, engine, config);
    const targets = which === 'all' ? [postgres, ...(engine === postgres ? [] : [engine])] : [which === 'postgres' ? postgres : engine];
    for (const target of targets) {
      const started = Date.now();
      await target.prepare();
      const count = await indexer.rebuild(target);
      await indexer.recordBuilt(target);
      console.log(`${target.name}: ${count} listings indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await terms.refresh({ force: true });
    terms.onModuleDestroy();
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
