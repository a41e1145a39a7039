import { Migration } from '@mikro-orm/migrations';

/** Listings keep room on their pages, so that stock moves (which change no indexed column) are updated in place. */
export class Migration20261201065000_ListingFillfactor extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "listing" set (fillfactor = 85);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listing" reset (fillfactor);`);
  }

}
