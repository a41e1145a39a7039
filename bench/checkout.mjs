#!/usr/bin/env node
// The checkout benchmark:
//
//   node bench/checkout.mjs [--duration 15] [--buyers 32] [--warmup 3] [--workers 1] [--keep-data] [--profile]
//
// Starts the built API on a fresh embedded PostgreSQL (no demo data), creates 50 verified sellers,
// 1,000 listings with ample stock and 5 listings with little stock, and --buyers signed-up buyers.
// Then each buyer places checkouts one after another, as fast as the API answers (--buyers at once),
// each with its own idempotency key, cash on delivery to an address:
//   little contention: carts of 1–3 listings drawn from the 1,000;
//   heavy contention:  carts of 1–2 of the same 5 listings, whose stock runs out during the run.
// It reports checkouts per second (placed and refused for stock separately), p50/p99, and checks
// that nothing was oversold: every listing's stock is its starting stock less what its orders hold,
// never below zero, and its stock ledger adds up. Beside them, a bare node:http server answering
// with a captured checkout response, measured in the same run with autocannon.
// --profile writes a V8 CPU profile of the API process and prints where its time went.
// Builds nothing: build the API first (see bench/README.md). Everything runs on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { printSummary, summarise } from './profile-summary.mjs';
import { API_DIST, BENCH_DIR, finishRun, fmt, percentile, Run, runBench, say } from './support.mjs';

const TARGET_CHECKOUTS_PER_SECOND = 300;
const AMPLE_LISTINGS = 1000;
const SCARCE_LISTINGS = 5;
// enough that the same five listings are still selling well into the measured heavy run, and run out before its end
const SCARCE_STOCK = 2500;
const SELLERS = 50;
const PLACE = `mutation Place($input: CheckoutInput!) { placeCheckout(input: $input) { checkoutId orders { id number status totalFen } } }`;

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    buyers: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1' },
    'keep-data': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const profileDir = join(BENCH_DIR, '.out', `checkout-profile-${Date.now()}`);
const duration = Number(args.duration);
const buyers = Number(args.buyers);
const warmup = Number(args.warmup);
const workers = Number(args.workers);
if (![duration, buyers, workers].every((n) => Number.isInteger(n) && n > 0) || !(warmup >= 0)) {
  console.error('--duration, --buyers and --workers are positive whole numbers');
  process.exit(1);
}
if (!existsSync(join(API_DIST, 'main.js'))) {
  console.error('The API is not built: node scripts/pnpm.mjs --filter @xiangnong/domain build && node scripts/pnpm.mjs --filter @xiangnong/api build');
  process.exit(1);
}

const run = new Run('checkout', { keepData: args['keep-data'] });
const agent = new http.Agent({ keepAlive: true, maxSockets: buyers + 4 });

/** POSTs JSON on a kept-alive connection. @param {string} url @param {string} body @param {Record<string, string>} [headers] */
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.once('error', reject);
    request.end(body);
  });
}

/** Verified sellers and their listings, written straight into the database (the API is not what is measured here). @param {pg.Client} db */
async function seed(db) {
  const category = (await db.query(`select id from category where channel_code = 'tea' order by id limit 1`)).rows[0].id;
  const sellerIds = Array.from({ length: SELLERS }, () => randomUUID());
  for (const [i, id] of sellerIds.entries()) {
    await db.query(
      `insert into organisation (id, name, kind, uscc, county_code, verification_status, verified_at, is_demo, created_at)
       values ($1, $2, 'COOPERATIVE', $3, '430923', 'VERIFIED', now(), false, now())`,
      [id, `压测合作社 ${i + 1}`, `93430923MA${String(i).padStart(7, '0')}X`],
    );
  }
  /** @param {number} count @param {number} stock @param {string} label */
  const listings = async (count, stock, label) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.query(
      `insert into listing (id, organisation_id, channel_code, category_id, title, description, attributes, origin_county_code, unit, price_tiers,
                            base_price_fen, min_order_quantity, stock, certifications, status, is_demo, created_at, updated_at, published_at)
       select id, ($2::uuid[])[1 + (n % $3)], 'tea', $4, $5 || ' ' || n, '', '{"teaType":"dark"}', '430923', 'JIN',
              '[{"minQuantity":1,"unitPriceFen":9800},{"minQuantity":20,"unitPriceFen":8800}]', 9800, 1, $6, '{}', 'ACTIVE', false, now(), now(), now()
         from unnest($1::uuid[]) with ordinality as t(id, n)`,
      [ids, sellerIds, SELLERS, category, label, stock],
    );
    await db.query(`insert into stock_movement (listing_id, delta, stock_after, reason, created_at) select id, stock, stock, 'listing-created', now() from listing where id = any($1::uuid[])`, [ids]);
    return ids;
  };
  return { ample: await listings(AMPLE_LISTINGS, 1_000_000, '安化黑茶 压测'), scarce: await listings(SCARCE_LISTINGS, SCARCE_STOCK, '安化黑茶 限量') };
}

