#!/usr/bin/env node
// The market information benchmark:
//
//   node bench/market.mjs [--years 5] [--commodities 100] [--markets 30] [--duration 15] [--connections 32]
//                         [--import-rows 1000000] [--subscriptions 10000] [--keep-data] [--profile]
//
// Starts the built API on a fresh embedded PostgreSQL (no demo data) and measures three things:
//   1. Series: fills `market.price_observation` with daily quotes for --years × --commodities ×
//      --markets (5 × 100 × 30 ≈ 5.5 million rows, by SQL in PostgreSQL), then asks for one
//      commodity's one-year daily series across all its markets (`priceSeries`, commodities in
//      turn), one at a time and at --connections at once, beside a bare node:http server.
//   2. Import: writes a CSV of --import-rows quotes and imports it with the `price-import` command,
//      timing it and sampling the command's memory.
//   3. Alerts: --subscriptions price subscriptions on the imported commodities, then a 10,000-row
//      import through the command; the time until every alert that must fire has been written.
// With --profile the API runs under `node --cpu-prof` and leaves its CPU profile in bench/.out.
// Builds nothing: build the API first (see bench/README.md). Everything runs on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_DIST, BENCH_DIR, finishRun, fmt, percentile, REPO, Run, runBench, say, sleep } from './support.mjs';

const TARGETS = { seriesSingleP99Ms: 30, seriesRequestsPerSecond: 500, importSeconds: 60, importMemoryMb: 500, alertSeconds: 10 };

const { values: args } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    commodities: { type: 'string', default: '100' },
    markets: { type: 'string', default: '30' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
    'import-rows': { type: 'string', default: '1000000' },
    subscriptions: { type: 'string', default: '10000' },
    'keep-data': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const [years, commodities, markets, duration, connections, importRows, subscriptions] = ['years', 'commodities', 'markets', 'duration', 'connections', 'import-rows', 'subscriptions'].map((k) => Number(args[/** @type {keyof typeof args} */ (k)]));
if (![years, commodities, markets, duration, connections, importRows, subscriptions].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('every option is a positive whole number');
  process.exit(1);
}
if (!existsSync(join(API_DIST, 'modules', 'market', 'price-import.cli.js'))) {
  console.error('The API is not built: node scripts/pnpm.mjs --filter @xiangnong/domain build && node scripts/pnpm.mjs --filter @xiangnong/api build');
  process.exit(1);
}
const run = new Run('market', { keepData: args['keep-data'] });
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** @param {string} url @param {string} body */
async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** Bench commodities and markets beside the reference ones, and daily quotes for all of them, month by month. @param {pg.Client} db */
async function fill(db) {
  await db.query(
    `insert into commodity (code, name_zh, name_en, channel_code, unit, unit_quantity, aliases, sort_order)
     select 'bench-' || n, '压测品种' || n, 'Bench ' || n, (array['rice','hog','fruit','oil','tea'])[1 + n % 5], (array['KG','JIN'])[1 + n % 2], 1, '{}', 100 + n
       from generate_series(1, $1) n on conflict (code) do nothing`,
    [commodities],
  );
  await db.query(
    `insert into market (code, name, kind, county_code)
     select 'bench-m-' || n, '压测市场' || n, 'WHOLESALE', (select code from county order by code offset (n % 100) limit 1)
       from generate_series(1, $1) n on conflict (code) do nothing`,
    [markets],
  );
  const first = new Date(Date.parse(`${today}T00:00:00Z`) - years * 365 * 86_400_000);
  const months = [];
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); d.toISOString().slice(0, 10) <= today; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 10));
  let rows = 0;
  for (const month of months) {
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const to = next.toISOString().slice(0, 10);
    await db.query(`create table if not exists market.price_observation_${month.slice(0, 4)}_${month.slice(5, 7)} partition of market.price_observation for values from ('${month}') to ('${to}')`);
    const result = await db.query(
      `insert into market.price_observation (commodity_id, market_id, county_code, observed_on, low_fen, avg_fen, high_fen, unit, unit_quantity,
                                             low_per_kg_fen, avg_per_kg_fen, high_per_kg_fen, specification, origin, source, quote_key)
       select c.id, m.id, m.county_code, d::date, p - 20, p, p + 20, c.unit, 1,
              (p - 20) * k, p * k, (p + 20) * k, '', '', 'IMPORT', left(md5(c.id || '|' || m.id || '|' || d::date), 20)
         from generate_series(greatest($1::date, $2::date), least($3::date - 1, $4::date), interval '1 day') d
         cross join (select id, unit from commodity where code like 'bench-%') c
         cross join (select id, county_code from market where code like 'bench-m-%') m
         cross join lateral (select case when c.unit = 'JIN' then 2 else 1 end as k,
                                    (1000 + (c.id * 37) % 2000 + (extract(doy from d)::int * 7 + m.id * 13) % 150)::int as p) x`,
      [month, first.toISOString().slice(0, 10), to, today],
    );
    rows += result.rowCount ?? 0;
  }
  // the daily figures the API keeps with every write, made here for the generated history at once
  await db.query(`insert into market.daily_price (commodity_id, observed_on, low_fen, avg_sum, high_fen, observations)
                  select commodity_id, observed_on, min(coalesce(low_per_kg_fen, low_fen)), sum(coalesce(avg_per_kg_fen, avg_fen)), max(coalesce(high_per_kg_fen, high_fen)), count(*)
                    from market.price_observation group by 1, 2
                  on conflict (commodity_id, observed_on) do update set low_fen = excluded.low_fen, avg_sum = excluded.avg_sum, high_fen = excluded.high_fen, observations = excluded.observations`);
  // as after any bulk load: statistics, and the visibility map (so autovacuum does not start in the middle of the measurements)
  await db.query('vacuum analyze market.price_observation');
  await db.query('vacuum analyze market.daily_price');
  return rows;
}

