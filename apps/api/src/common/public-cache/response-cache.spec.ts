import { parse, type OperationDefinitionNode } from 'graphql';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CachedAnswer, type Lease, type ListingScope, ResponseCache } from './response-cache';
import { answerType, bodyEncoding, isPublicOperation, listingScope } from './response-cache.plugin';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function listening(options: Partial<ConstructorParameters<typeof ResponseCache>[0]> = {}) {
  const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000, ...options });
  cache.resume();
  return cache;
}

const answer = (value: unknown): CachedAnswer => ({ data: { value } });
const pagesOf = (...channels: string[]): ListingScope => ({ channels: new Set(channels), listings: new Set() });
const detailOf = (...ids: string[]): ListingScope => ({ channels: new Set(), listings: new Set(ids) });

function leaseOf(cache: ResponseCache, key: string, scope: ListingScope = 'any'): Lease {
  const found = cache.lookup(key, scope);
  if (!found || !('lease' in found)) throw new Error(`expected a lease for ${key}, got ${JSON.stringify(found)}`);
  return found.lease;
}

describe('ResponseCache', () => {
  it('serves nothing until changes can be heard, and nothing once they cannot', () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    expect(cache.lookup('a')).toBeUndefined();
    cache.resume();
    leaseOf(cache, 'a').settle(answer(1));
    expect(cache.lookup('a')).toEqual({ answer: answer(1) });
    cache.suspend();
    expect(cache.lookup('a')).toBeUndefined();
    cache.resume();
    expect(cache.lookup('a')).toHaveProperty('lease'); // started clean
  });

  it('stays off without a budget', () => {
    const cache = listening({ maxBytes: 0 });
    expect(cache.enabled).toBe(false);
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('stores what the first request read and serves it to the next', () => {
    const cache = listening();
    leaseOf(cache, 'a').settle(answer('page'));
    expect(cache.lookup('a')).toEqual({ answer: answer('page') });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('keeps the HTTP body serialised once, as Apollo would send it', () => {
    const cache = listening();
    expect(cache.storedBody('a')).toBeUndefined();
    leaseOf(cache, 'a').settle(answer('茶'));
    expect(cache.storedBody('a')).toEqual({ body: '{"data":{"value":"茶"}}\n' });
    cache.invalidate();
    expect(cache.storedBody('a')).toBeUndefined();
  });

  it('compresses a stored body once per encoding, within the budget, and only when it is worth it', () => {
    const cache = listening({ maxBytes: 100_000 });
    const long = answer('安化黑茶 '.repeat(400));
    leaseOf(cache, 'a').settle(long);
    const plain = cache.storedBody('a')!.body as string;
    const bytesBefore = cache.stats().bytes;
    const br = cache.storedBody('a', 'br', 1024)!;
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body as Buffer).toString()).toBe(plain);
    expect(cache.stats().bytes).toBe(bytesBefore + (br.body as Buffer).length);
    expect(cache.storedBody('a', 'br', 1024)!.body).toBe(br.body); // the same copy, not made again
    const gzip = cache.storedBody('a', 'gzip', 1024)!;
    expect(gunzipSync(gzip.body as Buffer).toString()).toBe(plain);
    leaseOf(cache, 'small').settle(answer('茶'));
    expect(cache.storedBody('small', 'br', 1024)).toEqual({ body: '{"data":{"value":"茶"}}\n' });
  });

  it('never stores an answer read before a change that happened while it was being read', () => {
    const cache = listening();
    const lease = leaseOf(cache, 'a');
    cache.invalidate();
    lease.settle(answer('old'));
    expect(cache.lookup('a')).toHaveProperty('lease');
  });

  it('drops everything on a change', () => {
    const cache = listening();
    leaseOf(cache, 'a').settle(answer(1));
    leaseOf(cache, 'b').settle(answer(2));
    cache.invalidate();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(cache.lookup('a')).toHaveProperty('lease');
  });

  it('keeps the answers a listing change cannot affect', () => {
    const cache = listening();
    const tea = pagesOf('tea');
    leaseOf(cache, 'tea page', tea).settle(answer('tea'));
    leaseOf(cache, 'rice page', pagesOf('rice')).settle(answer('rice'));
    leaseOf(cache, 'a listing', 'any').settle(answer('detail'));
    leaseOf(cache, 'channels', 'none').settle(answer('reference'));
    cache.invalidateListings(['tea']);
    expect(cache.lookup('tea page', tea)).toHaveProperty('lease');
    expect(cache.lookup('a listing')).toHaveProperty('lease');
    expect(cache.lookup('rice page')).toHaveProperty('answer');
    expect(cache.lookup('channels')).toHaveProperty('answer');
    // any other change (an organisation, a channel, a county) affects them all
    cache.invalidate();
    expect(cache.lookup('rice page')).toHaveProperty('lease');
    expect(cache.lookup('channels')).toHaveProperty('lease');
  });

  it('keeps a listing’s detail when other listings change, and drops it when it changes', () => {
    const cache = listening();
    leaseOf(cache, 'detail 1', detailOf('l1')).settle(answer('one'));
    leaseOf(cache, 'detail 2', detailOf('l2')).settle(answer('two'));
    cache.invalidateListings(['tea'], ['l2', 'l3']);
    expect(cache.lookup('detail 1')).toHaveProperty('answer');
    expect(cache.lookup('detail 2')).toHaveProperty('lease');
    // too many listings changed to name them: every detail goes
    cache.invalidateListings(['rice']);
    expect(cache.lookup('detail 1')).toHaveProperty('lease');
  });

  it('does not store a page read while its channel changed, but stores one of another channel', () => {
    const cache = listening();
    const tea = leaseOf(cache, 'tea page', pagesOf('tea'));
    const rice = leaseOf(cache, 'rice page', pagesOf('rice'));
    const reference = leaseOf(cache, 'units', 'none');
    const detail = leaseOf(cache, 'a listing', 'any');
    cache.invalidateListings(['tea']);
    for (const lease of [tea, rice, reference, detail]) lease.settle(answer('read before the change'));
    expect(cache.lookup('tea page')).toHaveProperty('lease');
    expect(cache.lookup('a listing')).toHaveProperty('lease');
    expect(cache.lookup('rice page')).toHaveProperty('answer');
    expect(cache.lookup('units')).toHaveProperty('answer');
  });

  it('makes identical requests wait for the one reading, and share its answer', async () => {
    const cache = listening();
    const lease = leaseOf(cache, 'a');
    const second = cache.lookup('a');
    const third = cache.lookup('a');
    expect(second).toHaveProperty('pending');
    lease.settle(answer('shared'));
    await expect((second as { pending: Promise<CachedAnswer> }).pending).resolves.toEqual(answer('shared'));
    await expect((third as { pending: Promise<CachedAnswer> }).pending).resolves.toEqual(answer('shared'));
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 2 });
  });

  it('stores nothing when the reader failed, and lets the waiting requests read for themselves', async () => {
    const cache = listening();
    const lease = leaseOf(cache, 'a');
    const waiting = cache.lookup('a') as { pending: Promise<CachedAnswer | undefined> };
    lease.settle(undefined);
    await expect(waiting.pending).resolves.toBeUndefined();
    expect(cache.lookup('a')).toHaveProperty('lease');
  });

  it('does not let a request that never finishes hold back the others for ever', () => {
    const time = clock();
    const cache = listening({ now: time.now, readTimeoutMs: 5_000 });
    leaseOf(cache, 'a');
    expect(cache.lookup('a')).toHaveProperty('pending');
    time.advance(5_000);
    const takeover = leaseOf(cache, 'a');
    takeover.settle(answer('fresh'));
    expect(cache.lookup('a')).toEqual({ answer: answer('fresh') });
  });

  it('reads an answer again once it is older than the time limit', () => {
    const time = clock();
    const cache = listening({ now: time.now, ttlMs: 1_000 });
    leaseOf(cache, 'a').settle(answer(1));
    time.advance(999);
    expect(cache.lookup('a')).toHaveProperty('answer');
    time.advance(1);
    expect(cache.lookup('a')).toHaveProperty('lease');
    expect(cache.stats().entries).toBe(0);
  });

  it('keeps within its budget by dropping the least recently used answers', () => {
    const cache = listening({ maxBytes: 100 });
    const sized = (n: number) => answer('x'.repeat(n)); // key (1) + {"data":{"value":"…"}}\n (22 + n)
    for (const key of ['a', 'b', 'c', 'd']) leaseOf(cache, key).settle(sized(2)); // 25 bytes each
    expect(cache.stats()).toMatchObject({ entries: 4, bytes: 100 });
    expect(cache.lookup('a')).toHaveProperty('answer'); // a is now the most recently used
    leaseOf(cache, 'e').settle(sized(2));
    expect(cache.stats()).toMatchObject({ entries: 4, bytes: 100 });
    expect(cache.lookup('b')).toHaveProperty('lease');
    expect(cache.lookup('a')).toHaveProperty('answer');
  });

  it('does not store an answer bigger than a quarter of the budget', () => {
    const cache = listening({ maxBytes: 100 });
    leaseOf(cache, 'a').settle(answer('x'.repeat(40)));
    expect(cache.stats().entries).toBe(0);
  });
});

