import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { sqlIn } from '../../common/sql';
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
    const ref = { listingId: change.listingId, organisationId: row.organisation_id, channel: row.channel_code };
    await this.outbox.record(em, {
      type: 'listing.stock-changed',
      aggregate: 'listing',
      aggregateId: change.listingId,
      payload: { ...ref, from: row.old_stock, to: row.stock, reason: change.reason, reference: change.reference ?? null },
    });
    if (row.status !== row.old_status) {
      await this.outbox.record(em, {
        type: 'listing.status-changed',
        aggregate: 'listing',
        aggregateId: change.listingId,
        payload: { ...ref, from: row.old_status, to: row.status },
      });
    }
  }
}
