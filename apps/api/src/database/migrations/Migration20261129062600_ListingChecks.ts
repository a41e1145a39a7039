import { Migration } from '@mikro-orm/migrations';

/** Invariants the database holds whatever the application does: stock never negative, prices positive. */
export class Migration20261129062600_ListingChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "listing" add constraint "listing_stock_non_negative" check ("stock" >= 0);`);
    this.addSql(`alter table "listing" add constraint "listing_moq_positive" check ("min_order_quantity" > 0);`);
    this.addSql(`alter table "listing" add constraint "listing_base_price_positive" check ("base_price_fen" > 0);`);
    this.addSql(`alter table "listing_image" add constraint "listing_image_size_positive" check ("byte_size" > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listing" drop constraint "listing_stock_non_negative";`);
    this.addSql(`alter table "listing" drop constraint "listing_moq_positive";`);
    this.addSql(`alter table "listing" drop constraint "listing_base_price_positive";`);
    this.addSql(`alter table "listing_image" drop constraint "listing_image_size_positive";`);
  }
}