describe('listingScope', () => {
  const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
  const channelsOf = (scope: ReturnType<typeof listingScope>) =>
    typeof scope === 'string' ? scope : [...[...scope.channels].sort(), ...[...scope.listings].map((id) => `#${id}`)];

  it.each([
    ['query { listings(channel: "tea") { nodes { id } } }', {}, ['tea']],
    ['query($c: String!) { listings(channel: $c) { nodes { id } } }', { c: 'rice' }, ['rice']],
    ['query { a: listings(channel: "tea") { nodes { id } } b: listings(channel: "oil") { nodes { id } } }', {}, ['oil', 'tea']],
    ['query($id: ID!) { listing(id: $id) { id } }', { id: 'x' }, ['#x']],
    ['query { listing(id: "y") { id } listings(channel: "tea") { nodes { id } } }', {}, ['tea', '#y']],
    ['query($id: ID) { listing(id: $id) { id } }', {}, 'any'],
    ['query($c: String) { listings(channel: $c) { nodes { id } } }', {}, 'any'],
    ['query { channels { code } units { code } counties { code } }', {}, 'none'],
    ['query { organisation(id: "x") { name } }', {}, 'any'],
  ])('%s → %j', (source, variables, expected) => {
    expect(channelsOf(listingScope(operation(source), variables))).toEqual(expected);
  });
});

describe('isPublicOperation', () => {
  const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

  it.each([
    ['query { listings(channel: "tea") { nodes { id } } }', true],
    ['query Page($c: String!) { __typename channels { code } listings(channel: $c) { nodes { id } } }', true],
    ['{ listing(id: "x") { id } organisation(id: "y") { name } }', true],
    ['query { viewer { id } }', false],
    ['query { channels { code } viewer { id } }', false],
    ['query { organisationListings(organisationId: "x") { nodes { id } } }', false],
    ['query { ...Root }', false],
    ['query { channels @include(if: true) { code } }', false],
    ['mutation { logOut }', false],
  ])('%s → %s', (source, expected) => {
    expect(isPublicOperation(operation(source))).toBe(expected);
  });
});

describe('negotiation', () => {
  it.each([
    [undefined, 'application/json; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
    ['application/json', 'application/json; charset=utf-8'],
    ['text/html', null],
  ])('answers Accept %s with %s, as Apollo would', (accept, type) => {
    expect(answerType(accept)).toBe(type);
  });

  it.each([
    [undefined, undefined],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
  ])('compresses for Accept-Encoding %s with %s', (acceptEncoding, encoding) => {
    expect(bodyEncoding(acceptEncoding)).toBe(encoding);
  });
});
