import { Migration } from '@mikro-orm/migrations';

/** Price subscriptions (threshold, daily move, digest) and the alerts sent, one per subscription and day. */
export class Migration20261201042726_PriceAlerts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "price_alert" ("subscription_id" uuid not null, "observed_on" date not null, "avg_fen" int not null, "created_at" timestamptz not null, constraint "price_alert_pkey" primary key ("subscription_id", "observed_on"));`);

    this.addSql(`create table "price_subscription" ("id" uuid not null, "user_id" uuid not null, "commodity_id" int not null, "kind" varchar(8) not null, "threshold_fen" int null, "percent_bp" int null, "market_id" int null, "created_at" timestamptz not null, constraint "price_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "price_subscription_user_id_index" on "price_subscription" ("user_id");`);
    this.addSql(`create index "price_subscription_commodity_id_index" on "price_subscription" ("commodity_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "price_alert" cascade;`);

    this.addSql(`drop table if exists "price_subscription" cascade;`);
  }

}
