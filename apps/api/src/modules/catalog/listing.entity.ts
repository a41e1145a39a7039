import { Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PriceTier } from '@xiangnong/domain';
import { randomUUID } from 'node:crypto';
import { GraphQLJSON } from '../../common/json.scalar';
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

/** A supply listing (供应). Prices are integer fen per `unit`. */
@ObjectType({ description: '供应信息 / Supply listing' })
@Entity({ tableName: 'listing' })
@Check({ name: 'listing_stock_non_negative', expression: 'stock >= 0' })
@Check({ name: 'listing_moq_positive', expression: 'min_order_quantity > 0' })
@Check({ name: 'listing_base_price_positive', expression: 'base_price_fen > 0' })
@Index({ properties: ['channel', 'status', 'publishedAt', 'id'] })
@Index({ properties: ['organisation', 'updatedAt'] })
export class Listing {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @ManyToOne(() => Channel, { fieldName: 'channel_code' })
  channel!: Channel;

  @ManyToOne(() => Category)
  @Index()
  category!: Category;

  @Field()
  @Property({ type: 'string', length: 60 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  @Field(() => GraphQLJSON)
  @Property({ type: 'jsonb' })
  attributes!: Record<string, string | number | boolean>;

  @ManyToOne(() => County, { fieldName: 'origin_county_code' })
  @Index()
  originCounty!: County;

  @Field({ description: 'Unit code, e.g. KG, JIN, TONNE, HEAD, BOX' })
  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Property({ type: 'jsonb' })
  priceTiers!: PriceTier[];

  /** price of the first tier, kept for sorting and filtering */
  @Field(() => Int, { description: 'Lowest-quantity tier price per unit, in fen' })
  @Property({ type: 'integer' })
  basePriceFen!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  minOrderQuantity!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  stock!: number;

  @Field(() => [String])
  @Property({ type: 'text[]', default: '{}' })
  certifications: string[] & Opt = [];

  @Field(() => ListingStatus)
  @Enum({ items: () => ListingStatus, nativeEnumName: 'listing_status' })
  status: ListingStatus & Opt = ListingStatus.DRAFT;

  @Field(() => Boolean, { description: '示例数据 / Sample data' })
  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;
}
