import { Migration } from '@mikro-orm/migrations';

export class Migration20261129062509_Foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "organisation_kind" as enum ('COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE', 'BUYER', 'LOGISTICS');`);
    this.addSql(`create type "verification_status" as enum ('PENDING', 'VERIFIED', 'REJECTED');`);
    this.addSql(`create type "listing_status" as enum ('DRAFT', 'ACTIVE', 'PAUSED', 'SOLD_OUT', 'ARCHIVED');`);
    this.addSql(`create type "member_role" as enum ('OWNER', 'MANAGER', 'STAFF');`);
    this.addSql(`create table "channel" ("code" varchar(20) not null, "name_zh" varchar(20) not null, "name_en" varchar(40) not null, "description_zh" text not null default '', "description_en" text not null default '', "attribute_schema" jsonb not null, "sort_order" smallint not null default 0, constraint "channel_pkey" primary key ("code"));`);

    this.addSql(`create table "category" ("id" serial primary key, "channel_code" varchar(20) not null, "parent_id" int null, "slug" varchar(40) not null, "name_zh" varchar(30) not null, "name_en" varchar(60) not null, "sort_order" smallint not null default 0);`);
    this.addSql(`alter table "category" add constraint "category_channel_code_slug_unique" unique ("channel_code", "slug");`);

    this.addSql(`create table "county" ("code" varchar(6) not null, "name" varchar(40) not null, "prefecture_code" varchar(6) not null, "prefecture_name" varchar(40) not null, "division_type" varchar(10) not null, "is_poverty_county" boolean not null default false, "poverty_national_key" boolean null, "poverty_contiguous_area" varchar(20) null, "poverty_exit_year" smallint null, constraint "county_pkey" primary key ("code"));`);
    this.addSql(`create index "county_prefecture_code_index" on "county" ("prefecture_code");`);

    this.addSql(`create table "login_failure" ("id" bigserial primary key, "phone_key" varchar(64) not null, "ip_key" varchar(64) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "login_failure_ip_key_created_at_index" on "login_failure" ("ip_key", "created_at");`);
    this.addSql(`create index "login_failure_phone_key_created_at_index" on "login_failure" ("phone_key", "created_at");`);

    this.addSql(`create table "organisation" ("id" uuid not null, "name" varchar(60) not null, "kind" "organisation_kind" not null, "uscc" varchar(18) not null, "county_code" varchar(6) not null, "description" text null, "verification_status" "verification_status" not null default 'PENDING', "verified_at" timestamptz null, "rejection_reason" text null, "is_demo" boolean not null default false, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "organisation_county_code_index" on "organisation" ("county_code");`);

    this.addSql(`create table "listing" ("id" uuid not null, "organisation_id" uuid not null, "channel_code" varchar(20) not null, "category_id" int not null, "title" varchar(60) not null, "description" text not null default '', "attributes" jsonb not null, "origin_county_code" varchar(6) not null, "unit" varchar(10) not null, "price_tiers" jsonb not null, "base_price_fen" int not null, "min_order_quantity" int not null, "stock" int not null, "certifications" text[] not null default '{}', "status" "listing_status" not null default 'DRAFT', "is_demo" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_at" timestamptz null, constraint "listing_pkey" primary key ("id"));`);
    this.addSql(`create index "listing_category_id_index" on "listing" ("category_id");`);
    this.addSql(`create index "listing_origin_county_code_index" on "listing" ("origin_county_code");`);
    this.addSql(`create index "listing_organisation_id_updated_at_index" on "listing" ("organisation_id", "updated_at");`);
    this.addSql(`create index "listing_channel_code_status_published_at_id_index" on "listing" ("channel_code", "status", "published_at", "id");`);

    this.addSql(`create table "listing_image" ("id" uuid not null, "organisation_id" uuid not null, "listing_id" uuid null, "position" smallint not null default 0, "storage_key" varchar(200) not null, "content_type" varchar(30) not null, "byte_size" int not null, "created_at" timestamptz not null, constraint "listing_image_pkey" primary key ("id"));`);
    this.addSql(`create index "listing_image_organisation_id_index" on "listing_image" ("organisation_id");`);
    this.addSql(`create index "listing_image_listing_id_index" on "listing_image" ("listing_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "phone" varchar(11) not null, "display_name" varchar(40) not null, "password_hash" text not null, "is_platform_admin" boolean not null default false, "sessions_valid_after" timestamptz not null, "is_demo" boolean not null default false, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_phone_unique" unique ("phone");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "membership" ("id" uuid not null, "organisation_id" uuid not null, "user_id" uuid not null, "role" "member_role" not null, "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(`alter table "membership" add constraint "membership_organisation_id_user_id_unique" unique ("organisation_id", "user_id");`);

    this.addSql(`alter table "category" add constraint "category_channel_code_foreign" foreign key ("channel_code") references "channel" ("code") on update cascade;`);
    this.addSql(`alter table "category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "category" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "organisation" add constraint "organisation_county_code_foreign" foreign key ("county_code") references "county" ("code") on update cascade;`);

    this.addSql(`alter table "listing" add constraint "listing_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "listing" add constraint "listing_channel_code_foreign" foreign key ("channel_code") references "channel" ("code") on update cascade;`);
    this.addSql(`alter table "listing" add constraint "listing_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade;`);
    this.addSql(`alter table "listing" add constraint "listing_origin_county_code_foreign" foreign key ("origin_county_code") references "county" ("code") on update cascade;`);

    this.addSql(`alter table "listing_image" add constraint "listing_image_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "listing_image" add constraint "listing_image_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "category" drop constraint "category_channel_code_foreign";`);

    this.addSql(`alter table "listing" drop constraint "listing_channel_code_foreign";`);

    this.addSql(`alter table "category" drop constraint "category_parent_id_foreign";`);

    this.addSql(`alter table "listing" drop constraint "listing_category_id_foreign";`);

    this.addSql(`alter table "organisation" drop constraint "organisation_county_code_foreign";`);

    this.addSql(`alter table "listing" drop constraint "listing_origin_county_code_foreign";`);

    this.addSql(`alter table "listing" drop constraint "listing_organisation_id_foreign";`);

    this.addSql(`alter table "listing_image" drop constraint "listing_image_organisation_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_organisation_id_foreign";`);

    this.addSql(`alter table "listing_image" drop constraint "listing_image_listing_id_foreign";`);

    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`drop table if exists "channel" cascade;`);

    this.addSql(`drop table if exists "category" cascade;`);

    this.addSql(`drop table if exists "county" cascade;`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "listing" cascade;`);

    this.addSql(`drop table if exists "listing_image" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "verification_status";`);
    this.addSql(`drop type "listing_status";`);
    this.addSql(`drop type "member_role";`);
  }

}
