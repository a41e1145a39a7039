import { Migration } from '@mikro-orm/migrations';

const announce = (condition: string) => `create or replace function "xn_announce_reset_sessions"() returns trigger language plpgsql as $$
begin
  perform "xn_announce_users"('xn_session_ended', (
    select string_agg(distinct n.id::text, ',') from changed_new n join changed_old o on o.id = n.id
     where ${condition}));
  return null;
end
$$;`;

/** Admin rights given or taken are announced like an ended session, so that instances stop trusting what they checked. */
export class Migration20261201064000_AdminRightsAnnounced extends Migration {

  override async up(): Promise<void> {
    this.addSql(announce('n.sessions_valid_after is distinct from o.sessions_valid_after or n.is_platform_admin is distinct from o.is_platform_admin'));
  }

  override async down(): Promise<void> {
    this.addSql(announce('n.sessions_valid_after is distinct from o.sessions_valid_after'));
  }

}
