import { Migration } from '@mikro-orm/migrations';

/** Price alerts fire once per crossing: each subscription keeps whether the price was beyond its rule; moves are measured over N days. */
export class Migration20261201060000_AlertCrossings extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "price_subscription" add column "days" int null, add column "beyond" boolean not null default false, add column "state_on" date null;`);
    this.addSql(`update "price_subscription" set "days" = 1 where "kind" = 'MOVE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "price_subscription" drop column "days", drop column "beyond", drop column "state_on";`);
  }

}
