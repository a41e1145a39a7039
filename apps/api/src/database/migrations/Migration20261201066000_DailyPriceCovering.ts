import { Migration } from '@mikro-orm/migrations';

/** A commodity's daily figures are read from the index alone (a year of days, the hottest read of the price pages). */
export class Migration20261201066000_DailyPriceCovering extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "daily_price_covering" on "market"."daily_price" ("commodity_id", "observed_on") include ("low_fen", "avg_sum", "high_fen", "observations");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "market"."daily_price_covering";`);
  }

}
