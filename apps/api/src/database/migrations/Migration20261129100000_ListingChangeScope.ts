import { Migration } from '@mikro-orm/migrations';

const EVENTS = [
  { name: 'inserted', event: 'insert', referencing: 'new table as changed_new', rows: 'select * from changed_new' },
  { name: 'updated', event: 'update', referencing: 'old table as changed_old new table as changed_new', rows: 'select * from changed_old union all select * from changed_new' },
  { name: 'deleted', event: 'delete', referencing: 'old table as changed_old', rows: 'select * from changed_old' },
] as const;

/**
 * Listing and image changes announce which channels they touched (`listing:tea,rice`), so that API
 * instances keep their cached answers for the other channels. Images not attached to a listing
 * announce nothing: nobody outside the organisation sees them. Truncating either table still
 * announces a change to everything.
 */
export class Migration20261129100000_ListingChangeScope extends Migration {
  override async up(): Promise<void> {
    for (const table of ['listing', 'listing_image']) {
      this.addSql(`drop trigger "${table}_public_data_changed" on "${table}";`);
      this.addSql(
        `create trigger "${table}_public_data_truncated" after truncate on "${table}" for each statement execute function "xn_announce_public_data_change"();`,
      );
    }
    for (const { name, event, referencing, rows } of EVENTS) {
      this.addSql(`create function "xn_announce_listing_${name}"() returns trigger language plpgsql as $$
declare
  channels text;
begin
  select string_agg(distinct channel_code, ',') into channels from (${rows}) changed;
  if channels is not null then
    perform pg_notify('xn_public_data', 'listing:' || channels);
  end if;
  return null;
end
$$;`);
      this.addSql(
        `create trigger "listing_public_data_${name}" after ${event} on "listing" referencing ${referencing} for each statement execute function "xn_announce_listing_${name}"();`,
      );
      this.addSql(`create function "xn_announce_listing_image_${name}"() returns trigger language plpgsql as $$
declare
  channels text;
begin
  select string_agg(distinct l.channel_code, ',') into channels from (${rows}) changed join "listing" l on l.id = changed.listing_id;
  if channels is not null then
    perform pg_notify('xn_public_data', 'listing:' || channels);
  end if;
  return null;
end
$$;`);
      this.addSql(
        `create trigger "listing_image_public_data_${name}" after ${event} on "listing_image" referencing ${referencing} for each statement execute function "xn_announce_listing_image_${name}"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const { name } of EVENTS) {
      this.addSql(`drop trigger "listing_public_data_${name}" on "listing";`);
      this.addSql(`drop function "xn_announce_listing_${name}"();`);
      this.addSql(`drop trigger "listing_image_public_data_${name}" on "listing_image";`);
      this.addSql(`drop function "xn_announce_listing_image_${name}"();`);
    }
    for (const table of ['listing', 'listing_image']) {
      this.addSql(`drop trigger "${table}_public_data_truncated" on "${table}";`);
      this.addSql(
        `create trigger "${table}_public_data_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "xn_announce_public_data_change"();`,
      );
    }
  }
}
