import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { GraphQLJSON } from '../../common/json.scalar';
import { ListingStatus } from './listing.entity';
import { ListingView } from './listing.view';

export const ListingConnection = Connection(ListingView, 'Listing');
export type ListingConnection = InstanceType<typeof ListingConnection>;

@ArgsType()
export class ListingsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Channel code, e.g. tea; all channels when left out' })
  channel?: string;

  @Field(() => ID, { nullable: true, description: 'Only this seller (organisation)' })
  sellerId?: string;

  @Field(() => ID, { nullable: true, description: 'Category, including its sub-categories' })
  categoryId?: string;

  @Field({ nullable: true, description: 'Origin county code' })
  countyCode?: string;

  @Field({ nullable: true, description: 'Only 扶贫产品 (origin in a poverty county)' })
  povertyOnly?: boolean;

  @Field({ nullable: true, description: 'Words in the title', deprecationReason: 'Use search(q:, filters: { channel }), which also finds sellers, places, pinyin and synonyms' })
  q?: string;
}

@ArgsType()
export class OrganisationListingsArgs extends PageArgs {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ListingStatus, { nullable: true })
  status?: ListingStatus;
}

@InputType()
export class PriceTierInput {
  @Field(() => Int)
  minQuantity!: number;

  @Field(() => Int)
  unitPriceFen!: number;
}

@InputType()
export class CreateListingInput {
  @Field(() => ID)
  organisationId!: string;

  @Field()
  channelCode!: string;

  @Field(() => ID)
  categoryId!: string;

  @Field()
  title!: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => GraphQLJSON)
  attributes!: Record<string, unknown>;

  @Field()
  originCountyCode!: string;

  @Field()
  unit!: string;

  @Field(() => [PriceTierInput])
  priceTiers!: PriceTierInput[];

  @Field(() => Int)
  minOrderQuantity!: number;

  @Field(() => Int)
  stock!: number;

  @Field(() => [String], { nullable: true })
  certifications?: string[];

  @Field(() => [ID], { nullable: true, description: 'Uploaded image ids, in display order' })
  imageIds?: string[];

  @Field({ nullable: true, description: 'Put on sale at once (default: keep as draft)' })
  publish?: boolean;
}

@InputType()
export class UpdateListingInput {
  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => GraphQLJSON, { nullable: true })
  attributes?: Record<string, unknown>;

  @Field({ nullable: true })
  originCountyCode?: string;

  @Field({ nullable: true })
  unit?: string;

  @Field(() => [PriceTierInput], { nullable: true })
  priceTiers?: PriceTierInput[];

  @Field(() => Int, { nullable: true })
  minOrderQuantity?: number;

  @Field(() => Int, { nullable: true })
  stock?: number;

  @Field(() => [String], { nullable: true })
  certifications?: string[];

  @Field(() => [ID], { nullable: true })
  imageIds?: string[];
}

@InputType()
export class ChannelCategoryInput {
  @Field()
  slug!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field(() => [ChannelCategoryInput], { nullable: true, description: 'Sub-categories' })
  children?: ChannelCategoryInput[];
}

@InputType()
export class CreateChannelInput {
  @Field()
  code!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field({ nullable: true })
  descriptionZh?: string;

  @Field({ nullable: true })
  descriptionEn?: string;

  @Field(() => GraphQLJSON)
  attributeSchema!: unknown;

  @Field(() => Int, { nullable: true })
  sortOrder?: number;

  @Field(() => [ChannelCategoryInput])
  categories!: ChannelCategoryInput[];
}
