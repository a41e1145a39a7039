import { Migration } from '@mikro-orm/migrations';

/**
 * Market information: commodities and markets, price imports with their refused rows and saved
 * header mappings; and, in schema `market`, the price observations: a table partitioned by month of
 * the observation's date (partitions are made as data for a month first arrives), one row per quote
 * (commodity, place, day, specification, source), in fen per quoting unit with the average per kg;
 * and each commodity's day across all places (`market.daily_price`, per kg where sold by weight),
 * kept with the observations, which series, movers and indices read.
 */
export class Migration20261201034523_Market extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commodity" ("id" serial primary key, "code" varchar(40) not null, "name_zh" varchar(80) not null, "name_en" varchar(80) not null, "channel_code" varchar(20) not null, "category_id" int null, "unit" varchar(10) not null, "unit_quantity" int not null default 1, "aliases" text[] not null default '{}', "sort_order" int not null default 0);`);
    this.addSql(`alter table "commodity" add constraint "commodity_code_unique" unique ("code");`);
    this.addSql(`create index "commodity_channel_code_index" on "commodity" ("channel_code");`);
    this.addSql(`create index "commodity_category_id_index" on "commodity" ("category_id");`);

    this.addSql(`create table "import_mapping" ("name" varchar(120) not null, "fields" jsonb not null, "updated_at" timestamptz not null, constraint "import_mapping_pkey" primary key ("name"));`);

    this.addSql(`create table "market" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(120) not null, "kind" varchar(12) not null, "county_code" varchar(6) not null);`);
    this.addSql(`alter table "market" add constraint "market_code_unique" unique ("code");`);
    this.addSql(`create index "market_county_code_index" on "market" ("county_code");`);

    this.addSql(`create table "price_import" ("id" uuid not null, "file_name" varchar(400) not null, "file_sha256" varchar(64) null, "status" varchar(12) not null, "mapping_name" varchar(120) null, "rows_read" int not null default 0, "rows_checked" int not null default 0, "rows_written" int not null default 0, "error_count" int not null default 0, "message" text null, "created_by" uuid null, "is_demo" boolean not null default false, "commodity_ids" int[] not null default '{}', "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "price_import_pkey" primary key ("id"));`);
    this.addSql(`create index "price_import_file_sha256_index" on "price_import" ("file_sha256");`);
    this.addSql(`create index "price_import_created_at_index" on "price_import" ("created_at");`);

    this.addSql(`create table "price_import_chunk" ("import_id" uuid not null, "seq" int not null, "data" bytea not null, constraint "price_import_chunk_pkey" primary key ("import_id", "seq"));`);

    this.addSql(`create table "price_import_error" ("id" bigserial primary key, "import_id" uuid not null, "line" int not null, "problems" text[] not null);`);
    this.addSql(`create index "price_import_error_import_id_line_index" on "price_import_error" ("import_id", "line");`);

    this.addSql(`create schema if not exists "market";`);
    this.addSql(`create table "market"."price_observation" (
      "commodity_id" int not null, "market_id" int null, "county_code" varchar(6) not null, "observed_on" date not null,
      "low_fen" int not null, "avg_fen" int not null, "high_fen" int not null, "unit" varchar(10) not null, "unit_quantity" int not null,
      "low_per_kg_fen" int null, "avg_per_kg_fen" int null, "high_per_kg_fen" int null, "specification" varchar(200) not null default '', "origin" varchar(200) not null default '',
      "source" varchar(8) not null, "import_id" uuid null, "quote_key" varchar(20) not null, "created_at" timestamptz not null default now(),
      constraint "price_observation_prices" check (low_fen >= 0 and low_fen <= avg_fen and avg_fen <= high_fen),
      constraint "price_observation_quote" unique ("observed_on", "quote_key", "source")
    ) partition by range ("observed_on");`);
    this.addSql(`create index "price_observation_commodity_day" on "market"."price_observation" ("commodity_id", "observed_on");`);
    this.addSql(`create index "price_observation_import" on "market"."price_observation" ("import_id") where "import_id" is not null;`);
    this.addSql(`create table "market"."daily_price" (
      "commodity_id" int not null, "observed_on" date not null, "low_fen" int not null, "avg_sum" bigint not null, "high_fen" int not null, "observations" int not null,
      constraint "daily_price_pkey" primary key ("commodity_id", "observed_on"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "market" cascade;`);
    this.addSql(`drop table if exists "commodity" cascade;`);

    this.addSql(`drop table if exists "import_mapping" cascade;`);

    this.addSql(`drop table if exists "market" cascade;`);

    this.addSql(`drop table if exists "price_import" cascade;`);

    this.addSql(`drop table if exists "price_import_chunk" cascade;`);

    this.addSql(`drop table if exists "price_import_error" cascade;`);
  }

}
