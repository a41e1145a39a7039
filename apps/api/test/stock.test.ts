import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockService } from '../src/modules/catalog/stock.service';
import { startTestApp, type TestApp } from './harness';
import { createListing, verifiedSeller, type Session } from './fixtures';

describe('stock that cannot be lost or doubled', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, orgId } = await verifiedSeller(t));
  });
  afterAll(() => t.close());

  /** One stock change in a transaction of its own, as a checkout would make it; the error code when refused. */
  function take(listingId: string, delta: number, reference: string): Promise<string> {
    const orm = t.app.get(MikroORM);
    return orm.em
      .fork()
      .transactional((em) => t.app.get(StockService).adjust(em as EntityManager, { listingId, delta, reason: 'order-reserved', reference }))
      .then(
        () => 'ok',
        (error: { code?: string }) => error.code ?? String(error),
      );
  }

  const ledger = async (listingId: string) =>
    (await t.sql<{ delta: number; stock_after: number; reason: string }>('select delta, stock_after, reason from stock_movement where listing_id = $1 order by id', [listingId])).map((r) => ({ ...r }));
  const stockOf = async (listingId: string) => (await t.sql<{ stock: number; status: string }>('select stock, status from listing where id = $1', [listingId]))[0]!;

  it('lets exactly 50 of 100 concurrent takes of one unit succeed on a stock of 50, and the ledger adds up', async () => {
    const listingId = await createListing(t, owner, orgId, { stock: 50 });
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => take(listingId, -1, `order-${i}`)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'catalog/stock-insufficient')).toHaveLength(50);
    expect(await stockOf(listingId)).toEqual({ stock: 0, status: 'SOLD_OUT' });
    const rows = await ledger(listingId);
    expect(rows.reduce((sum, r) => sum + r.delta, 0)).toBe(0);
    expect(rows).toHaveLength(51); // the opening row and fifty takes
    expect(rows[0]).toEqual({ delta: 50, stock_after: 50, reason: 'listing-created' });
    // each take left the stock one lower than the one before
    expect(rows.slice(1).map((r) => r.stock_after)).toEqual(Array.from({ length: 50 }, (_, i) => 49 - i));
  });

  it('sends sold out and back in stock as events, with the stock changes', async () => {
    const listingId = await createListing(t, owner, orgId, { stock: 2 });
    expect(await take(listingId, -2, 'order-a')).toBe('ok');
    expect(await take(listingId, 5, 'order-a')).toBe('ok');
    const events = await t.sql<{ type: string; payload: Record<string, unknown> }>(`select type, payload from outbox where aggregate_id = $1 order by id`, [listingId]);
    expect(events.map((e) => [e.type, e.payload.from, e.payload.to])).toEqual([
      ['listing.created', undefined, undefined],
      ['listing.stock-changed', 2, 0],
      ['listing.status-changed', 'ACTIVE', 'SOLD_OUT'],
      ['listing.stock-changed', 0, 5],
      ['listing.status-changed', 'SOLD_OUT', 'ACTIVE'],
    ]);
    // the payloads handlers read, whole
    expect(events[1]!.payload).toEqual({ listingId, organisationId: orgId, channel: 'tea', from: 2, to: 0, reason: 'order-reserved', reference: 'order-a' });
    expect(events[2]!.payload).toEqual({ listingId, organisationId: orgId, channel: 'tea', from: 'ACTIVE', to: 'SOLD_OUT' });
  });

  it('keeps a take that lands between a seller opening the editor and saving a title', async () => {
    const listingId = await createListing(t, owner, orgId, { stock: 30 });
    const UPDATE = `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { title stock } }`;
    // each round a checkout takes one unit while the seller saves a new title: every take must stay taken
    for (let round = 0; round < 10; round++) {
      const [edited, taken] = await Promise.all([
        t.gql(UPDATE, { id: listingId, input: { title: `安化黑茶 第${round}次改名` } }, owner.token),
        take(listingId, -1, `order-r${round}`),
      ]);
      expect(edited.errors).toBeUndefined();
      expect(taken).toBe('ok');
    }
    expect((await stockOf(listingId)).stock).toBe(20);
    expect((await ledger(listingId)).reduce((sum, r) => sum + r.delta, 0)).toBe(20);
  });

  it('records a seller setting stock as the difference, and refuses nothing a take could not', async () => {
    const listingId = await createListing(t, owner, orgId, { stock: 10 });
    const UPDATE = `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { stock status } }`;
    expect((await t.gql(UPDATE, { id: listingId, input: { stock: 25 } }, owner.token)).data!.updateListing).toEqual({ stock: 25, status: 'ACTIVE' });
    expect((await t.gql(UPDATE, { id: listingId, input: { stock: 0 } }, owner.token)).data!.updateListing).toEqual({ stock: 0, status: 'SOLD_OUT' });
    expect((await ledger(listingId)).map((r) => [r.reason, r.delta])).toEqual([
      ['listing-created', 10],
      ['seller-set', 15],
      ['seller-set', -25],
    ]);
  });
});
