import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { sqlIn } from '../../common/sql';
import { APP_CONFIG, type AppConfig } from '../../config';
import { JobRegistry } from '../events/job-registry';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';
import { SearchSource } from './search-source';
import { SearchTerms } from './search-terms';
import { analysisFingerprint } from './text-analysis';

/** Listings read and written per transaction. */
const BATCH = 500;
/** Up to this many public listings, a missing index is built before the server takes requests. */
const BUILD_BEFORE_SERVING = 10_000;

/** Events after which a listing may look different in search, or appear or disappear. */
export const LISTING_EVENTS = ['listing.created', 'listing.changed', 'listing.status-changed', 'listing.stock-changed'] as const;
export const ORGANISATION_EVENTS = ['organisation.verified', 'organisation.rejected', 'organisation.suspended', 'organisation.updated'] as const;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Keeps the search engines in step with the listings. Listing and organisation events (from the
 * outbox, at least once) only say which listings to look at: the indexer reads their current state
 * and writes it, holding a lock per listing for the transaction, so two deliveries for one listing
 * run one after the other and the later one always reads the newer state; a repeated delivery
 * writes the same document again. A listing that is no longer public is removed.
 *
 * A rebuild reads every public listing in batches under the same locks, then lets the engine drop
 * what it did not rewrite, and finally replays the events recorded since it began, so nothing that
 * changed while it ran is lost. The PostgreSQL index is always kept (suggestions come from it);
 * Meilisearch, when configured, is written alongside.
 */
