import { Migration } from '@mikro-orm/migrations';

/**
 * Search on PostgreSQL: one document per public listing (weighted tokens in a GIN index, the title's
 * tokens for ranking, and the values filters and facets use), the words offered as suggestions (with a trigram index on their
 * pinyin, from pg_trgm, for typos), and the analysis each engine's index was built with. The
 * documents are filled by the indexer on start (an empty index with public listings is rebuilt).
 */
export class Migration20261201001826_Search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "search_document" ("listing_id" uuid not null, "channel_code" varchar(20) not null, "category_ids" int[] not null, "prefecture_code" varchar(6) not null, "county_code" varchar(6) not null, "poverty" boolean not null, "certifications" text[] not null, "price_per_kg_fen" int null, "in_stock" boolean not null, "published_at" timestamptz not null, "seller_id" uuid not null, "terms" text[] not null, "tokens" tsvector not null, "title_tokens" tsvector not null, "indexed_at" timestamptz not null default now(), constraint "search_document_pkey" primary key ("listing_id"));`);
    // rows stay small (all tokens go out of line, the title tokens stay): a search reads many rows' filter values and title tokens, never all tokens
    this.addSql(`alter table "search_document" set (toast_tuple_target = 1024);`);
    this.addSql(`create index "search_document_price_per_kg_fen_listing_id_index" on "search_document" ("price_per_kg_fen", "listing_id");`);
    this.addSql(`create index "search_document_recent_idx" on "search_document" ("published_at" desc, "listing_id" desc);`);
    this.addSql(`create index "search_document_tokens_idx" on "search_document" using gin ("tokens") with (fastupdate = off);`);

    this.addSql(`create table "search_index_state" ("engine" varchar(20) not null, "analysis" varchar(64) not null, "rebuilt_at" timestamptz not null, constraint "search_index_state_pkey" primary key ("engine"));`);

    this.addSql(`create table "search_term" ("term" varchar(60) not null, "pinyin" varchar(240) not null, "initials" varchar(60) not null, "hits" int not null, constraint "search_term_pkey" primary key ("term"));`);
    this.addSql(`create index "search_term_pinyin_trgm_idx" on "search_term" using gin ("pinyin" gin_trgm_ops);`);
    this.addSql(`create index "search_term_initials_idx" on "search_term" ("initials" text_pattern_ops);`);
    this.addSql(`create index "search_term_pinyin_idx" on "search_term" ("pinyin" text_pattern_ops);`);
    this.addSql(`create index "search_term_prefix_idx" on "search_term" ("term" text_pattern_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_document" cascade;`);
    this.addSql(`drop table if exists "search_index_state" cascade;`);
    this.addSql(`drop table if exists "search_term" cascade;`);
  }
}
