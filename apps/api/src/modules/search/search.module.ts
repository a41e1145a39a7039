import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { CatalogModule } from '../catalog/catalog.module';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { PostgresSearchEngine } from './postgres-search.engine';
import { ResidentSearch } from './resident-search';
import { SEARCH_ENGINE } from './search-engine';
import { searchEngineFor } from './search-engines';
import { SearchIndexer } from './search-indexer';
import { SearchLabels } from './search-labels';
import { SearchSource } from './search-source';
import { SearchTerms } from './search-terms';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
// the module's error codes join the catalogue when the module is loaded
import './search.errors';

/** Search over public listings, on PostgreSQL by default and on Meilisearch when MEILI_HOST is set; kept in step by listing and organisation events. */
@Module({
  imports: [EventsModule, GeoModule, CatalogModule],
  providers: [
    ResidentSearch,
    PostgresSearchEngine,
    {
      provide: SEARCH_ENGINE,
      inject: [APP_CONFIG, PostgresSearchEngine],
      useFactory: (config: AppConfig, postgres: PostgresSearchEngine) => searchEngineFor(config, postgres),
    },
    SearchSource,
    SearchLabels,
    SearchTerms,
    SearchIndexer,
    SearchService,
    SearchResolver,
  ],
  exports: [SearchIndexer],
})
export class SearchModule {}
