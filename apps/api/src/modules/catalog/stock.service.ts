import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { sqlIn } from '../../common/sql';
import type { EventType, NewEvent } from '../events/domain-events';
import { OutboxService } from '../events/outbox.service';
import type { StockReason } from './catalog.events';
import type { ListingStatus } from './listing.entity';

export interface StockChange {
  listingId: string;
  delta: number;
  reason: StockReason;
  reference?: string | null;
  actorId?: string | null;
}

export interface StockResult {
  from: number;
  to: number;
  status: ListingStatus;
}

interface AdjustedRow {
  old_stock: number;
  old_status: ListingStatus;
  stock: number;
  status: ListingStatus;
  organisation_id: string;
  channel_code: string;
}

/**
 * The one way stock changes. `adjust` is a single conditional update — the stock moves by `delta`
 * only if it stays at zero or more — together with its ledger row and its events, in the caller's
 * transaction. Concurrent adjustments queue on the row; none can take stock another already took.
 * An on-sale listing whose stock reaches zero shows as sold out, and comes back when stock returns.
 */
@Injectable()
export class StockService {
  constructor(private readonly outbox: OutboxService) {}

  /** `em` must be inside a transaction. Throws `catalog/stock-insufficient` when the stock would go below zero. */
  async adjust(em: EntityManager, change: StockChange): Promise<StockResult> {
    if (!Number.isSafeInteger(change.delta) || change.delta === 0) throw new Error(`a stock change moves stock by a whole number other than 0, got ${change.delta}`);
    const [row] = await sqlIn(em)<AdjustedRow>(
      `with old as (select id, stock, status from listing where id = ? for update)
       update listing l set
         stock = old.stock + ?,
         status = case when old.status = 'ACTIVE' and old.stock + ? = 0 then 'SOLD_OUT'::listing_status
                       when old.status = 'SOLD_OUT' and old.stock + ? > 0 then 'ACTIVE'::listing_status
                       else old.status end,
         updated_at = now()
       from old
       where l.id = old.id and old.stock + ? >= 0
       returning old.stock as old_stock, old.status as old_status, l.stock, l.status, l.organisation_id, l.channel_code`,
      [change.listingId, change.delta, change.delta, change.delta, change.delta],
    );
    if (!row) throw new DomainError('catalog/stock-insufficient', { listingId: change.listingId, delta: change.delta });
    await this.record(em, change, row);
    return { from: row.old_stock, to: row.stock, status: row.status };
  }

  /**
   * Several changes at once, as a checkout takes the stock of all its lines: one statement locks
   * the listings in id order, moves each by its delta if it stays at zero or more, and writes their
   * ledger rows; then their events. Throws `catalog/stock-insufficient` (naming the listings) when
   * any would go below zero; the caller's transaction must then roll back, as it does when the
   * error leaves it. `alsoRecord` are the caller's own events of the same change, recorded with these.
   */
  async adjustMany(
    em: EntityManager,
    changes: readonly Omit<StockChange, 'reason' | 'actorId'>[],
    reason: StockReason,
    actorId: string | null,
    { alsoRecord = [] }: { alsoRecord?: readonly NewEvent<EventType>[] } = {},
  ): Promise<void> {
    if (!changes.length) return;
    const ids = new Set(changes.map((c) => c.listingId));
    if (ids.size !== changes.length) throw new Error('adjustMany takes each listing once');
    for (const c of changes) {
      if (!Number.isSafeInteger(c.delta) || c.delta === 0) throw new Error(`a stock change moves stock by a whole number other than 0, got ${c.delta}`);
    }
    const rows = await sqlIn(em)<AdjustedRow & { id: string; reference: string | null }>(
      `with req as (select * from unnest(array[?]::uuid[], array[?]::int[], array[?]::text[]) as r(listing_id, delta, reference)),
       old as (select l.id, l.stock, l.status, req.delta, req.reference from listing l join req on req.listing_id = l.id order by l.id for update of l),
       upd as (
         update listing l set
           stock = old.stock + old.delta,
           status = case when old.status = 'ACTIVE' and old.stock + old.delta = 0 then 'SOLD_OUT'::listing_status
                         when old.status = 'SOLD_OUT' and old.stock + old.delta > 0 then 'ACTIVE'::listing_status
                         else old.status end,
           updated_at = now()
         from old where l.id = old.id and old.stock + old.delta >= 0
         returning l.id, old.stock as old_stock, old.status as old_status, old.delta, old.reference, l.stock, l.status, l.organisation_id, l.channel_code),
       ledger as (
         insert into stock_movement (listing_id, delta, stock_after, reason, reference, actor_id, created_at)
         select id, delta, stock, ?, reference, ?, now() from upd)
       select * from upd`,
      [changes.map((c) => c.listingId), changes.map((c) => c.delta), changes.map((c) => c.reference ?? null), reason, actorId],
    );
    if (rows.length !== changes.length) {
      const moved = new Set(rows.map((r) => r.id));
      throw new DomainError('catalog/stock-insufficient', { listingIds: changes.filter((c) => !moved.has(c.listingId)).map((c) => c.listingId) });
    }
    // the caller's events (a checkout's orders) go in with the stock's, in one insert
    await this.outbox.record(em, ...alsoRecord, ...rows.flatMap((row) => this.events({ listingId: row.id, reason, reference: row.reference }, row)));
  }

  /** The first ledger row of a new listing, so that its movements add up to its stock from the start. */
  async opened(em: EntityManager, listing: { id: string; stock: number }, actorId: string | null): Promise<void> {
    if (listing.stock === 0) return;
    await sqlIn(em)(
      'insert into stock_movement (listing_id, delta, stock_after, reason, reference, actor_id, created_at) values (?, ?, ?, ?, null, ?, now())',
      [listing.id, listing.stock, listing.stock, 'listing-created' satisfies StockReason, actorId],
    );
  }

  private async record(em: EntityManager, change: StockChange, row: AdjustedRow): Promise<void> {
    await sqlIn(em)(
      'insert into stock_movement (listing_id, delta, stock_after, reason, reference, actor_id, created_at) values (?, ?, ?, ?, ?, ?, now())',
      [change.listingId, change.delta, row.stock, change.reason, change.reference ?? null, change.actorId ?? null],
    );
    await this.outbox.record(em, ...this.events(change, row));
  }

  /** The events of one change: the stock moved, and the status when it went to or from sold out. */
  private events(change: Pick<StockChange, 'listingId' | 'reason' | 'reference'>, row: AdjustedRow): NewEvent<'listing.stock-changed' | 'listing.status-changed'>[] {
    const ref = { listingId: change.listingId, organisationId: row.organisation_id, channel: row.channel_code };
    const events: NewEvent<'listing.stock-changed' | 'listing.status-changed'>[] = [
      {
        type: 'listing.stock-changed',
        aggregate: 'listing',
        aggregateId: change.listingId,
        payload: { ...ref, from: row.old_stock, to: row.stock, reason: change.reason, reference: change.reference ?? null },
      },
    ];
    if (row.status !== row.old_status) {
      events.push({ type: 'listing.status-changed', aggregate: 'listing', aggregateId: change.listingId, payload: { ...ref, from: row.old_status, to: row.status } });
    }
    return events;
  }
}
