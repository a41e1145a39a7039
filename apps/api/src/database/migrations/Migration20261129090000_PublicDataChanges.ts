import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows anonymous visitors see as they are: any change to them affects every answer. */
const SHARED_TABLES = ['channel', 'category', 'county', 'organisation'];
/** Tables whose changes are announced with the channels and listings they touched. */
const LISTING_TABLES = [
  { table: 'listing', listingsOf: (rows: string) => `${rows} l` },
  { table: 'listing_image', listingsOf: (rows: string) => `${rows} changed join "listing" l on l.id = changed.listing_id` },
];
/** Transition tables can only serve one event per trigger. */
const EVENTS = [
  { name: 'inserted', event: 'insert', referencing: 'new table as changed_new', rows: 'select * from changed_new' },
  { name: 'updated', event: 'update', referencing: 'old table as changed_old new table as changed_new', rows: 'select * from changed_old union all select * from changed_new' },
  { name: 'deleted', event: 'delete', referencing: 'old table as changed_old', rows: 'select * from changed_old' },
] as const;
/** Up to this many changed listings are named in an announcement; beyond it only their channels. */
const MAX_NAMED = 100;

/**
 * Every statement that changes public data announces it on the `xn_public_data` channel when its
 * transaction commits, whoever wrote it; API instances listen and drop the cached answers it affects.
 * - `channel`, `category`, `county`, `organisation`: the payload is the table's name.
 * - `listing`, `listing_image`: `listing:<channels>|<ids>` (the ids left out beyond 100 listings).
 *   Images not attached to a listing announce nothing: nobody outside the organisation sees them.
 *   Truncating either table announces the table's name.
 */
export class Migration20261129090000_PublicDataChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "xn_announce_public_data_change"() returns trigger language plpgsql as $$
begin
  perform pg_notify('xn_public_data', tg_table_name);
  return null;
end
$$;`);
    for (const table of SHARED_TABLES) {
      this.addSql(
        `create trigger "${table}_public_data_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "xn_announce_public_data_change"();`,
      );
    }
    for (const { table, listingsOf } of LISTING_TABLES) {
      this.addSql(
        `create trigger "${table}_public_data_truncated" after truncate on "${table}" for each statement execute function "xn_announce_public_data_change"();`,
      );
      for (const { name, event, referencing, rows } of EVENTS) {
        this.addSql(`create function "xn_announce_${table}_${name}"() returns trigger language plpgsql as $$
declare
  channels text;
  ids text;
begin
  select string_agg(distinct l.channel_code, ','),
         case when count(distinct l.id) <= ${MAX_NAMED} then string_agg(distinct l.id::text, ',') end
    into channels, ids
    from ${listingsOf(`(${rows})`)};
  if channels is not null then
    perform pg_notify('xn_public_data', 'listing:' || channels || coalesce('|' || ids, ''));
  end if;
  return null;
end
$$;`);
        this.addSql(
          `create trigger "${table}_public_data_${name}" after ${event} on "${table}" referencing ${referencing} for each statement execute function "xn_announce_${table}_${name}"();`,
        );
      }
    }
  }

  override async down(): Promise<void> {
    for (const { table } of LISTING_TABLES) {
      this.addSql(`drop trigger "${table}_public_data_truncated" on "${table}";`);
      for (const { name } of EVENTS) {
        this.addSql(`drop trigger "${table}_public_data_${name}" on "${table}";`);
        this.addSql(`drop function "xn_announce_${table}_${name}"();`);
      }
    }
    for (const table of SHARED_TABLES) this.addSql(`drop trigger "${table}_public_data_changed" on "${table}";`);
    this.addSql(`drop function "xn_announce_public_data_change"();`);
  }
}
