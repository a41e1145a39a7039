import { Migration } from '@mikro-orm/migrations';

/** Purchase requests (求购) and sellers' quotes on them. */
export class Migration20261201044341_Trade extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "purchase_request" ("id" uuid not null, "buyer_id" uuid not null, "created_by" uuid not null, "channel_code" varchar(20) not null, "category_id" int null, "commodity_id" int null, "title" varchar(240) not null, "quantity" int not null, "unit" varchar(10) not null, "min_price_fen" int null, "max_price_fen" int null, "delivery_county_code" varchar(6) not null, "needed_by" date not null, "valid_until" date not null, "status" varchar(10) not null, "created_at" timestamptz not null, constraint "purchase_request_pkey" primary key ("id"), constraint purchase_request_prices check (min_price_fen is null or max_price_fen is null or min_price_fen <= max_price_fen));`);
    this.addSql(`create index "purchase_request_buyer_id_index" on "purchase_request" ("buyer_id");`);
    this.addSql(`create index "purchase_request_channel_code_status_created_at_index" on "purchase_request" ("channel_code", "status", "created_at");`);

    this.addSql(`create table "request_quote" ("id" uuid not null, "request_id" uuid not null, "seller_id" uuid not null, "created_by" uuid not null, "listing_id" uuid null, "unit_price_fen" int not null, "quantity" int not null, "delivery_date" date not null, "note" varchar(400) not null default '', "status" varchar(10) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "request_quote_pkey" primary key ("id"), constraint request_quote_amounts check (unit_price_fen > 0 and quantity > 0));`);
    this.addSql(`create index "request_quote_request_id_index" on "request_quote" ("request_id");`);
    this.addSql(`create index "request_quote_seller_id_index" on "request_quote" ("seller_id");`);
    this.addSql(`alter table "request_quote" add constraint "request_quote_request_id_seller_id_unique" unique ("request_id", "seller_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase_request" cascade;`);

    this.addSql(`drop table if exists "request_quote" cascade;`);
  }

}