@Injectable()
export class SearchIndexer implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Search');
  private readonly engines: SearchEngine[];

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobRegistry,
    private readonly source: SearchSource,
    private readonly terms: SearchTerms,
    postgres: PostgresSearchEngine,
    @Inject(SEARCH_ENGINE) engine: SearchEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.engines = engine === postgres ? [postgres] : [postgres, engine];
  }

  /**
   * One pair of handlers per engine: each is retried and reported on its own, so a Meilisearch
   * server that is down holds up neither the PostgreSQL index nor the suggestions.
   */
  onModuleInit(): void {
    for (const engine of this.engines) {
      const suffix = engine.name === 'postgres' ? '' : `-${engine.name}`;
      this.jobs.onBatch(`search-index-listing${suffix}`, LISTING_EVENTS, (events, em) => this.index(em, events.map((e) => e.payload.listingId), [engine]));
      this.jobs.on(`search-index-organisation${suffix}`, ORGANISATION_EVENTS, async (event, em) =>
        this.index(em, await this.source.idsOfOrganisation(em, event.payload.organisationId), [engine]),
      );
    }
    this.jobs.every('search-suggestion-words', '* * * * *', async () => {
      await this.terms.refresh();
    });
  }

  /**
   * On an instance that runs jobs: settings applied, and any index built with other rules (or
   * never) rebuilt. A small catalogue is indexed before the server takes requests, so search is
   * complete from the first one; a large one is indexed in the background (about 2,500 listings a
   * second) while the server already answers.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobConcurrency === 0) return;
    const preparing = this.prepare().catch((error: unknown) => this.logger.error(`search index preparation failed: ${String(error)}`));
    const [{ n }] = await this.em.getConnection().execute<{ n: number }[]>(
      `select count(*)::int as n from listing l join organisation o on o.id = l.organisation_id
        where l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED'`,
    );
    if (n <= BUILD_BEFORE_SERVING) await preparing;
  }

  async prepare(): Promise<void> {
    for (const engine of this.engines) await engine.prepare();
    await this.rebuildStale();
    await this.terms.refresh();
  }

  /** Rebuilds every engine whose index was built with other analysis rules, or never; one instance at a time. */
  async rebuildStale(): Promise<string[]> {
    const rebuilt: string[] = [];
    const fingerprint = analysisFingerprint();
    await this.em.fork().transactional(async (em) => {
      const sql = sqlIn(em);
      await sql(`select pg_advisory_xact_lock(hashtextextended('search-prepare', 0))`);
      const states = await sql<{ engine: string; analysis: string }>('select engine, analysis from search_index_state');
      for (const engine of this.engines) {
        if (states.some((s) => s.engine === engine.name && s.analysis === fingerprint)) continue;
        const count = await this.rebuild(engine);
        await this.recordBuilt(engine, em);
        this.logger.log(`search index (${engine.name}) built: ${count} listings`);
        rebuilt.push(engine.name);
      }
    });
    return rebuilt;
  }

  /** Records that `engine`'s index holds everything, analysed with the current rules. */
  async recordBuilt(engine: SearchEngine, em: EntityManager = this.em): Promise<void> {
    await sqlIn(em)(
      `insert into search_index_state (engine, analysis, rebuilt_at) values (?, ?, now())
       on conflict (engine) do update set analysis = excluded.analysis, rebuilt_at = excluded.rebuilt_at`,
      [engine.name, analysisFingerprint()],
    );
  }

  /** Writes the current state of these listings to every engine, within `em`'s transaction. */
  async index(em: EntityManager, ids: readonly string[], engines: readonly SearchEngine[] = this.engines): Promise<void> {
    for (const batch of chunks([...new Set(ids)].sort(), BATCH)) {
      await this.lock(em, batch);
      const { upserts, removals } = await this.source.load(em, batch);
      for (const engine of engines) await engine.write(upserts, removals, { em });
    }
    if (engines.some((e) => e.name === 'postgres')) this.terms.soon();
  }

  /** Rebuilds one engine's index from the database, one rebuild of an engine at a time; returns how many listings it holds. */
  async rebuild(engine: SearchEngine): Promise<number> {
    return this.em.fork().transactional(async (lockEm) => {
      await sqlIn(lockEm)(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`search-rebuild:${engine.name}`]);
      const [{ started }] = await sqlIn(this.em)<{ started: string }>(`select clock_timestamp()::text as started`);
      const target = await engine.beginRebuild();
      let count = 0;
      let after: string | undefined;
      // Two batches at a time, each in its own transaction: one is analysed here while the
      // database writes the other, so neither this process nor the database waits for the other.
      let writing: Promise<void> = Promise.resolve();
      try {
        for (;;) {
          const batch = await this.source.publicIdsAfter(this.em.fork(), after, BATCH);
          if (!batch.length) break;
          after = batch[batch.length - 1];
          const step = this.em.fork().transactional(async (em) => {
            await this.lock(em, batch);
            const { upserts } = await this.source.load(em, batch);
            await target.write(upserts, { em });
            count += upserts.length;
          });
          step.catch(() => undefined); // awaited below, also when the batch before it fails
          try {
            await writing;
          } finally {
            writing = step;
          }
        }
        await writing;
      } catch (error) {
        await writing.catch(() => undefined);
        throw error;
      }
      await target.finish(new Date(started));
      await this.replaySince(engine, started);
      return count;
    });
  }

  /**
   * Re-reads the listings that events since `since` touched, into one engine. An event is stamped
   * when its transaction began, so a margin covers changes that began before the rebuild and
   * committed after it read them.
   */
  private async replaySince(engine: SearchEngine, since: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const rows = await sqlIn(em)<{ id: string }>(
        `select distinct (payload->>'listingId') as id from outbox
          where created_at >= ?::timestamptz - interval '5 minutes' and type in (?) and payload->>'listingId' is not null
         union
         select l.id::text from outbox e join listing l on l.organisation_id = (e.payload->>'organisationId')::uuid
          where e.created_at >= ?::timestamptz - interval '5 minutes' and e.type in (?)`,
        [since, [...LISTING_EVENTS], since, [...ORGANISATION_EVENTS]],
      );
      await this.index(em, rows.map((r) => r.id), [engine]);
    });
  }

  /** Per-listing locks for the rest of the transaction, taken in one order so that two indexers never wait on each other in a circle. */
  private async lock(em: EntityManager, ids: readonly string[]): Promise<void> {
    await sqlIn(em)(
      `select count(pg_advisory_xact_lock(k)) from (select distinct hashtextextended('search:' || id, 0) as k from unnest(string_to_array(?, ',')) as id order by 1) locks`,
      [ids.join(',')],
    );
  }
}
