import { Migration } from '@mikro-orm/migrations';

/** Up to this many changed listings are named in an announcement; beyond it only their channels. */
const MAX_NAMED = 100;

const EVENTS = [
  { name: 'inserted', rows: 'select * from changed_new' },
  { name: 'updated', rows: 'select * from changed_old union all select * from changed_new' },
  { name: 'deleted', rows: 'select * from changed_old' },
] as const;

function announce(rows: string, listingsOf: string): string {
  return `declare
  channels text;
  ids text;
begin
  select string_agg(distinct l.channel_code, ','),
         case when count(distinct l.id) <= ${MAX_NAMED} then string_agg(distinct l.id::text, ',') end
    into channels, ids
    from ${listingsOf.replace('$ROWS', `(${rows})`)};
  if channels is not null then
    perform pg_notify('xn_public_data', 'listing:' || channels || coalesce('|' || ids, ''));
  end if;
  return null;
end`;
}

/**
 * Listing and image announcements also name the listings that changed (`listing:tea|<id>,<id>`), so
 * that a cached listing detail is kept when other listings of its channel change.
 */
export class Migration20261129110000_ListingChangeIds extends Migration {
  override async up(): Promise<void> {
    for (const { name, rows } of EVENTS) {
      this.addSql(`create or replace function "xn_announce_listing_${name}"() returns trigger language plpgsql as $$
${announce(rows, '$ROWS l')}
$$;`);
      this.addSql(`create or replace function "xn_announce_listing_image_${name}"() returns trigger language plpgsql as $$
${announce(rows, '$ROWS changed join "listing" l on l.id = changed.listing_id')}
$$;`);
    }
  }

  override async down(): Promise<void> {
    for (const { name, rows } of EVENTS) {
      const channelsOnly = (from: string) => `declare
  channels text;
begin
  select string_agg(distinct l.channel_code, ',') into channels from ${from.replace('$ROWS', `(${rows})`)};
  if channels is not null then
    perform pg_notify('xn_public_data', 'listing:' || channels);
  end if;
  return null;
end`;
      this.addSql(`create or replace function "xn_announce_listing_${name}"() returns trigger language plpgsql as $$
${channelsOnly('$ROWS l')}
$$;`);
      this.addSql(`create or replace function "xn_announce_listing_image_${name}"() returns trigger language plpgsql as $$
${channelsOnly('$ROWS changed join "listing" l on l.id = changed.listing_id')}
$$;`);
    }
  }
}
