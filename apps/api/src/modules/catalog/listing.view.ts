import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar';
import { County } from '../geo/county.entity';
import { Organisation } from '../identity/organisation.entity';
import { ListingStatus } from './listing.entity';
import { UnitView } from './reference.view';

@ObjectType()
export class PriceTierView {
  @Field(() => Int)
  minQuantity!: number;

  @Field(() => Int)
  unitPriceFen!: number;

  @Field(() => Int, { nullable: true, description: 'Per kilogram, for mass units; rounded to the fen' })
  pricePerKgFen!: number | null;
}

@ObjectType()
export class ListingImageView {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;
}

/**
 * A listing as buyers and sellers read it. Built from one SQL row with its seller, images and
 * county already attached, so that a page of listings costs one query and no per-field work.
 */
@ObjectType('Listing', { description: '供应信息 / Supply listing' })
export class ListingView {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => GraphQLJSON)
  attributes!: Record<string, string | number | boolean>;

  @Field({ description: 'Unit code, e.g. KG, JIN, TONNE, HEAD, BOX' })
  unit!: string;

  @Field(() => UnitView)
  unitInfo!: UnitView;

  @Field(() => [PriceTierView])
  priceTiers!: PriceTierView[];

  @Field(() => Int, { description: 'Lowest-quantity tier price per unit, in fen' })
  basePriceFen!: number;

  @Field(() => Int, { nullable: true, description: 'First-tier price per kilogram in fen, for mass units' })
  pricePerKgFen!: number | null;

  @Field(() => Int)
  minOrderQuantity!: number;

  @Field(() => Int)
  stock!: number;

  @Field(() => [String])
  certifications!: string[];

  @Field(() => ListingStatus)
  status!: ListingStatus;

  @Field({ description: '示例数据 / Sample data' })
  isDemo!: boolean;

  @Field({ description: '扶贫产品: the origin county is one of the 51 poverty counties' })
  isPovertyProduct!: boolean;

  @Field(() => County)
  originCounty!: County;

  @Field(() => Organisation, { description: '卖家 / Seller' })
  seller!: Organisation;

  @Field(() => [ListingImageView])
  images!: ListingImageView[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  /** resolved on demand through DataLoaders */
  channelCode!: string;
  categoryId!: number;
}
