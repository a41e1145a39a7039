import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DATA_CHANNEL } from '../src/common/public-cache/public-data.listener';
import { MIGRATIONS } from '../src/database/migrations';
import { ormConfig } from '../src/database/orm.config';
import { createTestDatabase } from './harness';

describe('migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    const orm = await MikroORM.init(ormConfig({ url: await createTestDatabase(), poolMax: 1 }));
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close();
    }
  });

  it('upgrade a database from every earlier migration, and roll back and forward', async () => {
    const url = await createTestDatabase({ empty: true });
    const orm = await MikroORM.init(ormConfig({ url, poolMax: 1 }));
    const listener = new pg.Client({ connectionString: url });
    try {
      const migrator = orm.getMigrator();
      const names = MIGRATIONS.map((m) => m.name);
      const executed = async () => (await migrator.getExecutedMigrations()).map((m) => m.name);
      // one step at a time, as a database deployed at each earlier version would be upgraded
      for (const [i, name] of names.entries()) {
        await migrator.up({ to: name });
        expect(await executed()).toEqual(names.slice(0, i + 1));
      }
      // every migration after the foundation rolls back, and forward again
      await migrator.down({ to: names[1]! }); // `to` is the last one reverted
      expect(await executed()).toEqual([names[0]]);
      await migrator.up();
      expect(await executed()).toEqual(names);
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      expect(diff.trim()).toBe('');

      // and the upgraded database announces changes to public data
      await listener.connect();
      const heard: string[] = [];
      listener.on('notification', (message) => heard.push(String(message.payload)));
      await listener.query(`listen ${PUBLIC_DATA_CHANNEL}`);
      await orm.em.getConnection().execute(`insert into channel (code, name_zh, name_en, description_zh, description_en, attribute_schema, sort_order)
        values ('herb', '药材网', 'Herbs', '', '', '{}', 9)`);
      const deadline = Date.now() + 5_000;
      while (!heard.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toEqual(['channel']);
    } finally {
      await listener.end().catch(() => undefined);
      await orm.close();
    }
  });
});
