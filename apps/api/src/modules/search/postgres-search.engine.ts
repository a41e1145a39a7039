import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pooledQuery } from '../../common/pooled-query';
import {
  type EngineQuery,
  type EngineResult,
  type FacetCount,
  type FacetName,
  type IndexedListing,
  type IndexRebuild,
  type IndexWrite,
  PRICE_RANGES,
  priceRangeKey,
  type SearchEngine,
  type SearchFilters,
  type SearchSortOrder,
} from './search-engine';
import { documentTokens, relaxedTsquery, strictTsquery, suggestionTerms, type WeightedTokens } from './text-analysis';

/** Rank weights of the D, C, B and A tokens (single characters, description, names, title). */
const RANK_WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';

/** The tokens as a tsvector literal: every token is letters and digits only, weighted by where it came from. */
export function tsvectorLiteral(tokens: WeightedTokens): string {
  const parts: string[] = [];
  const add = (set: Set<string>, position: number, weight: string) => {
    for (const token of set) parts.push(`'${token}':${position}${weight}`);
  };
  add(tokens.a, 1, 'A');
  add(tokens.b, 2, 'B');
  add(tokens.c, 3, 'C');
  add(tokens.d, 4, 'D');
  return parts.join(' ');
}

/** A filter as SQL on `d` (search_document) with its parameters; `true` when not set. */
interface Condition {
  sql: string;
  params: unknown[];
}

const ALWAYS: Condition = { sql: 'true', params: [] };

/** Which filters each facet is counted without (its own, and for prefecture the counties in it). */
const FACET_IGNORES: Record<FacetName, readonly (keyof FilterConditions)[]> = {
  channel: ['channel'],
  category: ['category'],
  prefecture: ['prefecture', 'county'],
  county: ['county'],
  certification: ['certification'],
  price: ['price'],
  poverty: ['poverty'],
  inStock: ['inStock'],
};

interface FilterConditions {
  channel: Condition;
  category: Condition;
  prefecture: Condition;
  county: Condition;
  certification: Condition;
  price: Condition;
  poverty: Condition;
  inStock: Condition;
}

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

const FACET_VALUE: Record<FacetName, string> = {
  channel: 'channel_code',
  category: 'unnest(category_ids)::text',
  prefecture: 'prefecture_code',
  county: 'county_code',
  certification: 'unnest(certifications)',
  price: `(select r.key from (values ${PRICE_RANGES.map((r) => `(${r.from}, ${r.to ?? 'null'}, '${priceRangeKey(r)}')`).join(', ')}) as r(lo, hi, key)
             where price_per_kg_fen >= r.lo and (r.hi is null or price_per_kg_fen < r.hi))`,
  poverty: `case when poverty then 'true' end`,
  inStock: `case when in_stock then 'true' end`,
};

const FACETS = Object.keys(FACET_IGNORES) as FacetName[];

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
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly em: EntityManager) {}

  async prepare(): Promise<void> {
    // the schema comes with the migrations
  }

  async write(upserts: IndexedListing[], removals: string[], { em }: IndexWrite): Promise<void> {
    const sql = (text: string, params: unknown[]) => em.getConnection().execute(text, params, 'run', em.getTransactionContext());
    if (removals.length) await sql('delete from search_document where listing_id in (?)', [removals]);
    if (!upserts.length) return;
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
      tokens: tsvectorLiteral(documentTokens(doc.text)),
    }));
    await sql(
      `insert into search_document (listing_id, channel_code, category_ids, prefecture_code, county_code, poverty, certifications,
                                    price_per_kg_fen, in_stock, published_at, seller_id, terms, tokens, indexed_at)
       select listing_id, channel_code, category_ids, prefecture_code, county_code, poverty, certifications,
              price_per_kg_fen, in_stock, published_at, seller_id, terms, tokens::tsvector, clock_timestamp()
         from json_populate_recordset(null::search_document, ?::json)
       on conflict (listing_id) do update set
         channel_code = excluded.channel_code, category_ids = excluded.category_ids, prefecture_code = excluded.prefecture_code,
         county_code = excluded.county_code, poverty = excluded.poverty, certifications = excluded.certifications,
         price_per_kg_fen = excluded.price_per_kg_fen, in_stock = excluded.in_stock, published_at = excluded.published_at,
         seller_id = excluded.seller_id, terms = excluded.terms, tokens = excluded.tokens, indexed_at = excluded.indexed_at`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Rebuilds in place: each batch overwrites its documents (searches meanwhile see old and new
   * ones, all of them right), and at the end documents nothing rewrote (listings no longer public)
   * go. Writes stamp `indexed_at` with the clock, so a document the events wrote during the rebuild
   * is newer than its start and stays.
   */
  async beginRebuild(): Promise<IndexRebuild> {
    return {
      write: (upserts, at) => this.write(upserts, [], at),
      finish: async (startedAt) => {
        await this.em.getConnection().execute('delete from search_document where indexed_at < ?::timestamptz', [startedAt.toISOString()]);
      },
    };
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const strict = strictTsquery(query.units);
    const result = await this.run(query, strict || undefined);
    if (result.total > 0 || !query.units.length) return result;
    const relaxed = relaxedTsquery(query.units);
    if (!relaxed || relaxed === strict) return result;
    return { ...(await this.run(query, relaxed)), approximate: true };
  }

  private async run(query: EngineQuery, tsquery: string | undefined): Promise<EngineResult> {
    const filters = conditions(query.filters);
    const names = Object.keys(filters) as (keyof FilterConditions)[];
    const params: unknown[] = [];
    const text = tsquery ? { from: 'cross join (select ?::tsquery as q) q', where: 'd.tokens @@ q.q', rank: `ts_rank('${RANK_WEIGHTS}', d.tokens, q.q)` } : undefined;
    // parameters in the order they appear: the filter flags (select list), then the query (from)
    const flags = names.map((name) => {
      params.push(...filters[name].params);
      return `(${filters[name].sql}) as f_${name}`;
    });
    if (text) params.push(tsquery);
    const all = names.map((name) => `f_${name}`).join(' and ');
    const sql: string[] = [
      `with hits as materialized (
         select d.listing_id, d.channel_code, d.category_ids, d.prefecture_code, d.county_code, d.poverty, d.certifications,
                d.price_per_kg_fen, d.in_stock, d.published_at, ${text?.rank ?? '0'} as rank, ${flags.join(', ')}
           from search_document d ${text?.from ?? ''}
          ${text ? `where ${text.where}` : ''}
       ),
       page as (
         select listing_id from hits where ${all} order by ${ORDER[query.sort]} limit ? offset ?
       )
       select 'hit' as kind, listing_id::text as value, (row_number() over ())::int as n from page
       union all
       select 'total', null, count(*)::int from hits where ${all}`,
    ];
    params.push(query.limit, query.offset);
    for (const facet of FACETS) {
      const others = names.filter((name) => !FACET_IGNORES[facet].includes(name)).map((name) => `f_${name}`);
      sql.push(`select '${facet}', value, count(*)::int from (select ${FACET_VALUE[facet]} as value from hits where ${others.join(' and ') || 'true'}) f
                 where value is not null group by value`);
    }
    const rows = await pooledQuery<ResultRow>(this.em, sql.join('\nunion all\n'), params);
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
