import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of domain events, the record of which handler took which event, and
 * the failed list. A statement that writes the outbox announces itself on `xn_outbox` when it
 * commits, so that relays on every instance wake at once instead of at their next poll.
 */
export class Migration20261130232525_Outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "handled_event" ("handler" varchar(60) not null, "event_id" bigint not null, "handled_at" timestamptz not null default now(), constraint "handled_event_pkey" primary key ("handler", "event_id"));`);

    this.addSql(`create table "job_failure" ("id" bigserial primary key, "handler" varchar(60) not null, "event_id" bigint null, "error" text not null, "attempts" int not null, "failed_at" timestamptz not null default now());`);
    this.addSql(`create index "job_failure_failed_at_index" on "job_failure" ("failed_at");`);

    this.addSql(`create table "outbox" ("id" bigserial primary key, "type" varchar(60) not null, "aggregate" varchar(40) not null, "aggregate_id" varchar(64) not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "dispatched_at" timestamptz null);`);
    this.addSql(`create index "outbox_undispatched_idx" on "outbox" ("id") where "dispatched_at" is null;`);
    this.addSql(`create function "xn_announce_outbox"() returns trigger language plpgsql as $$
begin
  perform pg_notify('xn_outbox', '');
  return null;
end
$$;`);
    this.addSql(`create trigger "outbox_written" after insert on "outbox" for each statement execute function "xn_announce_outbox"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_written" on "outbox";`);
    this.addSql(`drop function if exists "xn_announce_outbox"();`);
    this.addSql(`drop table if exists "handled_event" cascade;`);

    this.addSql(`drop table if exists "job_failure" cascade;`);

    this.addSql(`drop table if exists "outbox" cascade;`);
  }
}
