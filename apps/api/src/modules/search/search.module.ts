import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SEARCH_ENGINE } from './search-engine';
import { SearchIndexer } from './search-indexer';
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
    PostgresSearchEngine,
    { provide: SEARCH_ENGINE, useExisting: PostgresSearchEngine },
    SearchSource,
    SearchTerms,
    SearchIndexer,
    SearchService,
    SearchResolver,
  ],
  exports: [SearchIndexer],
})
export class SearchModule {}