/** Transactions committed in the database so far. @param {pg.Client} db */
async function committed(db) {
  return Number((await db.query(`select sum(xact_commit)::bigint as n from pg_stat_database`)).rows[0].n);
}

/** Signs up the buyers and returns their access tokens. @param {string} graphql */
async function signUpBuyers(graphql) {
  const tokens = [];
  for (let i = 0; i < buyers; i++) {
    const phone = `137${String(10_000_000 + i).slice(-8)}`;
    const { text } = await post(graphql, JSON.stringify({ query: `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, variables: { input: { phone, password: 'bench-buyer-2026', displayName: `采购 ${i + 1}` } } }));
    const token = JSON.parse(text).data?.signUp?.accessToken;
    if (!token) throw new Error(`sign-up failed: ${text.slice(0, 200)}`);
    tokens.push(token);
  }
  return tokens;
}

/** A cart of `size` distinct listings drawn from `pool`, 1–3 of each. @param {string[]} pool @param {number} size */
function cart(pool, size) {
  const picked = new Set();
  while (picked.size < size) picked.add(pool[Math.floor(Math.random() * pool.length)]);
  return [...picked].map((listingId) => ({ listingId, quantity: 1 + Math.floor(Math.random() * 3) }));
}

/**
 * Every buyer places checkouts back to back for `seconds` (after `warm` unmeasured seconds).
 * @param {string} graphql @param {string[]} tokens @param {() => object[]} nextCart @param {number} seconds @param {number} warm
 */
async function drive(graphql, tokens, nextCart, seconds, warm) {
  const counts = { placed: 0, refused: 0, failed: 0 };
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const refusals = {};
  /** @type {string[]} */
  const failures = [];
  const measureFrom = Date.now() + warm * 1000;
  const end = measureFrom + seconds * 1000;
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < end) {
        const input = { idempotencyKey: randomUUID(), paymentMethod: 'CASH_ON_DELIVERY', delivery: { countyCode: '430102', address: '岳麓区压测路 1 号', recipientName: '压测', recipientPhone: '13900001111' }, lines: nextCart() };
        const started = performance.now();
        const { status, text } = await post(graphql, JSON.stringify({ query: PLACE, variables: { input } }), { authorization: `Bearer ${token}` });
        const ms = performance.now() - started;
        if (Date.now() < measureFrom) continue;
        latencies.push(ms);
        const body = JSON.parse(text);
        if (status === 200 && body.data?.placeCheckout) counts.placed++;
        else if (body.errors?.[0]?.extensions?.code === 'ordering/stock-insufficient') {
          counts.refused++;
          refusals[body.errors[0].extensions.code] = (refusals[body.errors[0].extensions.code] ?? 0) + 1;
        } else {
          counts.failed++;
          if (failures.length < 5) failures.push(text.slice(0, 300));
        }
      }
    }),
  );
  const total = counts.placed + counts.refused + counts.failed;
  return { ...counts, perSecond: total / seconds, placedPerSecond: counts.placed / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

/** Oversell and ledger checks for the listings. @param {pg.Client} db @param {string[]} ids @param {number} startingStock */
async function oversold(db, ids, startingStock) {
  const { rows } = await db.query(
    `select l.id, l.stock,
            coalesce((select sum(ol.quantity) from order_line ol join sales_order o on o.id = ol.order_id where ol.listing_id = l.id and o.status <> 'CANCELLED'), 0)::int as held,
            coalesce((select sum(delta) from stock_movement m where m.listing_id = l.id), 0)::int as ledger
       from listing l where l.id = any($1::uuid[])`,
    [ids],
  );
  return rows.filter((r) => r.stock < 0 || r.stock + r.held !== startingStock || r.ledger !== r.stock).map((r) => `${r.id}: stock ${r.stock}, held ${r.held}, ledger ${r.ledger}`);
}

async function main() {
  const started = Date.now();
  say(`starting the API (no demo data, ${workers} process${workers === 1 ? '' : 'es'}) in ${run.dataDir}`);
  const api = await run.startApi({ SEED_DEMO_DATA: 'false', API_WORKERS: String(workers), ...(process.env.BENCH_DB_POOL_MAX ? { DB_POOL_MAX: process.env.BENCH_DB_POOL_MAX } : {}), ...(process.env.BENCH_JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.BENCH_JOB_CONCURRENCY } : {}) }, args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const graphql = `${api.url}/graphql`;
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  say(`creating ${SELLERS} sellers, ${AMPLE_LISTINGS} listings with ample stock and ${SCARCE_LISTINGS} with ${SCARCE_STOCK} each`);
  const { ample, scarce } = await seed(db);
  const tokens = await signUpBuyers(graphql);
  await db.query('analyze');

  /** @type {Record<string, any>} */
  const results = { buyers, duration, workers };
  say(`little contention: ${buyers} buyers, carts of 1–3 of ${AMPLE_LISTINGS} listings, ${duration} s`);
  const committedBefore = await committed(db);
  results.little = await drive(graphql, tokens, () => cart(ample, 1 + Math.floor(Math.random() * 3)), duration, warmup);
  // what a checkout costs the database, background work (events, search upkeep, notices) included
  await new Promise((resolve) => setTimeout(resolve, 3000));
  results.little.transactionsPerCheckout = (await committed(db)) - committedBefore;
  const placedInAll = Number((await db.query(`select count(*)::int as n from checkout`)).rows[0].n);
  results.little.transactionsPerCheckout = Math.round((results.little.transactionsPerCheckout / placedInAll) * 10) / 10;
  say(`  ${fmt(results.little.placedPerSecond, 0)} checkouts/s placed, p50 ${fmt(results.little.p50, 1)} ms, p99 ${fmt(results.little.p99, 1)} ms, refused ${results.little.refused}, failed ${results.little.failed}`);
  say(`heavy contention: ${buyers} buyers, carts of 1–2 of the same ${SCARCE_LISTINGS} listings, ${duration} s`);
  results.heavy = await drive(graphql, tokens, () => cart(scarce, 1 + Math.floor(Math.random() * 2)), duration, warmup);
  say(`  ${fmt(results.heavy.perSecond, 0)} checkouts/s answered (${results.heavy.placed} placed, ${results.heavy.refused} refused for stock), p50 ${fmt(results.heavy.p50, 1)} ms, p99 ${fmt(results.heavy.p99, 1)} ms, failed ${results.heavy.failed}`);
  results.oversold = [...(await oversold(db, ample, 1_000_000)), ...(await oversold(db, scarce, SCARCE_STOCK))];
  const scarceLeft = (await db.query(`select coalesce(sum(stock), 0)::int as n from listing where id = any($1::uuid[])`, [scarce])).rows[0].n;
  await db.end();

  const sample = JSON.stringify({ data: { placeCheckout: { checkoutId: randomUUID(), orders: [{ id: randomUUID(), number: 'XN20261201000001', status: 'AWAITING_SHIPMENT', totalFen: 19600 }] } } });
  const bare = await run.bareServer(sample);
  const loaded = await run.load({ url: bare.url, bodies: ['{}'], duration, connections: buyers, warmup, verify: 'none' });
  bare.stop();
  results.bare = { requestsPerSecond: loaded.requestsPerSecond, latencyMs: loaded.latencyMs };

  const misses = [];
  if (results.little.placedPerSecond < TARGET_CHECKOUTS_PER_SECOND) misses.push(`${fmt(results.little.placedPerSecond, 0)} checkouts/s with little contention (target ${TARGET_CHECKOUTS_PER_SECOND})`);
  if (results.oversold.length) misses.push(`oversold or ledger off: ${results.oversold.slice(0, 5).join('; ')}`);
  for (const kind of ['little', 'heavy']) if (results[kind].failed) misses.push(`${kind}: ${results[kind].failed} failed checkouts, e.g. ${results[kind].failures[0]}`);
  console.log(`\n  checkout, ${buyers} buyers at once, ${workers} API process${workers === 1 ? '' : 'es'}, ${duration} s each`);
  console.log(`  little contention  ${fmt(results.little.placedPerSecond, 0)} placed/s, p50 ${fmt(results.little.p50, 1)} / p99 ${fmt(results.little.p99, 1)} ms, ${fmt((results.little.perSecond / results.bare.requestsPerSecond) * 100, 2)} % of bare; ${results.little.transactionsPerCheckout} database transactions per checkout (background work included)`);
  console.log(`  heavy contention   ${fmt(results.heavy.perSecond, 0)} answered/s (${results.heavy.placed} placed, ${results.heavy.refused} refused: out of stock), p50 ${fmt(results.heavy.p50, 1)} / p99 ${fmt(results.heavy.p99, 1)} ms; ${scarceLeft} of ${SCARCE_LISTINGS * SCARCE_STOCK} left`);
  console.log(`  bare node:http     ${fmt(results.bare.requestsPerSecond, 0)} req/s, p99 ${results.bare.latencyMs.p99} ms`);
  console.log(`  oversold           ${results.oversold.length ? results.oversold.length + ' listings' : 'none: every stock is its start less what orders hold, ledgers add up'}`);
  return finishRun('checkout', results, misses, started);
}

runBench(run, main, {
  cleanup: () => agent.destroy(),
  after: () => {
    if (args.profile && existsSync(profileDir)) {
      for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) printSummary(summarise(join(profileDir, file), 25));
    }
  },
});
