import 'reflect-metadata';
import { normalizeMobile } from '@xiangnong/domain';
import pg from 'pg';
import { loadConfig } from '../config';

/**
 * `pnpm admin <phone>`: makes an existing account a platform admin (who verifies organisations and
 * adds channels). There is deliberately no API for this.
 */
async function main() {
  const url = loadConfig({}, { command: true }).databaseUrl;
  const phone = normalizeMobile(process.argv[2] ?? '');
  if (!url || !phone) {
    console.error('usage: DATABASE_URL=postgresql://… pnpm admin <mainland mobile number of an existing account>');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query('update app_user set is_platform_admin = true where phone = $1 returning id', [phone]);
    if (result.rowCount === 0) {
      console.error(`no account with phone ${phone}; sign up first`);
      process.exit(1);
    }
    console.log(`${phone} is now a platform admin`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
