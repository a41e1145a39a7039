import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows anonymous visitors can see, directly or through a listing. */
const PUBLIC_TABLES = ['channel', 'category', 'county', 'organisation', 'listing', 'listing_image'];

/**
 * Every statement that changes a public table announces it on the `xn_public_data` channel when its
 * transaction commits, whoever wrote it. API instances listen and drop their cached answers.
 * The payload is the table's name.
 */
export class Migration20261129090000_PublicDataChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "xn_announce_public_data_change"() returns trigger language plpgsql as $$
begin
  perform pg_notify('xn_public_data', tg_table_name);
  return null;
end
$$;`);
    for (const table of PUBLIC_TABLES) {
      this.addSql(
        `create trigger "${table}_public_data_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "xn_announce_public_data_change"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of PUBLIC_TABLES) this.addSql(`drop trigger "${table}_public_data_changed" on "${table}";`);
    this.addSql(`drop function "xn_announce_public_data_change"();`);
  }
}
