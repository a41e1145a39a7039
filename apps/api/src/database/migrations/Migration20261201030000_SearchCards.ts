import { Migration } from '@mikro-orm/migrations';

/**
 * Each search document carries the listing's card (what a result shows: title, unit, prices, stock,
 * seller, place, certifications), so that a search can answer without reading the listings again.
 * Documents written before have none; search reads those listings as before until they are written
 * again (the indexes are rebuilt on start, as the analysis version changed with this).
 */
export class Migration20261201030000_SearchCards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "search_document" add column "card" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "search_document" drop column "card";`);
  }
}
