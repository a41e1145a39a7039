import { Migration } from '@mikro-orm/migrations';

/**
 * The stock ledger (one row per change of a listing's stock; listings that exist start with one row
 * for their stock, so movements add up from the start), and suspended organisations.
 * PostgreSQL cannot take a value out of an enum, so going down leaves SUSPENDED in it.
 */
export class Migration20261130232747_StockLedger extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stock_movement" ("id" bigserial primary key, "listing_id" uuid not null, "delta" int not null, "stock_after" int not null, "reason" varchar(30) not null, "reference" varchar(64) null, "actor_id" uuid null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "stock_movement_listing_id_id_index" on "stock_movement" ("listing_id", "id");`);
    this.addSql(`insert into "stock_movement" ("listing_id", "delta", "stock_after", "reason", "created_at") select "id", "stock", "stock", 'listing-created', "created_at" from "listing" where "stock" > 0;`);

    this.addSql(`alter type "verification_status" add value if not exists 'SUSPENDED' after 'REJECTED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_movement" cascade;`);
  }
}
