#!/usr/bin/env node
// Changes listings at a steady rate while a load runs, as sellers updating their stock would,
// so that a cached API has to notice changes and read pages again.
//
//   node bench/writer.mjs '<json spec>'      spec: { url, perSecond, duration }
// Prints one JSON line when done: { writes, perSecond, failed }.
import pg from 'pg';

/** @type {{ url: string, perSecond: number, duration: number }} */
const spec = JSON.parse(process.argv[2] ?? '{}');
if (!(spec.perSecond > 0 && spec.perSecond <= 1000) || !(spec.duration > 0 && spec.duration <= 600)) {
  console.error('perSecond must be in 1–1000 and duration in 1–600 seconds');
  process.exit(1);
}

const db = new pg.Client({ connectionString: spec.url });
await db.connect();
// Listings shoppers can see, newest first: the ones on the pages being loaded.
const ids = (
  await db.query(`select l.id from listing l join organisation o on o.id = l.organisation_id
    where l.status = 'ACTIVE' and o.verification_status = 'VERIFIED' order by l.published_at desc limit 500`)
).rows.map((r) => r.id);
if (ids.length === 0) {
  console.error('no public listings to change');
  process.exit(1);
}

let writes = 0;
let failed = 0;
const started = Date.now();
const interval = 1000 / spec.perSecond;
for (let next = started; Date.now() - started < spec.duration * 1000; ) {
  const id = ids[writes % ids.length];
  try {
    // one unit sold and one restocked: the page changes (its answer must be read again) but stays valid
    await db.query(`update listing set stock = stock + case when stock > 0 then -1 else 1 end, updated_at = now() where id = $1`, [id]);
    writes++;
  } catch {
    failed++;
  }
  next += interval;
  const wait = next - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
const seconds = (Date.now() - started) / 1000;
await db.end();
console.log(JSON.stringify({ writes, failed, perSecond: writes / seconds }));
