import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HEADER } from '../src/common/public-cache/response-cache.plugin';
import { createListing, createOrganisation, makeAdmin, signUp, verify, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { settled } from './waiting';

const PAGE = `query Page($channel: String!) { listings(channel: $channel, first: 50) { nodes { id title stock status } } }`;

interface Answer {
  cache: string | undefined;
  status: number;
  data: any;
  errors?: { extensions: { code: string } }[];
}

describe('cached answers to anonymous catalogue queries', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;
  let listingId: string;

  async function ask(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json();
    const header = response.headers[CACHE_HEADER];
    return { cache: typeof header === 'string' ? header : undefined, status: response.statusCode, data: body.data, errors: body.errors };
  }

  const page = () => ask(PAGE, { channel: 'tea' });
  const titles = (answer: Answer): string[] => answer.data.listings.nodes.map((n: { title: string }) => n.title);

  /** Asks until `done` holds: change notices arrive from PostgreSQL, a moment after the commit. */
  async function askUntil(done: (answer: Answer) => boolean): Promise<Answer> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const answer = await page();
      if (done(answer) || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ publicCacheMb: 4 });
    owner = await signUp(t);
    const admin = await makeAdmin(t);
    orgId = await createOrganisation(t, owner);
    await verify(t, admin, orgId);
    listingId = await createListing(t, owner, orgId, { title: '安化黑茶 缓存测试' });
    // the listing's events are handled (search upkeep writes tables whose changes drop cached pages) before pages are read
    await settled(t);
  });
  afterAll(() => t.close());

  it('reads a page once and serves the same answer to the next visitors', async () => {
    const first = await askUntil((a) => titles(a).includes('安化黑茶 缓存测试') && a.cache === 'miss');
    expect(first.cache).toBe('miss');
    const second = await page();
    expect(second.cache).toBe('hit');
    expect(second.data).toEqual(first.data);
    const otherChannel = await ask(PAGE, { channel: 'rice' });
    expect(otherChannel.cache).toBe('miss');
  });

  it('sends a stored answer exactly as GraphQL would, and only to JSON requests', async () => {
    const send = (contentType: string) =>
      t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': contentType }, payload: JSON.stringify({ query: PAGE, variables: { channel: 'tea' } }) });
    await page();
    const stored = await send('application/json');
    expect(stored.headers[CACHE_HEADER]).toBe('hit');
    expect(stored.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(stored.headers['x-request-id']).toBeDefined();
    await t.sql(`update listing set stock = stock where id = $1`, [listingId]);
    const fresh = await askUntil((a) => a.cache === 'miss');
    expect(fresh.cache).toBe('miss');
    const again = await send('application/json');
    expect(again.headers[CACHE_HEADER]).toBe('hit');
    // the same answer Apollo sent when it read the page
    expect(JSON.parse(again.body)).toEqual({ data: fresh.data });
    // a request the fast path leaves to Apollo (here: it carries extensions) gets the stored answer there
    const viaApollo = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: PAGE, variables: { channel: 'tea' }, extensions: {} }),
    });
    expect(viaApollo.headers[CACHE_HEADER]).toBe('hit');
    expect(JSON.parse(viaApollo.body)).toEqual({ data: fresh.data });
    // a cross-site "simple" request is still refused, stored answer or not
    const simple = await send('text/plain');
    expect(simple.statusCode).toBe(400);
    expect(simple.headers[CACHE_HEADER]).toBeUndefined();
  });

  it('answers each Accept with the type Apollo negotiates for it, stored or not', async () => {
    const send = (accept: string) =>
      t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', accept }, payload: JSON.stringify({ query: PAGE, variables: { channel: 'tea' } }) });
    await t.sql(`update listing set stock = stock where id = $1`, [listingId]);
    await askUntil((a) => a.cache === 'miss');
    const GRAPHQL_JSON = 'application/graphql-response+json; charset=utf-8';
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const answers = [await send(accept), await send(accept)];
      const expected = accept === 'application/json' ? 'application/json; charset=utf-8' : GRAPHQL_JSON;
      expect(answers.map((a) => a.headers['content-type'])).toEqual([expected, expected]);
      expect(answers[1]!.headers[CACHE_HEADER]).toBe('hit');
      expect(JSON.parse(answers[1]!.body)).toEqual(JSON.parse(answers[0]!.body));
    }
  });

  it('sends a stored answer compressed to a browser that accepts it, the same bytes once unpacked', async () => {
    const send = (acceptEncoding?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
        payload: JSON.stringify({ query: PAGE, variables: { channel: 'tea' } }),
      });
    for (let i = 0; i < 30; i++) await createListing(t, owner, orgId, { title: `安化黑茶 压缩 ${i}` }); // an answer worth compressing
    await settled(t); // search upkeep of the new listings writes listing rows, which drops the page again
    await askUntil((a) => a.cache === 'miss' && a.data.listings.nodes.length > 30);
    const plain = await send();
    const br = await send('gzip, deflate, br');
    const gzip = await send('gzip');
    expect([plain, br, gzip].map((r) => r.headers[CACHE_HEADER])).toEqual(['hit', 'hit', 'hit']);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('shows a seller’s change to the next anonymous visitor', async () => {
    await page();
    expect((await page()).cache).toBe('hit');
    const { errors } = await t.gql(`mutation($id: ID!) { setListingStatus(id: $id, status: PAUSED) { status } }`, { id: listingId }, owner.token);
    expect(errors).toBeUndefined();
    const after = await askUntil((a) => !titles(a).includes('安化黑茶 缓存测试'));
    expect(titles(after)).not.toContain('安化黑茶 缓存测试');
    await t.gql(`mutation($id: ID!) { setListingStatus(id: $id, status: ACTIVE) { status } }`, { id: listingId }, owner.token);
    await askUntil((a) => titles(a).includes('安化黑茶 缓存测试'));
    await settled(t);
  });

  it('hears changes written outside this process, as another instance or psql would', async () => {
    await page();
    expect((await page()).cache).toBe('hit');
    await t.sql(`update listing set title = '安化黑茶 另一实例改名' where id = $1`, [listingId]);
    const after = await askUntil((a) => titles(a).includes('安化黑茶 另一实例改名'));
    expect(titles(after)).toContain('安化黑茶 另一实例改名');
    expect(after.cache).toBe('miss');
  });

  it('keeps other channels’ pages when listings of one channel change, but not when a seller does', async () => {
    const rice = () => ask(PAGE, { channel: 'rice' });
    const CHANNELS = `query { channels { code } }`;
    await rice();
    await ask(CHANNELS);
    expect((await rice()).cache).toBe('hit');
    expect((await ask(CHANNELS)).cache).toBe('hit');
    await page();
    expect((await page()).cache).toBe('hit');
    // a tea listing changes: the tea page is read again, the rice page and the channel list are not
    await t.sql(`update listing set stock = stock + 1 where id = $1`, [listingId]);
    await askUntil((a) => a.cache === 'miss');
    expect((await rice()).cache).toBe('hit');
    expect((await ask(CHANNELS)).cache).toBe('hit');
    // an image uploaded but not attached changes nothing anyone else sees
    const [image] = await t.sql<{ id: string }>(
      `insert into listing_image (id, organisation_id, storage_key, content_type, byte_size, created_at)
       values (gen_random_uuid(), $1, 'x/y.png', 'image/png', 10, now()) returning id`,
      [orgId],
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await page()).cache).toBe('hit');
    await t.sql(`delete from listing_image where id = $1`, [image!.id]);
    // the seller's organisation changes: it shows on every page, so everything is read again
    await t.sql(`update organisation set name = name where id = $1`, [orgId]);
    const deadline = Date.now() + 5_000;
    while ((await ask(CHANNELS)).cache !== 'miss' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await rice()).cache).toBe('miss');
  });

  it('keeps a listing’s detail when another listing changes, not when it does', async () => {
    const DETAIL = `query($id: ID!) { listing(id: $id) { id title stock } }`;
    const detail = () => ask(DETAIL, { id: listingId });
    await detail();
    expect((await detail()).cache).toBe('hit');
    // another tea listing appears: the tea page is read again, this detail is not
    await page();
    await createListing(t, owner, orgId, { title: '安化黑茶 另一件' });
    await askUntil((a) => titles(a).includes('安化黑茶 另一件'));
    expect((await detail()).cache).toBe('hit');
    // this listing changes: its detail is read again
    await t.sql(`update listing set stock = stock + 5 where id = $1`, [listingId]);
    const deadline = Date.now() + 5_000;
    let after = await detail();
    while (after.cache !== 'miss' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await detail();
    }
    expect(after.cache).toBe('miss');
  });

  it('answers identical requests arriving together with one read', async () => {
    await t.sql(`update listing set stock = stock where id = $1`, [listingId]); // a change: start cold
    await askUntil((a) => a.cache === 'miss');
    await t.sql(`update listing set stock = stock where id = $1`, [listingId]);
    // wait until the change is heard: the next answer is read afresh
    const cold = await askUntil((a) => a.cache === 'miss');
    await t.sql(`update listing set stock = stock where id = $1`, [listingId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answers = await Promise.all(Array.from({ length: 10 }, () => page()));
    expect(answers.filter((a) => a.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((a) => a.cache === 'shared').length).toBeGreaterThan(0);
    expect(answers.every((a) => a.cache === 'miss' || a.cache === 'shared' || a.cache === 'hit')).toBe(true);
    for (const answer of answers) expect(answer.data).toEqual(cold.data);
  });

  it('never caches for signed-in users, mutations, private fields or errors', async () => {
    const signedIn = await ask(PAGE, { channel: 'tea' }, owner.token);
    expect(signedIn.cache).toBeUndefined();
    expect(titles(signedIn)).toContain('安化黑茶 另一实例改名');

    const viewer = await ask(`query { viewer { id } }`);
    expect(viewer.cache).toBeUndefined();

    const mutation = await ask(`mutation { logOut }`);
    expect(mutation.cache).toBeUndefined();

    const privateCode = `query($id: ID!) { organisation(id: $id) { name uscc } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await ask(privateCode, { id: orgId });
      expect(answer.errors?.[0]?.extensions.code).toBe('auth/unauthenticated');
      expect(answer.cache).toBe('miss');
    }

    const missing = `query($id: ID!) { listing(id: $id) { id } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await ask(missing, { id: '00000000-0000-4000-8000-000000000000' });
      expect(answer.errors?.[0]?.extensions.code).toBe('catalog/listing-not-found');
      expect(answer.cache).toBe('miss');
    }
  });

  it('keeps variables apart', async () => {
    const DETAIL = `query($id: ID!) { listing(id: $id) { id title } }`;
    const otherId = await createListing(t, owner, orgId, { title: '安化黑茶 第二件' });
    const a = await ask(DETAIL, { id: listingId });
    const b = await ask(DETAIL, { id: otherId });
    expect(a.data.listing.id).toBe(listingId);
    expect(b.data.listing.id).toBe(otherId);
    expect((await ask(DETAIL, { id: otherId })).data.listing.title).toBe('安化黑茶 第二件');
    await settled(t);
  });

  it('stops serving from memory while changes cannot be heard, and starts clean when they can', async () => {
    await page();
    expect((await page()).cache).toBe('hit');
    const [listener] = await t.sql<{ pid: number }>(
      `select pid from pg_stat_activity where application_name = 'xiangnong-listen' and datname = current_database()`,
    );
    expect(listener).toBeDefined();
    await t.sql(`select pg_terminate_backend($1)`, [listener!.pid]);
    // while the listener is away, every answer is read from the database
    const during = await askUntil((a) => a.cache === undefined);
    expect(during.cache).toBeUndefined();
    await t.sql(`update listing set title = '安化黑茶 断线期间改名' where id = $1`, [listingId]);
    // back again (it retries within a few hundred milliseconds) with nothing old kept
    const back = await askUntil((a) => a.cache === 'hit');
    expect(back.cache).toBe('hit');
    expect(titles(back)).toContain('安化黑茶 断线期间改名');
  });
});
