import type { AppConfig } from '../../config';
import { MeiliSearchEngine } from './meili-search.engine';
import type { PostgresSearchEngine } from './postgres-search.engine';
import type { SearchEngine } from './search-engine';

/** The engine that answers searches: Meilisearch when one is configured, otherwise PostgreSQL. */
export function searchEngineFor(config: AppConfig, postgres: PostgresSearchEngine): SearchEngine {
  return config.meili ? new MeiliSearchEngine(config.meili) : postgres;
}
