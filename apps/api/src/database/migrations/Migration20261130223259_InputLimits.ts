import { Migration } from '@mikro-orm/migrations';

/**
 * Login attempts counted atomically per key (login_throttle replaces login_failure); room for four
 * code points per character in typed names and titles, whose limits count characters as readers
 * see them; organisations' public contact; indexes for all-channel and per-seller public listings.
 */
export class Migration20261130223259_InputLimits extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" ("key" varchar(64) not null, "attempts" int not null, "window_started_at" timestamptz not null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`alter table "channel" alter column "name_zh" type varchar(80) using ("name_zh"::varchar(80));`);
    this.addSql(`alter table "channel" alter column "name_en" type varchar(160) using ("name_en"::varchar(160));`);

    this.addSql(`alter table "category" alter column "name_zh" type varchar(120) using ("name_zh"::varchar(120));`);
    this.addSql(`alter table "category" alter column "name_en" type varchar(240) using ("name_en"::varchar(240));`);

    this.addSql(`alter table "organisation" add column "contact_name" varchar(160) null, add column "contact_phone" varchar(11) null;`);
    this.addSql(`alter table "organisation" alter column "name" type varchar(240) using ("name"::varchar(240));`);

    this.addSql(`alter table "listing" alter column "title" type varchar(240) using ("title"::varchar(240));`);
    this.addSql(`create index "listing_public_seller_recent_idx" on "listing" ("organisation_id", "published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT');`);
    this.addSql(`create index "listing_public_recent_idx" on "listing" ("published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT');`);

    this.addSql(`alter table "app_user" alter column "display_name" type varchar(160) using ("display_name"::varchar(160));`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "login_failure" ("id" bigserial primary key, "phone_key" varchar(64) not null, "ip_key" varchar(64) not null, "created_at" timestamptz(6) not null);`);
    this.addSql(`create index "login_failure_ip_key_created_at_index" on "login_failure" ("ip_key", "created_at");`);
    this.addSql(`create index "login_failure_phone_key_created_at_index" on "login_failure" ("phone_key", "created_at");`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`alter table "app_user" alter column "display_name" type varchar(40) using ("display_name"::varchar(40));`);

    this.addSql(`alter table "category" alter column "name_zh" type varchar(30) using ("name_zh"::varchar(30));`);
    this.addSql(`alter table "category" alter column "name_en" type varchar(60) using ("name_en"::varchar(60));`);

    this.addSql(`alter table "channel" alter column "name_zh" type varchar(20) using ("name_zh"::varchar(20));`);
    this.addSql(`alter table "channel" alter column "name_en" type varchar(40) using ("name_en"::varchar(40));`);

    this.addSql(`drop index "listing_public_seller_recent_idx";`);
    this.addSql(`drop index "listing_public_recent_idx";`);

    this.addSql(`alter table "listing" alter column "title" type varchar(60) using ("title"::varchar(60));`);

    this.addSql(`alter table "organisation" drop column "contact_name", drop column "contact_phone";`);

    this.addSql(`alter table "organisation" alter column "name" type varchar(60) using ("name"::varchar(60));`);
  }
}
