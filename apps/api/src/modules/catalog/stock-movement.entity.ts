import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { StockReason } from './catalog.events';

/**
 * One change of a listing's stock: the stock ledger. Written in the same statement's transaction as
 * the change (see StockService), so a listing's movements always add up to its stock.
 */
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['listingId', 'id'] })
export class StockMovement {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  listingId!: string;

  @Property({ type: 'integer' })
  delta!: number;

  @Property({ type: 'integer' })
  stockAfter!: number;

  @Property({ type: 'string', length: 30 })
  reason!: StockReason;

  /** what caused it, e.g. an order or reservation id */
  @Property({ type: 'string', length: 64, nullable: true })
  reference?: string;

  /** who caused it: a user, or none for the system (an expiring reservation) */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
