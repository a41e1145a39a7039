import { Migration } from '@mikro-orm/migrations';

/** Organisations whose members report a market's daily quotes. */
export class Migration20261201043012_MarketReporters extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "market_reporter" ("market_id" int not null, "organisation_id" uuid not null, "created_at" timestamptz not null, constraint "market_reporter_pkey" primary key ("market_id", "organisation_id"));`);
    this.addSql(`create index "market_reporter_organisation_id_index" on "market_reporter" ("organisation_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "market_reporter" cascade;`);
  }

}
