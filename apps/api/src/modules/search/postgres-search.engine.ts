import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import pg from 'pg';
import {
  type EngineQuery,
  FACET_IGNORES,
  type EngineResult,
  type FacetCount,
  type FacetName,
  type FilterName,
  type IndexedListing,
  type IndexRebuild,
  type IndexWrite,
  PRICE_RANGES,
  priceRangeKey,
  type SearchEngine,
  type SearchFilters,
  type SearchSortOrder,
} from './search-engine';
import { preparedIn, protocolStatement, sqlIn } from '../../common/sql';
import type { ResidentIndex } from './resident-index';
import { IDS_PER_NOTIFICATION, ResidentSearch, SEARCH_DOCUMENTS_CHANNEL } from './resident-search';
import { alternativesTsquery, documentTokens, relaxedAlternatives, relaxingHelps, strictTsquery, suggestionTerms, type WeightedTokens } from './text-analysis';

/**
 * Searches run on connections of their own, set up for them: the planner is told to use the token
 * index (it cannot see that reading a row's tokens means decompressing them, so for a common word it
 * would scan the whole table instead, dozens of times slower), a plan made once per statement shape
 * (planning cost as much as a selective search itself), no JIT compilation (which costs more than
 * these queries take), and a time limit so that no search can hold the database.
 */
const SEARCH_CONNECTION_OPTIONS = '-c enable_seqscan=off -c plan_cache_mode=force_generic_plan -c jit=off -c statement_timeout=5000';
const SEARCH_CONNECTIONS = 6;
const TABLE = 'search_document';
/** where a rebuild writes before it takes the live table's place */
const NEXT = 'search_document_next';

/** One weight's tokens as tsvector entries (`'token':1A …`), or '' when there are none. */
function weighted(tokens: Set<string>, position: number, weight: string): string {
  if (!tokens.size) return '';
  const after = `':${position}${weight}`;
  return `'${[...tokens].join(`${after} '`)}${after}`;
}

/**
 * A document's tokens, and its title's alone (for ranking), as tsvector literals: every token is
 * letters and digits only, weighted by where it came from.
 */
function tokenColumns(tokens: WeightedTokens): { tokens: string; title_tokens: string } {
  const title = weighted(tokens.a, 1, 'A');
  const all = [title, weighted(tokens.b, 2, 'B'), weighted(tokens.c, 3, 'C'), weighted(tokens.d, 4, 'D')].filter(Boolean).join(' ');
  return { tokens: all, title_tokens: title };
}

/** A filter as SQL on `d` (search_document) with its parameters; `true` when not set. */
interface Condition {
  sql: string;
  params: unknown[];
}

const ALWAYS: Condition = { sql: 'true', params: [] };


type FilterConditions = Record<FilterName, Condition>;

function conditions(filters: SearchFilters): FilterConditions {
  const price: string[] = [];
  const priceParams: unknown[] = [];
  if (filters.minPricePerKgFen !== undefined) {
    price.push('d.price_per_kg_fen >= ?');
    priceParams.push(filters.minPricePerKgFen);
  }
  if (filters.maxPricePerKgFen !== undefined) {
    price.push('d.price_per_kg_fen <= ?');
    priceParams.push(filters.maxPricePerKgFen);
  }
  return {
    channel: filters.channel ? { sql: 'd.channel_code = ?', params: [filters.channel] } : ALWAYS,
    category: filters.categoryId ? { sql: 'd.category_ids @> array[?]::int[]', params: [filters.categoryId] } : ALWAYS,
    prefecture: filters.prefectureCode ? { sql: 'd.prefecture_code = ?', params: [filters.prefectureCode] } : ALWAYS,
    county: filters.countyCodes.length ? { sql: 'd.county_code = any(?::text[])', params: [filters.countyCodes] } : ALWAYS,
    certification: filters.certifications.length ? { sql: 'd.certifications && ?::text[]', params: [filters.certifications] } : ALWAYS,
    price: price.length ? { sql: price.join(' and '), params: priceParams } : ALWAYS,
    poverty: filters.povertyOnly ? { sql: 'd.poverty', params: [] } : ALWAYS,
    inStock: filters.inStockOnly ? { sql: 'd.in_stock', params: [] } : ALWAYS,
  };
}

