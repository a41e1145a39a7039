import { ArrayType, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the PostgreSQL search engine finds a public listing by: its tokens (words, character pairs,
 * pinyin and synonyms, weighted by field) and the values it is filtered, counted and sorted by.
 * Only public listings have a row; the indexer writes it from the listing's current state. The
 * token index has no pending list (fastupdate off): a write costs a little more, and every search
 * reads the index alone instead of also scanning entries not yet merged into it.
 */
@Entity({ tableName: 'search_document' })
@Index({ name: 'search_document_tokens_idx', expression: 'create index "search_document_tokens_idx" on "search_document" using gin ("tokens") with (fastupdate = off)' })
@Index({
  name: 'search_document_recent_idx',
  expression: 'create index "search_document_recent_idx" on "search_document" ("published_at" desc, "listing_id" desc)',
})
@Index({ properties: ['pricePerKgFen', 'listingId'] })
export class SearchDocument {
  @PrimaryKey({ type: 'uuid' })
  listingId!: string;

  @Property({ type: 'string', length: 20 })
  channelCode!: string;

  /** the category and its parent */
  @Property({ type: new ArrayType<number>((id) => Number(id)), columnType: 'int[]' })
  categoryIds!: number[];

  @Property({ type: 'string', length: 6 })
  prefectureCode!: string;

  @Property({ type: 'string', length: 6 })
  countyCode!: string;

  @Property({ type: 'boolean' })
  poverty!: boolean;

  @Property({ type: 'text[]' })
  certifications!: string[];

  /** first-tier price per kilogram, for mass units */
  @Property({ type: 'integer', nullable: true })
  pricePerKgFen?: number | null;

  @Property({ type: 'boolean' })
  inStock!: boolean;

  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  @Property({ type: 'uuid' })
  sellerId!: string;

  /** words of the title, category and seller that suggestions are made of */
  @Property({ type: 'text[]' })
  terms!: string[];

  /** every token, for matching through the GIN index; kept out of line (see the migration), as searches never read it */
  @Property({ columnType: 'tsvector', type: 'string' })
  tokens!: string;

  /** the title's tokens alone, small enough to stay in the row: what results are ranked by */
  @Property({ columnType: 'tsvector', type: 'string' })
  titleTokens!: string;

  /** the listing's card as search results show it (see ListingReadModel.cardRows); none in documents written before cards */
  @Property({ type: 'json', nullable: true })
  card?: Record<string, unknown> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  indexedAt: Date & Opt = new Date();
}
