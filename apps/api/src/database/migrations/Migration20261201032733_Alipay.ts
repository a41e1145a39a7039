import { Migration } from '@mikro-orm/migrations';

/**
 * Alipay: each order's trade at Alipay (keyed by the order number), every verified notification by
 * its notify_id, and the settlement ledger of Alipay money owed to sellers (sales less commission,
 * refunds giving back their share, payouts), whose every entry keeps owed = amount − commission.
 */
export class Migration20261201032733_Alipay extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "alipay_notification" ("notify_id" varchar(128) not null, "out_trade_no" varchar(64) not null, "trade_no" varchar(64) not null, "trade_status" varchar(16) not null, "total_fen" int not null, "refund_fen" int null, "notify_time" timestamptz not null, "effect" varchar(16) not null, "received_at" timestamptz not null, constraint "alipay_notification_pkey" primary key ("notify_id"));`);
    this.addSql(`create index "alipay_notification_out_trade_no_received_at_index" on "alipay_notification" ("out_trade_no", "received_at");`);

    this.addSql(`create table "alipay_trade" ("out_trade_no" varchar(64) not null, "order_id" uuid not null, "amount_fen" int not null, "status" varchar(16) not null, "channel" varchar(4) not null, "trade_no" varchar(64) null, "refunded_fen" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, "checked_at" timestamptz null, constraint "alipay_trade_pkey" primary key ("out_trade_no"));`);
    this.addSql(`alter table "alipay_trade" add constraint "alipay_trade_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "alipay_trade_status_checked_at_index" on "alipay_trade" ("status", "checked_at");`);

    this.addSql(`create table "settlement_entry" ("id" bigserial primary key, "seller_id" uuid not null, "kind" varchar(8) not null, "order_id" uuid null, "order_number" varchar(24) null, "amount_fen" int not null, "commission_fen" int not null, "owed_fen" int not null, "reference" varchar(64) null, "actor_id" uuid null, "created_at" timestamptz not null, constraint settlement_entry_amounts check ((kind = 'SALE' and order_id is not null and order_number is not null and amount_fen > 0 and commission_fen >= 0 and commission_fen <= amount_fen and owed_fen = amount_fen - commission_fen)
    or (kind = 'REFUND' and order_id is not null and order_number is not null and amount_fen < 0 and commission_fen <= 0 and commission_fen >= amount_fen and owed_fen = amount_fen - commission_fen)
    or (kind = 'PAYOUT' and order_id is null and amount_fen = 0 and commission_fen = 0 and owed_fen < 0)));`);
    this.addSql(`create index "settlement_entry_seller_id_created_at_index" on "settlement_entry" ("seller_id", "created_at");`);
    this.addSql(`alter table "settlement_entry" add constraint "settlement_entry_order_id_kind_unique" unique ("order_id", "kind");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alipay_notification" cascade;`);

    this.addSql(`drop table if exists "alipay_trade" cascade;`);

    this.addSql(`drop table if exists "settlement_entry" cascade;`);
  }

}