const ORDER: Record<SearchSortOrder, string> = {
  RELEVANCE: 'rank desc, published_at desc, listing_id desc',
  PRICE_ASC: 'price_per_kg_fen asc nulls last, listing_id asc',
  PRICE_DESC: 'price_per_kg_fen desc nulls last, listing_id asc',
  NEWEST: 'published_at desc, listing_id desc',
};

/** Facets of one value per listing, counted together in one pass (grouping sets) over the matching rows: facet → its column in `hits`. */
const SINGLE_VALUED: [FacetName, string][] = [
  ['channel', 'channel_code'],
  ['prefecture', 'prefecture_code'],
  ['county', 'county_code'],
  ['price', 'price_range'],
  ['poverty', `case when poverty then 'true' end`],
  ['inStock', `case when in_stock then 'true' end`],
];
/** Facets of several values per listing, each counted over its values. */
const MULTI_VALUED: [FacetName, string][] = [
  ['category', 'unnest(category_ids)::text'],
  ['certification', 'unnest(certifications)'],
];
/** The price range a price falls in, as its key (see PRICE_RANGES). */
const PRICE_RANGE_SQL = `(array[${PRICE_RANGES.map((r) => `'${priceRangeKey(r)}'`).join(', ')}])[width_bucket(d.price_per_kg_fen, array[${PRICE_RANGES.slice(1).map((r) => r.from).join(', ')}]) + 1]`;

interface ResultRow {
  kind: string;
  value: string | null;
  n: number;
}

/**
 * Search inside the application's PostgreSQL. A listing's tokens (see text-analysis) are stored
 * weighted in a tsvector with a GIN index, so a Chinese word of any length, a pinyin spelling or
 * initials, or a synonym is one index lookup; ranking is ts_rank over the field weights. Filters and
 * facets read plain columns of the same rows: the matching rows are gathered once, and each facet
 * is counted over them with every filter but its own. Nothing is built from user text but tokens of
 * letters and digits, passed as parameters.
 */
@Injectable()
export class PostgresSearchEngine implements SearchEngine, OnModuleDestroy {
  readonly name = 'postgres' as const;
  private readonly logger = new Logger('Search');
  private pool: pg.Pool | undefined;

