import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination';
import { ListingView } from '../catalog/listing.view';

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
}
registerEnumType(SearchSort, { name: 'SearchSort', description: '综合 / 价格从低到高 / 价格从高到低 / 最新' });

@InputType({ description: '搜索筛选 / Search filters: values within one filter are alternatives, filters combine' })
export class SearchFilterInput {
  @Field({ nullable: true, description: 'Channel code, e.g. tea' })
  channel?: string;

  @Field(() => ID, { nullable: true, description: 'Category, including its sub-categories' })
  categoryId?: string;

  @Field({ nullable: true, description: 'Prefecture (市州) code' })
  prefectureCode?: string;

  @Field(() => [String], { nullable: true, description: 'Origin county codes (any of them)' })
  countyCodes?: string[];

  @Field({ nullable: true, description: 'Only 扶贫产品 (origin in one of the 51 poverty counties)' })
  povertyOnly?: boolean;

  @Field(() => [String], { nullable: true, description: 'Certification codes (any of them)' })
  certifications?: string[];

  @Field(() => Int, { nullable: true, description: 'Lowest price per kg, in fen' })
  minPricePerKgFen?: number;

  @Field(() => Int, { nullable: true, description: 'Highest price per kg, in fen' })
  maxPricePerKgFen?: number;

  @Field({ nullable: true, description: 'Only listings with stock' })
  inStockOnly?: boolean;
}

@ArgsType()
export class SearchArgs {
  @Field({ nullable: true, description: 'What to look for: words, pinyin or initials; empty browses everything. Cut to 100 characters.' })
  q?: string;

  @Field(() => SearchFilterInput, { nullable: true })
  filters?: SearchFilterInput;

  @Field(() => SearchSort, { nullable: true, description: 'Relevance by default (newest for an empty query)' })
  sort?: SearchSort;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–50 (default 20)' })
  first?: number;

  @Field({ nullable: true, description: 'endCursor of the previous page' })
  after?: string;
}

@ObjectType({ description: 'A part of a text that matched the query or did not; the client draws the highlight' })
export class TextSegment {
  @Field()
  text!: string;

  @Field()
  match!: boolean;
}

@ObjectType('SearchHit')
export class SearchHit {
  @Field(() => ListingView)
  listing!: ListingView;

  @Field(() => [TextSegment], { description: 'The title, cut into matching and other parts' })
  titleSegments!: TextSegment[];
}

@ObjectType({ description: 'One value of a facet and how many results choosing it gives' })
export class FacetValue {
  @Field({ description: 'The value to filter by: a code or an id' })
  value!: string;

  @Field()
  labelZh!: string;

  @Field()
  labelEn!: string;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'Chosen in the current filters' })
  selected!: boolean;
}

@ObjectType({ description: 'A price-per-kg range and how many results fall in it' })
export class PriceRangeFacet {
  @Field(() => Int)
  minFen!: number;

  @Field(() => Int, { nullable: true, description: 'Exclusive; none for the open-ended last range' })
  maxFen!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts for each filter, each counted with all other filters applied' })
export class SearchFacets {
  @Field(() => [FacetValue])
  channels!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Categories of all levels; a parent counts its sub-categories' })
  categories!: FacetValue[];

  @Field(() => [FacetValue])
  prefectures!: FacetValue[];

  @Field(() => [FacetValue])
  counties!: FacetValue[];

  @Field(() => [FacetValue])
  certifications!: FacetValue[];

  @Field(() => [PriceRangeFacet])
  priceRanges!: PriceRangeFacet[];

  @Field(() => Int, { description: 'Results from poverty counties' })
  poverty!: number;

  @Field(() => Int, { description: 'Results in stock' })
  inStock!: number;
}

@ObjectType({ description: '搜索结果 / Search results' })
export class SearchResult {
  @Field(() => [SearchHit])
  nodes!: SearchHit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Results in all, up to the last reachable page' })
  totalCount!: number;

  @Field({ description: 'Nothing matched every word; these match some of them' })
  approximate!: boolean;

  @Field({ description: 'The query as searched (normalised and cut)' })
  query!: string;

  @Field(() => SearchFacets)
  facets!: SearchFacets;
}

@ObjectType({ description: 'A word to offer as the buyer types' })
export class SearchSuggestion {
  @Field()
  text!: string;

  @Field(() => Int, { description: 'Listings it finds' })
  count!: number;
}
