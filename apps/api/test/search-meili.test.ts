import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_ENGINE, type SearchEngine } from '../src/modules/search/search-engine';
import { startTestApp } from './harness';
import { describeSearchContract } from './search.contract';

/**
 * The search contract on a Meilisearch server, when MEILI_HOST names one; none is started here.
 * Each run builds an index of its own and deletes it (and any rebuild index it left) at the end.
 */
const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY || undefined;
const index = `test_listings_${randomBytes(6).toString('hex')}`;

describe.skipIf(!host)('search on Meilisearch', () => {
  let engine: string | undefined;

  afterAll(async () => {
    const { Meilisearch } = await import('meilisearch');
    const client = new Meilisearch({ host: host!, apiKey });
    const { results } = await client.getRawIndexes({ limit: 1000 });
    for (const { uid } of results) {
      if (uid === index || uid.startsWith(`${index}_rebuild_`)) await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
    }
  });

  describeSearchContract('Meilisearch', async () => {
    const t = await startTestApp({ meili: { host: host!, apiKey, index } });
    engine = t.app.get<typeof SEARCH_ENGINE, SearchEngine>(SEARCH_ENGINE, { strict: false }).name;
    return t;
  });

  it('answered those searches from Meilisearch', () => {
    expect(engine).toBe('meilisearch');
  });
});