/** One query at a time. @param {string} graphql @param {string[]} bodies */
async function single(graphql, bodies, rounds = 200) {
  const times = [];
  // warm, as a running server is: every pooled connection has prepared and planned the statement
  for (let i = 0; i < 100; i++) await post(graphql, /** @type {string} */ (bodies[i % bodies.length]));
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const { status, text } = await post(graphql, /** @type {string} */ (bodies[i % bodies.length]));
    times.push(performance.now() - started);
    if (status !== 200 || text.includes('"errors"')) throw new Error(`a series failed: ${text.slice(0, 300)}`);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Runs the price-import command on a file; its wall time and the most memory it held. @param {string} databaseUrl @param {string} file */
function importFile(databaseUrl, file) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(API_DIST, 'modules', 'market', 'price-import.cli.js'), file], { cwd: REPO, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        /* the command has ended */
      }
    }, 200);
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`price-import exited with ${code}: ${out}`));
      else resolve({ seconds: (Date.now() - started) / 1000, peakMb: peakKb / 1024, output: out.trim() });
    });
  });
}

/** A CSV of quotes for the bench commodities at the bench markets, newest days first. @param {string} file @param {number} rows @param {number} daysBack */
async function writeCsv(file, rows, daysBack, priceOffset = 0) {
  const out = createWriteStream(file);
  out.write('品名,市场,最低价,平均价,最高价,单位,日期\n');
  let written = 0;
  for (let day = daysBack; written < rows && day >= 1; day--) {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) - day * 86_400_000).toISOString().slice(0, 10);
    for (let c = 1; c <= commodities && written < rows; c++) {
      for (let m = 1; m <= markets && written < rows; m++) {
        const avg = 10 + ((c * 7 + m * 3 + day) % 50) / 10 + priceOffset;
        const line = `压测品种${c},压测市场${m},${(avg - 0.2).toFixed(2)},${avg.toFixed(2)},${(avg + 0.2).toFixed(2)},元/公斤,${date}\n`;
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', () => resolve(undefined)));
        written++;
      }
    }
  }
  await new Promise((resolve) => out.end(() => resolve(undefined)));
  return written;
}

