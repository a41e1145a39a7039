import { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
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
});
