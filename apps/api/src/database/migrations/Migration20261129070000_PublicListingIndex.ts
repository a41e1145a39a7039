import { Migration } from '@mikro-orm/migrations';

/**
 * Channel pages read public listings newest first. A partial index in exactly that order lets
 * PostgreSQL walk the first page instead of sorting every public listing of the channel.
 */
export class Migration20261129070000_PublicListingIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "listing_public_channel_recent_idx" on "listing" ("channel_code", "published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "listing_public_channel_recent_idx";`);
  }
}
