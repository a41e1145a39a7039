import { Migration } from '@mikro-orm/migrations';

/** Announcements carry user ids up to this length; beyond it `*` (every subscriber reads). */
const MAX_PAYLOAD = 7_800;

/**
 * In-app notifications and each user's choice of kinds. Two announcements, both made when their
 * transaction commits: new notifications name their users on `xn_notification` (every instance
 * pushes them to the subscriptions it holds), and ended sessions (a token family revoked, a password
 * changed) name their users on `xn_session_ended` (every instance checks those users' live connections).
 */
export class Migration20261130233649_Notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" bigserial primary key, "user_id" uuid not null, "kind" varchar(40) not null, "title_zh" text not null, "title_en" text not null, "body_zh" text not null, "body_en" text not null, "link" varchar(300) null, "read_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "notification_unread_idx" on "notification" ("user_id") where "read_at" is null;`);
    this.addSql(`create index "notification_user_id_id_index" on "notification" ("user_id", "id");`);

    this.addSql(`create table "notification_preference" ("user_id" uuid not null, "kind" varchar(40) not null, "enabled" boolean not null, constraint "notification_preference_pkey" primary key ("user_id", "kind"));`);
    this.addSql(`create function "xn_announce_users"(channel text, users text) returns void language plpgsql as $$
begin
  if users is null then return; end if;
  perform pg_notify(channel, case when length(users) > ${MAX_PAYLOAD} then '*' else users end);
end
$$;`);
    this.addSql(`create function "xn_announce_notifications"() returns trigger language plpgsql as $$
begin
  perform "xn_announce_users"('xn_notification', (select string_agg(distinct user_id::text, ',') from added));
  return null;
end
$$;`);
    this.addSql(`create trigger "notification_added" after insert on "notification" referencing new table as added for each statement execute function "xn_announce_notifications"();`);
    this.addSql(`create function "xn_announce_revoked_sessions"() returns trigger language plpgsql as $$
begin
  perform "xn_announce_users"('xn_session_ended', (
    select string_agg(distinct n.user_id::text, ',') from changed_new n join changed_old o on o.id = n.id
     where n.revoked_at is not null and o.revoked_at is null));
  return null;
end
$$;`);
    this.addSql(`create trigger "refresh_token_revoked" after update on "refresh_token" referencing old table as changed_old new table as changed_new for each statement execute function "xn_announce_revoked_sessions"();`);
    this.addSql(`create function "xn_announce_reset_sessions"() returns trigger language plpgsql as $$
begin
  perform "xn_announce_users"('xn_session_ended', (
    select string_agg(distinct n.id::text, ',') from changed_new n join changed_old o on o.id = n.id
     where n.sessions_valid_after is distinct from o.sessions_valid_after));
  return null;
end
$$;`);
    this.addSql(`create trigger "app_user_sessions_reset" after update on "app_user" referencing old table as changed_old new table as changed_new for each statement execute function "xn_announce_reset_sessions"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "app_user_sessions_reset" on "app_user";`);
    this.addSql(`drop trigger if exists "refresh_token_revoked" on "refresh_token";`);
    this.addSql(`drop function if exists "xn_announce_reset_sessions"();`);
    this.addSql(`drop function if exists "xn_announce_revoked_sessions"();`);
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);
    this.addSql(`drop function if exists "xn_announce_notifications"();`);
    this.addSql(`drop function if exists "xn_announce_users"(text, text);`);
  }
}
