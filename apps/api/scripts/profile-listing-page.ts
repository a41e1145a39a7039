/**
 * Profiles the channel listing page query in-process (no sockets), after warm-up:
 *   node -r @swc-node/register scripts/profile-listing-page.ts [iterations]
 * Writes a .cpuprofile to the temp folder and prints the mean time per request.
 */
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareDatabase } from '../src/database/prepare';
import { createServer } from '../src/server';

const QUERY = process.env.PROFILE_QUERY ?? `query ChannelPage($channel: String!) { listings(channel: $channel, first: 20) { nodes { id title unit basePriceFen pricePerKgFen isPovertyProduct seller { id name verificationStatus } originCounty { code name } images { url } } pageInfo { hasNextPage endCursor } } }`;

async function main() {
  const iterations = Number(process.argv[2] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'xn-profile-'));
  chmodSync(dir, 0o755);
  const pg = new EmbeddedPostgres({ dataDir: join(dir, 'pg'), port: 56000 + Math.floor(Math.random() * 3000), serviceHome: loadConfig({}, { command: true }).serviceHome });
  await pg.start();
  const logger = pino({ level: 'warn' });
  try {
    await prepareDatabase(pg.url('postgres'), logger, { demo: true });
    // enough verified listings for full pages
    const client = new (await import('pg')).default.Client({ connectionString: pg.url('postgres') });
    await client.connect();
    await client.query(
      `insert into listing (id, organisation_id, channel_code, category_id, title, description, attributes, origin_county_code, unit, price_tiers,
                            base_price_fen, min_order_quantity, stock, certifications, status, is_demo, created_at, updated_at, published_at)
       select gen_random_uuid(), l.organisation_id, l.channel_code, l.category_id, l.title || ' ' || g, l.description, l.attributes, l.origin_county_code, l.unit,
              l.price_tiers, l.base_price_fen, l.min_order_quantity, l.stock, l.certifications, l.status, true, now(), now(), date_trunc('milliseconds', now() - g * interval '1 minute')
         from listing l cross join generate_series(1, 30) g`,
    );
    await client.end();
    const config = loadConfig({ dataDir: dir, webDistDir: undefined, authSecret: 'p'.repeat(40) });
    const app = await createServer({ config, databaseUrl: pg.url('postgres'), logger });
    await app.getHttpAdapter().getInstance().ready();
    const payload = JSON.stringify({ query: QUERY, variables: { channel: 'tea' } });
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
        if (res.statusCode !== 200 || res.body.includes('"errors"')) throw new Error(res.body);
      }
    };
    await run(300);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const t0 = performance.now();
    await run(iterations);
    const elapsed = performance.now() - t0;
    const { profile } = await session.post('Profiler.stop');
    const file = join(tmpdir(), `listing-page-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${iterations} requests, ${(elapsed / iterations).toFixed(3)} ms each; profile: ${file}`);
    await app.close();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