async function main() {
  const started = Date.now();
  say(`starting the API in ${run.dataDir}`);
  const api = await run.startApi({ SEED_DEMO_DATA: 'false', PUBLIC_CACHE_MB: '0' }, args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, '.out')}`] : []);
  const graphql = `${api.url}/graphql`;
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  /** @type {Record<string, any>} */
  const results = { years, commodities, markets, connections, duration };

  say(`filling ${years} years × ${commodities} commodities × ${markets} markets of daily quotes`);
  const filled = Date.now();
  results.observations = await fill(db);
  say(`${results.observations.toLocaleString('en-US')} observations in ${fmt((Date.now() - filled) / 1000)} s`);

  const codes = Array.from({ length: Math.min(commodities, 20) }, (_, i) => `bench-${i + 1}`);
  const bodies = codes.map((code) => JSON.stringify({ query: `query($c: String!) { priceSeries(commodity: $c, range: YEAR, interval: DAY) { points { period lowFen avgFen highFen observations anomaly } monthOnMonthPercent yearOnYearPercent } }`, variables: { c: code } }));
  results.seriesSingle = await single(graphql, bodies);
  say(`one-year daily series, one at a time: p50 ${fmt(results.seriesSingle.p50, 2)} ms, p99 ${fmt(results.seriesSingle.p99, 2)} ms`);
  const loaded = await run.load({ url: graphql, bodies, duration, connections, warmup: 3, verify: 'graphql', nodesPath: 'priceSeries.points', headers: { 'content-type': 'application/json' } });
  results.seriesLoad = loaded;
  say(`one-year daily series, ${connections} at once: ${fmt(loaded.requestsPerSecond, 0)} req/s, p99 ${loaded.latencyMs.p99} ms, bad ${loaded.verified.bad + loaded.non2xx}`);
  const sample = (await post(graphql, /** @type {string} */ (bodies[0]))).text;
  const bare = await run.bareServer(sample);
  const bareLoad = await run.load({ url: bare.url, bodies: ['{}'], duration, connections, warmup: 3, verify: 'none' });
  bare.stop();
  results.bare = { requestsPerSecond: bareLoad.requestsPerSecond, p99: bareLoad.latencyMs.p99 };

  say(`writing a CSV of ${importRows.toLocaleString('en-US')} quotes`);
  const bigFile = join(run.dataDir, 'quotes.csv');
  // the file quotes the last days, taken out of the generated history first so that every row is new
  const bigDays = Math.ceil(importRows / (commodities * markets));
  await db.query(`delete from market.price_observation where observed_on > $1::date - $2::int`, [today, bigDays + 1]);
  await db.query(`delete from market.daily_price where observed_on > $1::date - $2::int`, [today, bigDays + 1]);
  await writeCsv(bigFile, importRows, bigDays);
  const big = /** @type {{ seconds: number, peakMb: number, output: string }} */ (await importFile(api.databaseUrl, bigFile));
  results.import = big;
  say(`imported in ${fmt(big.seconds)} s, peak memory ${fmt(big.peakMb, 0)} MB: ${big.output.split('\n')[0]}`);

  say(`alerts: ${subscriptions.toLocaleString('en-US')} subscriptions, then a 10,000-row import that crosses every threshold`);
  const alertDays = Math.ceil(10_000 / (commodities * markets));
  await db.query(`delete from market.price_observation where observed_on > $1::date - $2::int`, [today, alertDays + 1]);
  await db.query(`delete from market.daily_price where observed_on > $1::date - $2::int`, [today, alertDays + 1]);
  const ids = (await db.query(`select id from commodity where code like 'bench-%' order by id`)).rows.map((r) => r.id);
  await db.query(
    `insert into price_subscription (id, user_id, commodity_id, kind, threshold_fen, created_at)
     select gen_random_uuid(), gen_random_uuid(), ($1::int[])[1 + n % array_length($1::int[], 1)], 'ABOVE', 1000, now() from generate_series(1, $2) n`,
    [ids, subscriptions],
  );
  const alertFile = join(run.dataDir, 'alerts.csv');
  const alertRows = await writeCsv(alertFile, 10_000, alertDays, 5);
  const before = Number((await db.query(`select count(*)::int as n from price_alert`)).rows[0].n);
  const alertStarted = Date.now();
  await importFile(api.databaseUrl, alertFile);
  const imported = Date.now();
  let sent = 0;
  for (;;) {
    sent = Number((await db.query(`select count(*)::int as n from price_alert`)).rows[0].n) - before;
    if (sent >= subscriptions || Date.now() - imported > 120_000) break;
    await sleep(100);
  }
  results.alerts = { rows: alertRows, sent, importSeconds: (imported - alertStarted) / 1000, seconds: (Date.now() - imported) / 1000 };
  say(`${sent} alerts written ${fmt(results.alerts.seconds, 2)} s after the import (the import itself ${fmt(results.alerts.importSeconds, 1)} s)`);
  await db.end();

  const misses = [];
  if (results.seriesSingle.p99 > TARGETS.seriesSingleP99Ms) misses.push(`series alone p99 ${fmt(results.seriesSingle.p99, 2)} ms (target ${TARGETS.seriesSingleP99Ms})`);
  if (loaded.requestsPerSecond < TARGETS.seriesRequestsPerSecond) misses.push(`series ${fmt(loaded.requestsPerSecond, 0)} req/s (target ${TARGETS.seriesRequestsPerSecond})`);
  if (big.seconds > TARGETS.importSeconds) misses.push(`import ${fmt(big.seconds)} s (target ${TARGETS.importSeconds})`);
  if (big.peakMb > TARGETS.importMemoryMb) misses.push(`import memory ${fmt(big.peakMb, 0)} MB (target ${TARGETS.importMemoryMb})`);
  if (sent < subscriptions) misses.push(`only ${sent} of ${subscriptions} alerts`);
  if (results.alerts.seconds > TARGETS.alertSeconds) misses.push(`alerts ${fmt(results.alerts.seconds, 2)} s (target ${TARGETS.alertSeconds})`);
  console.log(`\n  market, ${results.observations.toLocaleString('en-US')} observations (${years} y × ${commodities} commodities × ${markets} markets)`);
  console.log(`  series    alone p50 ${fmt(results.seriesSingle.p50, 2)} / p99 ${fmt(results.seriesSingle.p99, 2)} ms | ${connections} conns ${fmt(loaded.requestsPerSecond, 0)} req/s, p99 ${loaded.latencyMs.p99} ms, ${fmt((loaded.requestsPerSecond / results.bare.requestsPerSecond) * 100, 2)} % of bare (${fmt(results.bare.requestsPerSecond, 0)} req/s)`);
  console.log(`  import    ${importRows.toLocaleString('en-US')} rows in ${fmt(big.seconds)} s, peak ${fmt(big.peakMb, 0)} MB`);
  console.log(`  alerts    ${sent.toLocaleString('en-US')} of ${subscriptions.toLocaleString('en-US')} written ${fmt(results.alerts.seconds, 2)} s after a ${alertRows.toLocaleString('en-US')}-row import`);
  return finishRun('market', results, misses, started);
}

runBench(run, main);
