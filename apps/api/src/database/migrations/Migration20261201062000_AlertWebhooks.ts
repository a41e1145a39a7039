import { Migration } from '@mikro-orm/migrations';

/** Price alerts also go to a user's webhook, signed; every delivery and its tries are logged. */
export class Migration20261201062000_AlertWebhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "alert_webhook" ("user_id" uuid not null, "url" varchar(500) not null, "secret" varchar(80) not null, "created_at" timestamptz not null, constraint "alert_webhook_pkey" primary key ("user_id"));`);

    this.addSql(`create table "alert_webhook_delivery" ("id" uuid not null, "user_id" uuid not null, "event" varchar(20) not null, "payload" jsonb not null, "status" varchar(10) not null default 'PENDING', "attempts" smallint not null default 0, "response_status" smallint null, "error" varchar(300) null, "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "alert_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_webhook_delivery_user_id_created_at_index" on "alert_webhook_delivery" ("user_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_webhook" cascade;`);
    this.addSql(`drop table if exists "alert_webhook_delivery" cascade;`);
  }

}
