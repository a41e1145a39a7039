import { Migration } from '@mikro-orm/migrations';

/** Import and export figures per commodity and month (volume in kg, value in fen), by source. */
export class Migration20261201063000_TradeFlows extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "market"."trade_flow" (
      "commodity_id" int not null,
      "month" date not null check (extract(day from "month") = 1),
      "direction" varchar(6) not null check ("direction" in ('IMPORT', 'EXPORT')),
      "source" varchar(60) not null,
      "volume_kg" bigint null check ("volume_kg" >= 0),
      "value_fen" bigint null check ("value_fen" >= 0),
      "is_demo" boolean not null default false,
      "updated_at" timestamptz not null default now(),
      primary key ("commodity_id", "month", "direction", "source"),
      check ("volume_kg" is not null or "value_fen" is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "market"."trade_flow";`);
  }

}
