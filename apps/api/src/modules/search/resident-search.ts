import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { Metrics } from '../../common/metrics';
import { PgNotificationHub } from '../../common/pg-notifications';
import { pooledQuery } from '../../common/sql';
import { type ResidentDocument, ResidentIndex } from './resident-index';

/** Where the PostgreSQL engine announces the listings whose documents it wrote, or `*` when the whole index was replaced. */
export const SEARCH_DOCUMENTS_CHANNEL = 'xn_search';
/** A notification's payload is at most 8,000 bytes: this many ids (36 characters and a comma each) fit. */
export const IDS_PER_NOTIFICATION = 200;
/**
 * Documents read per query while loading: a batch's rows die before the next young-generation
 * collection, instead of being promoted and leaving the old generation fragmented (5,000 left it
 * twice as many pages for the same documents, which every young-generation collection walks).
 */
const LOAD_BATCH = 1_000;
/**
 * Documents are loaded by channel, category and county: a search's matches are mostly of one
 * channel and a few categories, so that they lie close together in the copy's columns instead of
 * across all of it. With the cache emptied before each search (as the rest of a request leaves
 * it), a broad search over the benchmark's 83,675 documents took 230–260 µs instead of 430–440 µs,
 * a selective one 150–160 instead of 210. Documents that change later go to the end until the
 * next load.
 */
const LOAD_ORDER = 'channel_code, category_ids, county_code, listing_id';
/** A fresh load reclaims the space of replaced documents once they are this share of the live ones. */
const RELOAD_WHEN_DEAD = 0.5;

interface DocumentRow {
  listing_id: string;
  channel_code: string;
  category_ids: number[];
  prefecture_code: string;
  county_code: string;
  poverty: boolean;
  certifications: string[];
  price_per_kg_fen: number | null;
  in_stock: boolean;
  published: string;
  tokens: string;
  card: string | null;
}

const COLUMNS = `listing_id, channel_code, category_ids, prefecture_code, county_code, poverty, certifications, price_per_kg_fen,
  in_stock, (extract(epoch from published_at) * 1000000)::int8::text as published, tokens::text as tokens, card::text as card`;

/** A stored tsvector (`'安化':1A,2B 'anhua':1A …`) as its tokens, and those of the title (weight A). */
export function parseTokens(text: string): { tokens: string[]; titleTokens: string[] } {
  const tokens: string[] = [];
  const titleTokens: string[] = [];
  if (!text) return { tokens, titleTokens };
  // tokens are letters and digits only (see text-analysis), so neither quotes nor spaces occur inside one
  for (const part of text.split(' ')) {
    const end = part.lastIndexOf("'");
    const token = part.slice(1, end);
    tokens.push(token);
    if (part.includes('A', end)) titleTokens.push(token);
  }
  return { tokens, titleTokens };
}

function documentOf(row: DocumentRow): ResidentDocument {
  return {
    id: row.listing_id,
    channelCode: row.channel_code,
    categoryIds: row.category_ids,
    prefectureCode: row.prefecture_code,
    countyCode: row.county_code,
    poverty: row.poverty,
    certifications: row.certifications,
    pricePerKgFen: row.price_per_kg_fen,
    inStock: row.in_stock,
    publishedAtMicros: Number(row.published),
    card: row.card ?? undefined,
    ...parseTokens(row.tokens),
  };
}

/**
 * Keeps the PostgreSQL engine's documents resident in this process (see ResidentIndex), so that a
 * search is answered from memory. The table stays the one record: this copy is loaded from it,
 * and every write to it is announced (in the writing transaction, so heard only once committed),
 * after which this copy reads those documents again. The copy is offered only while it is known to
 * be current: from the end of a load until the announcements can no longer be heard. Meanwhile the
 * engine answers with SQL, the same answers more slowly.
 */
