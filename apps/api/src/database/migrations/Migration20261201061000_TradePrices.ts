import { Migration } from '@mikro-orm/migrations';

/**
 * Trade prices: each completed order line of a commodity, by the county it came from and the day
 * (China) it completed, from which the day's TRADE observation of that commodity and county is made.
 */
export class Migration20261201061000_TradePrices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "market"."trade_line" (
      "order_line_id" uuid not null primary key,
      "commodity_id" int not null,
      "county_code" varchar(6) not null,
      "traded_on" date not null,
      "quantity" int not null check ("quantity" > 0),
      "grams" bigint null check ("grams" > 0),
      "amount_fen" bigint not null check ("amount_fen" >= 0));`);
    this.addSql(`create index "trade_line_place_day" on "market"."trade_line" ("commodity_id", "county_code", "traded_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "market"."trade_line";`);
  }

}
