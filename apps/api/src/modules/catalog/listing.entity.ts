import { Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from '@nestjs/graphql';
import type { PriceTier } from '@xiangnong/domain';
import { randomUUID } from 'node:crypto';
import { County } from '../geo/county.entity';
import { Organisation } from '../identity/organisation.entity';
import { Category } from './category.entity';
import { Channel } from './channel.entity';

export enum ListingStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  SOLD_OUT = 'SOLD_OUT',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ListingStatus, { name: 'ListingStatus', description: '草稿 / 在售 / 暂停 / 售罄 / 已归档' });

/** A supply listing (供应). Prices are integer fen per `unit`. Read through ListingReadModel; written through ListingService. */
@Entity({ tableName: 'listing' })
@Check({ name: 'listing_stock_non_negative', expression: 'stock >= 0' })
@Check({ name: 'listing_moq_positive', expression: 'min_order_quantity > 0' })
@Check({ name: 'listing_base_price_positive', expression: 'base_price_fen > 0' })
@Index({ properties: ['channel', 'status', 'publishedAt', 'id'] })
@Index({ properties: ['organisation', 'updatedAt'] })
@Index({
  name: 'listing_public_channel_recent_idx',
  expression: `create index "listing_public_channel_recent_idx" on "listing" ("channel_code", "published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT')`,
})
@Index({
  name: 'listing_public_recent_idx',
  expression: `create index "listing_public_recent_idx" on "listing" ("published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT')`,
})
@Index({
  name: 'listing_public_seller_recent_idx',
  expression: `create index "listing_public_seller_recent_idx" on "listing" ("organisation_id", "published_at" desc, "id" desc) where "status" in ('ACTIVE', 'SOLD_OUT')`,
})
export class Listing {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @ManyToOne(() => Channel, { fieldName: 'channel_code' })
  channel!: Channel;

  @ManyToOne(() => Category)
  @Index()
  category!: Category;

  @Property({ type: 'string', length: 240 })
  title!: string;

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  @Property({ type: 'jsonb' })
  attributes!: Record<string, string | number | boolean>;

  @ManyToOne(() => County, { fieldName: 'origin_county_code' })
  @Index()
  originCounty!: County;

  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Property({ type: 'jsonb' })
  priceTiers!: PriceTier[];

  /** price of the first tier, kept for sorting and filtering */
  @Property({ type: 'integer' })
  basePriceFen!: number;

  @Property({ type: 'integer' })
  minOrderQuantity!: number;

  @Property({ type: 'integer' })
  stock!: number;

  @Property({ type: 'text[]', default: '{}' })
  certifications: string[] & Opt = [];

  @Enum({ items: () => ListingStatus, nativeEnumName: 'listing_status' })
  status: ListingStatus & Opt = ListingStatus.DRAFT;

  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;
}
