import { Migration } from '@mikro-orm/migrations';

/** A price subscription may follow a county (every quote given in it) instead of a market or the province. */
export class Migration20261201067000_CountyAlerts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "price_subscription" add column "county_code" varchar(6) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "price_subscription" drop column "county_code";`);
  }

}