@Injectable()
export class ResidentSearch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Search');
  private index: ResidentIndex | undefined;
  /** a load under way: the ids heard meanwhile are read again before it is offered */
  private loading: { heard: Set<string> } | undefined;
  /** each load gets a number; one that a newer load replaced is dropped */
  private generation = 0;
  private readonly heard = new Set<string>();
  private applying: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly hub: PgNotificationHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // on Meilisearch, PostgreSQL's documents are kept but never searched
    if (this.config.meili) return;
    this.metrics.gauges(
      { search_resident_documents: 'Search documents this process answers from memory (0 while it answers with SQL)' },
      () => ({ search_resident_documents: this.index?.size ?? 0 }),
    );
    this.unsubscribe = this.hub.subscribe(SEARCH_DOCUMENTS_CHANNEL, {
      heard: (payload) => this.hear(payload ?? ''),
      connected: () => this.reload({ keepServing: false }),
      lost: () => {
        this.generation++;
        this.index = undefined;
        this.loading = undefined;
      },
    });
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.generation++;
    this.unsubscribe?.();
    this.index = undefined;
  }

  /** The resident documents, when known to be current. */
  get current(): ResidentIndex | undefined {
    return this.index;
  }

  /** The whole index was replaced in this process: the copy is out of date at once (other processes hear of it). */
  replaced(): void {
    if (this.unsubscribe && this.hub.listening) this.reload({ keepServing: false });
  }

  private hear(payload: string): void {
    if (payload === '*') {
      this.reload({ keepServing: false });
      return;
    }
    for (const id of payload.split(',')) {
      if (!id) continue;
      this.heard.add(id);
      this.loading?.heard.add(id);
    }
    this.applying ??= this.applyHeard().finally(() => (this.applying = undefined));
  }

  /** Reads the heard documents again into the offered copy, until none are left. */
  private async applyHeard(): Promise<void> {
    while (this.heard.size && this.index) {
      const index = this.index;
      const ids = [...this.heard];
      this.heard.clear();
      try {
        await this.refresh(index, ids);
      } catch (error) {
        // the copy can no longer be known to be current: it is reloaded, and SQL answers meanwhile
        this.logger.warn(`search documents could not be read again: ${(error as Error).message}`);
        this.reload({ keepServing: false });
        return;
      }
      if (index.dead > Math.max(10_000, index.size * RELOAD_WHEN_DEAD) && !this.loading) this.reload({ keepServing: true });
    }
    this.heard.clear();
  }

  private async refresh(index: ResidentIndex, ids: string[]): Promise<void> {
    const rows = await pooledQuery<DocumentRow>(this.em, `select ${COLUMNS} from search_document where listing_id = any(?::uuid[])`, [ids]);
    const found = new Set<string>();
    for (const row of rows) {
      index.put(documentOf(row));
      found.add(row.listing_id);
    }
    for (const id of ids) if (!found.has(id)) index.remove(id);
  }

  /** Loads every document afresh; `keepServing` offers the current copy meanwhile (it keeps being updated). */
  private reload({ keepServing }: { keepServing: boolean }): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    if (!keepServing) this.index = undefined;
    const loading = { heard: new Set<string>() };
    this.loading = loading;
    void this.load(generation, loading).catch((error: Error) => {
      if (generation !== this.generation) return;
      this.loading = undefined;
      this.logger.warn(`search documents could not be loaded (SQL answers searches meanwhile): ${error.message}`);
    });
  }

  private async load(generation: number, loading: { heard: Set<string> }): Promise<void> {
    const started = Date.now();
    const [{ n }] = await pooledQuery<{ n: number }>(this.em, 'select count(*)::int as n from search_document', []);
    if (n > this.config.searchResidentMaxDocuments) {
      if (generation === this.generation) this.loading = undefined;
      this.logger.warn(`${n} search documents are more than SEARCH_RESIDENT_MAX_DOCUMENTS (${this.config.searchResidentMaxDocuments}): searches are answered with SQL`);
      return;
    }
    const next = new ResidentIndex();
    // in the order of LOAD_ORDER, so that a search's matches lie close together in memory
    const order = await pooledQuery<{ listing_id: string }>(this.em, `select listing_id from search_document order by ${LOAD_ORDER}`, []);
    if (generation !== this.generation) return;
    for (let from = 0; from < order.length; from += LOAD_BATCH) {
      const ids = order.slice(from, from + LOAD_BATCH).map((row) => row.listing_id);
      const rows = await pooledQuery<DocumentRow>(this.em, `select ${COLUMNS} from search_document where listing_id = any(?::uuid[])`, [ids], { prepare: true });
      if (generation !== this.generation) return;
      const byId = new Map(rows.map((row) => [row.listing_id, row]));
      // one removed since the order was read is left out; one written since is heard of and read again below
      for (const id of ids) {
        const row = byId.get(id);
        if (row) next.put(documentOf(row));
      }
    }
    // what changed while loading is read again: the load may have read it before the change
    while (loading.heard.size) {
      const ids = [...loading.heard];
      loading.heard.clear();
      await this.refresh(next, ids);
      if (generation !== this.generation) return;
    }
    next.compact();
    this.index = next;
    this.loading = undefined;
    this.logger.log(`${next.size} search documents resident in ${Date.now() - started} ms`);
  }
}
