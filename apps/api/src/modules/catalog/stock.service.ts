import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { pgArray, preparedIn, sqlIn } from '../../common/sql';
import type { EventType, NewEvent } from '../events/domain-events';
import { eventsFromJson, eventsJson, outboxInsert } from '../events/outbox.service';
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
 * The one way stock changes: one statement locks the listings in id order, moves each by its delta
 * only if it stays at zero or more, writes their ledger rows and records their events (and the
 * caller's), in the caller's transaction. Concurrent adjustments queue on the rows; none can take
 * stock another already took. An on-sale listing whose stock reaches zero shows as sold out, and
 * comes back when stock returns. A listing's `updated_at` stays the seller's last edit: stock moves
 * are in the ledger, and leaving every indexed column alone lets PostgreSQL update the row in place
 * (a heap-only update, no index touched) on a busy day of orders.
 */
@Injectable()
export class StockService {
  /** `em` must be inside a transaction. Throws `catalog/stock-insufficient` when the stock would go below zero, and changes nothing then. */
  async adjust(em: EntityManager, change: StockChange): Promise<StockResult> {
    const [row] = await this.move(em, [change], change.reason, change.actorId ?? null, []);
    if (!row) throw new DomainError('catalog/stock-insufficient', { listingId: change.listingId, delta: change.delta });
    return { from: row.old_stock, to: row.stock, status: row.status };
  }

  /**
   * Several changes at once, as a checkout takes the stock of all its lines. Throws
   * `catalog/stock-insufficient` (naming the listings) when any would go below zero, and changes
   * nothing then. `alsoRecord` are the caller's own events of the same change, recorded with these.
   */
  async adjustMany(
    em: EntityManager,
    changes: readonly Omit<StockChange, 'reason' | 'actorId'>[],
    reason: StockReason,
    actorId: string | null,
    { alsoRecord = [] }: { alsoRecord?: readonly NewEvent<EventType>[] } = {},
  ): Promise<void> {
    if (!changes.length) return;
    if (new Set(changes.map((c) => c.listingId)).size !== changes.length) throw new Error('adjustMany takes each listing once');
    const rows = await this.move(em, changes, reason, actorId, alsoRecord);
    if (rows.length !== changes.length) {
      const moved = new Set(rows.map((r) => r.id));
      throw new DomainError('catalog/stock-insufficient', { listingIds: changes.filter((c) => !moved.has(c.listingId)).map((c) => c.listingId) });
    }
  }

  /** The first ledger row of a new listing, so that its movements add up to its stock from the start. */
  async opened(em: EntityManager, listing: { id: string; stock: number }, actorId: string | null): Promise<void> {
    if (listing.stock === 0) return;
    await sqlIn(em)(
      'insert into stock_movement (listing_id, delta, stock_after, reason, reference, actor_id, created_at) values (?, ?, ?, ?, null, ?, now())',
      [listing.id, listing.stock, listing.stock, 'listing-created' satisfies StockReason, actorId],
    );
  }

  /**
   * The statement. Only when every change goes through are the ledger rows and events written
   * (`listing.stock-changed` for each, `listing.status-changed` where it went to or from sold out);
   * returns the rows that moved.
   */
  private async move(
    em: EntityManager,
    changes: readonly Omit<StockChange, 'reason' | 'actorId'>[],
    reason: StockReason,
    actorId: string | null,
    alsoRecord: readonly NewEvent<EventType>[],
  ): Promise<(AdjustedRow & { id: string })[]> {
    if (!em.isInTransaction()) throw new Error('stock changes inside a transaction');
    for (const c of changes) {
      if (!Number.isSafeInteger(c.delta) || c.delta === 0) throw new Error(`a stock change moves stock by a whole number other than 0, got ${c.delta}`);
    }
    const listing = `jsonb_build_object('listingId', id, 'organisationId', organisation_id, 'channel', channel_code`;
    return preparedIn(em)<AdjustedRow & { id: string }>(
      `with req as (select * from unnest(?::uuid[], ?::int[], ?::text[]) as r(listing_id, delta, reference)),
       old as (select l.id, l.stock, l.status, req.delta, req.reference from listing l join req on req.listing_id = l.id order by l.id for update of l),
       upd as (
         update listing l set
           stock = old.stock + old.delta,
           status = case when old.status = 'ACTIVE' and old.stock + old.delta = 0 then 'SOLD_OUT'::listing_status
                         when old.status = 'SOLD_OUT' and old.stock + old.delta > 0 then 'ACTIVE'::listing_status
                         else old.status end
         from old where l.id = old.id and old.stock + old.delta >= 0
         returning l.id, old.stock as old_stock, old.status as old_status, old.delta, old.reference, l.stock, l.status, l.organisation_id, l.channel_code),
       complete as (select (select count(*) from upd) = ? as ok),
       ledger as (
         insert into stock_movement (listing_id, delta, stock_after, reason, reference, actor_id, created_at)
         select id, delta, stock, ?, reference, ?, now() from upd where (select ok from complete)),
       numbered as (select *, row_number() over (order by id) * 2 as i from upd),
       events as (
         ${outboxInsert(
           `select type, aggregate, aggregate_id, payload, n from (${eventsFromJson('?')}) caller
            union all
            select 'listing.stock-changed', 'listing', id::text, ${listing}, 'from', old_stock, 'to', stock, 'reason', ?::text, 'reference', reference), 1000000 + i from numbered
            union all
            select 'listing.status-changed', 'listing', id::text, ${listing}, 'from', old_status, 'to', status), 1000001 + i from numbered where status <> old_status`,
           '(select ok from complete)',
         )})
       select * from upd order by id`,
      [
        pgArray(changes.map((c) => c.listingId)),
        pgArray(changes.map((c) => c.delta)),
        pgArray(changes.map((c) => c.reference ?? null)),
        changes.length,
        reason,
        actorId,
        eventsJson(alsoRecord),
        reason,
      ],
    );
  }
}
