import { Migration } from '@mikro-orm/migrations';

/**
 * Ordering: checkouts, orders per seller with their lines and every move they made, payments
 * (bank accounts of sellers, one payment and one refund per order at most), shipping templates,
 * village service stations, shipments and tracking, sales records of completed orders, reviews;
 * and service stations as a kind of organisation. Order numbers come from a sequence.
 */
export class Migration20261201031226_Ordering extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "order_status" as enum ('AWAITING_PAYMENT', 'AWAITING_SHIPMENT', 'SHIPPED', 'AT_STATION', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUND_REQUESTED', 'REFUNDED');`);
    this.addSql(`create type "payment_method" as enum ('ALIPAY', 'BANK_TRANSFER', 'CASH_ON_DELIVERY');`);
    this.addSql(`create table "checkout" ("id" uuid not null, "buyer_id" uuid not null, "idempotency_key" varchar(64) not null, "request_hash" varchar(64) not null, "created_at" timestamptz not null, constraint "checkout_pkey" primary key ("id"));`);
    this.addSql(`alter table "checkout" add constraint "checkout_buyer_id_idempotency_key_unique" unique ("buyer_id", "idempotency_key");`);

    this.addSql(`create table "order_line" ("id" uuid not null, "order_id" uuid not null, "listing_id" uuid not null, "title" varchar(240) not null, "channel_code" varchar(20) not null, "origin_county_code" varchar(6) not null, "unit" varchar(10) not null, "quantity" int not null, "unit_price_fen" int not null, "amount_fen" int not null, constraint "order_line_pkey" primary key ("id"), constraint order_line_amount check (quantity > 0 and unit_price_fen > 0 and amount_fen = quantity * unit_price_fen));`);
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);
    this.addSql(`create index "order_line_listing_id_index" on "order_line" ("listing_id");`);

    this.addSql(`create table "order_review" ("order_id" uuid not null, "seller_id" uuid not null, "buyer_id" uuid not null, "rating" smallint not null, "comment" varchar(1200) not null default '', "created_at" timestamptz not null, constraint "order_review_pkey" primary key ("order_id"), constraint order_review_rating check (rating >= 1 and rating <= 5));`);
    this.addSql(`create index "order_review_seller_id_index" on "order_review" ("seller_id");`);

    this.addSql(`create table "order_transition" ("id" bigserial primary key, "order_id" uuid not null, "action" varchar(20) not null, "from_status" "order_status" null, "to_status" "order_status" not null, "actor_role" varchar(10) not null, "actor_id" uuid null, "note" varchar(400) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "order_transition_order_id_id_index" on "order_transition" ("order_id", "id");`);

    this.addSql(`create table "payment_record" ("id" bigserial primary key, "order_id" uuid not null, "kind" varchar(8) not null, "method" "payment_method" not null, "amount_fen" int not null, "reference" varchar(64) null, "actor_id" uuid null, "created_at" timestamptz not null);`);
    this.addSql(`create index "payment_record_created_at_index" on "payment_record" ("created_at");`);
    this.addSql(`alter table "payment_record" add constraint "payment_record_order_id_kind_unique" unique ("order_id", "kind");`);

    this.addSql(`create table "sales_order" ("id" uuid not null, "number" varchar(24) not null, "checkout_id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "status" "order_status" not null, "payment_method" "payment_method" not null, "goods_fen" int not null, "freight_fen" int not null, "total_fen" int not null, "delivery_kind" varchar(8) not null, "recipient_name" varchar(80) not null, "recipient_phone" varchar(11) not null, "county_code" varchar(6) not null, "address" varchar(400) not null, "station_id" uuid null, "buyer_note" varchar(400) null, "expires_at" timestamptz null, "pickup_code" varchar(6) null, "cancel_reason" varchar(400) null, "placed_at" timestamptz not null, "paid_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "completed_at" timestamptz null, "updated_at" timestamptz not null, constraint "sales_order_pkey" primary key ("id"), constraint sales_order_delivery check ((delivery_kind = 'STATION') = (station_id is not null)), constraint sales_order_total check (total_fen = goods_fen + freight_fen and goods_fen > 0 and freight_fen >= 0));`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_number_unique" unique ("number");`);
    this.addSql(`create index "sales_order_checkout_id_index" on "sales_order" ("checkout_id");`);
    this.addSql(`create index "sales_order_station_id_status_index" on "sales_order" ("station_id", "status");`);
    this.addSql(`create index "sales_order_status_expires_at_index" on "sales_order" ("status", "expires_at");`);
    this.addSql(`create index "sales_order_seller_id_placed_at_index" on "sales_order" ("seller_id", "placed_at");`);
    this.addSql(`create index "sales_order_buyer_id_placed_at_index" on "sales_order" ("buyer_id", "placed_at");`);

    this.addSql(`create table "sales_record" ("order_line_id" uuid not null, "order_id" uuid not null, "seller_id" uuid not null, "listing_id" uuid not null, "channel_code" varchar(20) not null, "origin_county_code" varchar(6) not null, "unit" varchar(10) not null, "quantity" int not null, "amount_fen" int not null, "price_per_kg_fen" int null, "completed_at" timestamptz not null, constraint "sales_record_pkey" primary key ("order_line_id"));`);
    this.addSql(`create index "sales_record_origin_county_code_completed_at_index" on "sales_record" ("origin_county_code", "completed_at");`);
    this.addSql(`create index "sales_record_seller_id_completed_at_index" on "sales_record" ("seller_id", "completed_at");`);

    this.addSql(`create table "seller_bank_account" ("organisation_id" uuid not null, "account_name" varchar(200) not null, "bank_name" varchar(200) not null, "account_number" varchar(34) not null, "updated_at" timestamptz not null, constraint "seller_bank_account_pkey" primary key ("organisation_id"));`);

    this.addSql(`create table "service_station" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(120) not null, "county_code" varchar(6) not null, "address" varchar(400) not null, "is_demo" boolean not null default false, "created_at" timestamptz not null, constraint "service_station_pkey" primary key ("id"));`);
    this.addSql(`create index "service_station_organisation_id_index" on "service_station" ("organisation_id");`);
    this.addSql(`create index "service_station_county_code_index" on "service_station" ("county_code");`);

    this.addSql(`create table "shipment" ("id" uuid not null, "order_id" uuid not null, "carrier" varchar(20) null, "tracking_number" varchar(40) null, "logistics_organisation_id" uuid null, "station_id" uuid null, "created_at" timestamptz not null, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`alter table "shipment" add constraint "shipment_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "shipment_logistics_organisation_id_index" on "shipment" ("logistics_organisation_id");`);
    this.addSql(`create index "shipment_station_id_index" on "shipment" ("station_id");`);
    this.addSql(`create index "shipment_carrier_tracking_number_index" on "shipment" ("carrier", "tracking_number");`);

    this.addSql(`create table "shipping_template" ("organisation_id" uuid not null, "rules" jsonb not null, "updated_at" timestamptz not null, constraint "shipping_template_pkey" primary key ("organisation_id"));`);

    this.addSql(`create table "tracking_event" ("id" bigserial primary key, "shipment_id" uuid not null, "occurred_at" timestamptz not null, "description" varchar(400) not null, "location" varchar(120) null, "source" varchar(12) not null, "actor_id" uuid null, "external_id" varchar(64) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "tracking_event_shipment_id_occurred_at_index" on "tracking_event" ("shipment_id", "occurred_at");`);
    this.addSql(`alter table "tracking_event" add constraint "tracking_event_shipment_id_external_id_unique" unique ("shipment_id", "external_id");`);

    this.addSql(`create table "webhook_delivery" ("digest" varchar(64) not null, "received_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("digest"));`);
    this.addSql(`create index "webhook_delivery_received_at_index" on "webhook_delivery" ("received_at");`);

    this.addSql(`create sequence "order_number_seq";`);
    this.addSql(`alter type "organisation_kind" add value if not exists 'SERVICE_STATION' after 'LOGISTICS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "checkout" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "order_review" cascade;`);

    this.addSql(`drop table if exists "order_transition" cascade;`);

    this.addSql(`drop table if exists "payment_record" cascade;`);

    this.addSql(`drop table if exists "sales_order" cascade;`);

    this.addSql(`drop table if exists "sales_record" cascade;`);

    this.addSql(`drop table if exists "seller_bank_account" cascade;`);

    this.addSql(`drop table if exists "service_station" cascade;`);

    this.addSql(`drop table if exists "shipment" cascade;`);

    this.addSql(`drop table if exists "shipping_template" cascade;`);

    this.addSql(`drop table if exists "tracking_event" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop sequence if exists "order_number_seq";`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "payment_method";`);
  }

}