  constructor(
    private readonly em: EntityManager,
    /** absent in commands, which never search */
    @Optional() private readonly resident?: ResidentSearch,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.em.config.get('clientUrl'), max: SEARCH_CONNECTIONS, options: SEARCH_CONNECTION_OPTIONS, application_name: 'xiangnong-search' });
      // an idle connection the server ended (a restart, a failover) is dropped and replaced when next needed
      this.pool.on('error', (error) => this.logger.warn(`search connection lost: ${error.message}`));
    }
    // one prepared statement per shape of search (which filters, which sort), planned once per connection
    return (await this.pool.query({ ...protocolStatement(sql, { prepare: true }), values: params })).rows as T[];
  }

  async prepare(): Promise<void> {
    // the schema comes with the migrations
  }

  async write(upserts: IndexedListing[], removals: string[], { em }: IndexWrite): Promise<void> {
    await this.writeTo(TABLE, upserts, removals, em);
  }

  /** Adds or replaces documents; `table` is the live one, or a rebuild's new one (which has no key yet, and gets each listing once). */
  private async writeTo(table: string, upserts: IndexedListing[], removals: string[], em: EntityManager): Promise<void> {
    const sql = sqlIn(em);
    if (removals.length) await sql(`delete from ${table} where listing_id in (?)`, [removals]);
    if (upserts.length) await this.insert(table, upserts, em);
    if (table !== TABLE) return;
    // heard by every process's resident copy once this transaction commits (see ResidentSearch)
    const ids = [...removals, ...upserts.map((doc) => doc.id)];
    for (let i = 0; i < ids.length; i += IDS_PER_NOTIFICATION) {
      await sql(`select pg_notify('${SEARCH_DOCUMENTS_CHANNEL}', ?)`, [ids.slice(i, i + IDS_PER_NOTIFICATION).join(',')]);
    }
  }

  /** One statement per batch, its rows one JSON parameter sent as is (a literal would be escaped character by character). */
  private async insert(table: string, upserts: IndexedListing[], em: EntityManager): Promise<void> {
    const rows = upserts.map((doc) => ({
      listing_id: doc.id,
      channel_code: doc.channelCode,
      category_ids: doc.categoryIds,
      prefecture_code: doc.prefectureCode,
      county_code: doc.countyCode,
      poverty: doc.poverty,
      certifications: doc.certifications,
      price_per_kg_fen: doc.pricePerKgFen,
      in_stock: doc.inStock,
      published_at: doc.publishedAt.toISOString(),
      seller_id: doc.sellerId,
      terms: suggestionTerms(doc.text.title, doc.names),
      card: doc.card,
      ...tokenColumns(documentTokens(doc.text)),
    }));
    await preparedIn(em)(
      `insert into ${table} (listing_id, channel_code, category_ids, prefecture_code, county_code, poverty, certifications,
                                    price_per_kg_fen, in_stock, published_at, seller_id, terms, tokens, title_tokens, card, indexed_at)
       select listing_id, channel_code, category_ids, prefecture_code, county_code, poverty, certifications,
              price_per_kg_fen, in_stock, published_at, seller_id, terms, tokens, title_tokens, card, clock_timestamp()
         from json_populate_recordset(null::${TABLE}, ?::json)
       ${table === NEXT ? '' : `on conflict (listing_id) do update set
         channel_code = excluded.channel_code, category_ids = excluded.category_ids, prefecture_code = excluded.prefecture_code,
         county_code = excluded.county_code, poverty = excluded.poverty, certifications = excluded.certifications,
         price_per_kg_fen = excluded.price_per_kg_fen, in_stock = excluded.in_stock, published_at = excluded.published_at,
         seller_id = excluded.seller_id, terms = excluded.terms, tokens = excluded.tokens, title_tokens = excluded.title_tokens,
         card = excluded.card, indexed_at = excluded.indexed_at`}`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Rebuilds beside the live index: documents go into a new table without indexes (fast to fill),
   * its indexes are built in one go (much faster than growing a GIN index document by document),
   * then it takes the live table's place in one short transaction. Searches use the old index
   * until then. Writes to the old table meanwhile are lost with it; the indexer replays them.
   * The new table gets the live one's indexes, names and storage settings, read from the catalog,
   * so that it is exactly what the migrations made.
   */
  async beginRebuild(): Promise<IndexRebuild> {
    const root = this.em.fork();
    const run = <T>(text: string, em: EntityManager = root) => sqlIn(em)<T>(text);
    await run(`drop table if exists ${NEXT}`);
    const [{ options }] = await run<{ options: string[] | null }>(`select reloptions as options from pg_class where oid = '${TABLE}'::regclass`);
    await run(`create table ${NEXT} (like ${TABLE} including defaults including storage)${options?.length ? ` with (${options.join(', ')})` : ''}`);
    return {
      write: async (upserts, { em }) => {
        await this.writeTo(NEXT, upserts, [], em);
      },
      finish: async () => {
        const indexes = await run<{ name: string; definition: string; primary: boolean }>(
          `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition, x.indisprimary as primary
             from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = '${TABLE}'::regclass`,
        );
        await root.transactional(async (em) => {
          await run(`set local maintenance_work_mem = '256MB'`, em);
          for (const index of indexes) {
            await run(index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON \S*?)search_document /, `$1$2_next$3${NEXT} `), em);
            if (index.primary) await run(`alter table ${NEXT} add constraint ${index.name}_next primary key using index ${index.name}_next`, em);
          }
        });
        await root.transactional(async (em) => {
          await run(`lock table ${TABLE} in access exclusive mode`, em);
          await run(`drop table ${TABLE}`, em);
          await run(`alter table ${NEXT} rename to ${TABLE}`, em);
          for (const index of indexes) {
            await run(index.primary ? `alter table ${TABLE} rename constraint ${index.name}_next to ${index.name}` : `alter index ${index.name}_next rename to ${index.name}`, em);
          }
        });
        await run(`analyze ${TABLE}`);
        await run(`select pg_notify('${SEARCH_DOCUMENTS_CHANNEL}', '*')`);
        this.resident?.replaced();
      },
    };
  }

  search(query: EngineQuery): Promise<EngineResult> {
    return this.answer(query, this.resident?.current);
  }

  /** The same search in SQL alone, whether or not the resident copy could answer it: for tests that compare the two. */
  searchInDatabase(query: EngineQuery): Promise<EngineResult> {
    return this.answer(query, undefined);
  }

  /** From the resident copy when there is one, else in SQL; both answer alike. */
  private async answer(query: EngineQuery, resident: ResidentIndex | undefined): Promise<EngineResult> {
    // ranked by how much of the query the title has: every word, pinyin and pair of it, any of them
    const alternatives = relaxedAlternatives(query.units);
    const ask = async (strictly: boolean) => {
      if (resident) return resident.search({ ...query, text: query.units.length ? { units: query.units, strict: strictly, alternatives } : undefined });
      const relaxed = alternativesTsquery(alternatives);
      return this.run(query, query.units.length ? { match: strictly ? strictTsquery(query.units) : relaxed, rank: relaxed } : undefined);
    };
    const result = await ask(true);
    // nothing has every word: what has some of them (a mistyped character)
    if (result.total > 0 || !relaxingHelps(query.units, alternatives)) return result;
    return { ...(await ask(false)), approximate: true };
  }

  private async run(query: EngineQuery, text: { match: string; rank: string } | undefined): Promise<EngineResult> {
    const filters = conditions(query.filters);
    const names = Object.keys(filters) as (keyof FilterConditions)[];
    const flag = (name: keyof FilterConditions) => `f_${name.toLowerCase()}`;
    /** every filter but those `facet` is counted without */
    const othersOf = (facet: FacetName) => names.filter((name) => !FACET_IGNORES[facet].includes(name)).map(flag).join(' and ') || 'true';
    const params: unknown[] = [];
    // The query is written out in place (not joined in), so that the planner sees it and uses the
    // index; parameters go in the order they appear: the rank and filter flags, then the match.
    if (text) params.push(text.rank);
    const flags = names.map((name) => {
      params.push(...filters[name].params);
      return `(${filters[name].sql}) as ${flag(name)}`;
    });
    if (text) params.push(text.match);
    params.push(query.limit, query.offset);
    const all = names.map(flag).join(' and ');
    const sql = `
      with hits as materialized (
        select d.listing_id, d.channel_code, d.category_ids, d.prefecture_code, d.county_code, d.poverty, d.certifications,
               d.price_per_kg_fen, d.in_stock, d.published_at, ${PRICE_RANGE_SQL} as price_range,
               ${text ? `ts_rank(d.title_tokens, ?::tsquery)` : '0'} as rank, ${flags.join(', ')}
          from search_document d
         ${text ? 'where d.tokens @@ ?::tsquery' : ''}
      ),
      page as (
        select listing_id from hits where ${all} order by ${ORDER[query.sort]} limit ? offset ?
      ),
      single as (
        select ${SINGLE_VALUED.map(([facet, column]) => `${column} as v_${facet.toLowerCase()}, ${othersOf(facet)} as c_${facet.toLowerCase()}`).join(', ')}
          from hits
      )
      select 'hit' as kind, listing_id::text as value, (row_number() over ())::int as n from page
      union all
      select 'total', null, count(*)::int from hits where ${all}
      union all
      select kind, value, n from (
        select case ${SINGLE_VALUED.map(([facet]) => `when grouping(v_${facet.toLowerCase()}) = 0 then '${facet}'`).join(' ')} end as kind,
               coalesce(${SINGLE_VALUED.map(([facet]) => `v_${facet.toLowerCase()}`).join(', ')}) as value,
               coalesce(${SINGLE_VALUED.map(([facet]) => `c_${facet.toLowerCase()}`).join(', ')}) as counted,
               count(*)::int as n
          from single
         group by grouping sets (${SINGLE_VALUED.map(([facet]) => `(v_${facet.toLowerCase()}, c_${facet.toLowerCase()})`).join(', ')})
      ) g where counted and value is not null
      ${MULTI_VALUED.map(
        ([facet, values]) => `union all
      select '${facet}', value, count(*)::int from (select ${values} as value from hits where ${othersOf(facet)}) f group by value`,
      ).join('\n')}`;
    const rows = await this.query<ResultRow>(sql, params);
    const ids: { id: string; n: number }[] = [];
    const facets: FacetCount[] = [];
    let total = 0;
    for (const row of rows) {
      if (row.kind === 'hit') ids.push({ id: row.value!, n: row.n });
      else if (row.kind === 'total') total = row.n;
      else facets.push({ facet: row.kind as FacetName, value: row.value!, count: row.n });
    }
    ids.sort((a, b) => a.n - b.n);
    return { ids: ids.map((i) => i.id), total, approximate: false, facets };
  }
}
