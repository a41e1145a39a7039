import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar';

@ObjectType('Commodity', { description: '品种 / A commodity prices are quoted for' })
export class CommodityView {
  @Field(() => ID)
  id!: number;

  @Field()
  code!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field()
  channelCode!: string;

  @Field({ description: 'Usual quoting unit code, e.g. KG' })
  unit!: string;

  @Field(() => Int, { description: 'e.g. 50 for 元/50公斤' })
  unitQuantity!: number;

  @Field({ description: 'e.g. 元/50千克' })
  unitLabel!: string;

  @Field(() => [String])
  aliases!: string[];
}

@ObjectType('Market', { description: '市场 / A place prices are observed' })
export class MarketView {
  @Field(() => ID)
  id!: number;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'WHOLESALE, FARM_GATE or RETAIL' })
  kind!: string;

  @Field()
  countyCode!: string;
}

@ObjectType('PriceImportError')
export class PriceImportErrorView {
  @Field(() => Int)
  line!: number;

  @Field(() => [String], { description: 'Problem codes, e.g. commodity-unknown, date-future' })
  problems!: string[];

  @Field(() => [String])
  messagesZh!: string[];

  @Field(() => [String])
  messagesEn!: string[];
}

@ObjectType('PriceImport', { description: '价格导入 / One price file brought in' })
export class PriceImportView {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field({ description: 'QUEUED, CHECKING, WRITING, DONE, FAILED or DUPLICATE' })
  status!: string;

  @Field(() => String, { nullable: true })
  mappingName!: string | null;

  @Field(() => Int)
  rowsRead!: number;

  @Field(() => Int)
  rowsChecked!: number;

  @Field(() => Int)
  rowsWritten!: number;

  @Field(() => Int)
  errorCount!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field({ description: 'The sample history of the embedded start (示例)' })
  isDemo!: boolean;
}

@ObjectType('ImportMapping', { description: '保存的列对应关系 / Headers mapped to fields, kept for files in the same layout' })
export class ImportMappingView {
  @Field()
  name!: string;

  @Field(() => GraphQLJSON, { description: 'header → field (commodity, specification, origin, market, county, low, average, high, price, unit, date)' })
  fields!: Record<string, string>;
}

export enum SeriesRange {
  DAYS_30 = 'DAYS_30',
  YEAR = 'YEAR',
  ALL = 'ALL',
}
registerEnumType(SeriesRange, { name: 'SeriesRange', description: '近 30 天 / 近一年 / 全部' });

export enum SeriesInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(SeriesInterval, { name: 'SeriesInterval', description: '日 / 周 / 月' });

@ArgsType()
export class PriceSeriesArgs {
  @Field({ description: 'Commodity code, e.g. live-hog' })
  commodity!: string;

  @Field(() => SeriesRange, { defaultValue: SeriesRange.YEAR })
  range!: SeriesRange;

  @Field(() => SeriesInterval, { defaultValue: SeriesInterval.DAY })
  interval!: SeriesInterval;

  @Field(() => [ID], { nullable: true, description: 'Only these markets' })
  marketIds?: string[];

  @Field({ nullable: true, description: 'Only this county (code)' })
  countyCode?: string;
}

@ObjectType('PricePoint', { description: 'One period of a series, per kilogram in fen (per unit for count units)' })
export class PricePointView {
  @Field({ description: 'First day of the period, YYYY-MM-DD' })
  period!: string;

  @Field(() => Int)
  lowFen!: number;

  @Field(() => Int)
  avgFen!: number;

  @Field(() => Int)
  highFen!: number;

  @Field(() => Int, { description: 'Observations in the period' })
  observations!: number;

  @Field({ description: 'Far from its recent history (robust z-score on the rolling median)' })
  anomaly!: boolean;
}

@ObjectType('PriceSeries')
export class PriceSeriesView {
  @Field(() => CommodityView)
  commodity!: CommodityView;

  @Field({ description: 'KG when prices are per kilogram, else the commodity’s unit' })
  perUnit!: string;

  @Field(() => [PricePointView])
  points!: PricePointView[];

  @Field(() => Float, { nullable: true, description: 'Month on month change of the latest average, in percent' })
  monthOnMonthPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Year on year change of the latest average, in percent' })
  yearOnYearPercent!: number | null;

  @Field({ description: 'Some of these quotes are sample data (示例), loaded for trying the product' })
  sampleData!: boolean;
}

@InputType()
export class SaveImportMappingInput {
  @Field()
  name!: string;

  @Field(() => GraphQLJSON)
  fields!: Record<string, string>;
}

@ObjectType('PriceMover', { description: '涨跌 / A commodity’s latest day against its day before' })
export class PriceMoverView {
  @Field(() => CommodityView)
  commodity!: CommodityView;

  @Field()
  day!: string;

  @Field(() => Int, { description: 'Average of the day, per kg (per unit for count units)' })
  avgFen!: number;

  @Field(() => Int)
  previousFen!: number;

  @Field(() => Float)
  changePercent!: number;
}

@ObjectType('IndexPoint')
export class IndexPointView {
  @Field()
  period!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType('ChannelPriceIndex', { description: '频道价格指数（基期 = 100）/ A channel’s price index, base period = 100' })
export class ChannelPriceIndexView {
  @Field()
  channel!: string;

  @Field(() => String, { nullable: true, description: 'The base month, YYYY-MM-01' })
  base!: string | null;

  @Field(() => [IndexPointView])
  points!: IndexPointView[];
}

@ObjectType('ListingMarketPrice', { description: '与市场均价比较 / A listing’s price per kg against the latest market average for its commodity' })
export class ListingMarketPriceView {
  @Field(() => CommodityView)
  commodity!: CommodityView;

  @Field(() => Int, { description: 'The listing’s first-tier price per kg, in fen' })
  listingPerKgFen!: number;

  @Field(() => Int, { description: 'Average per kg of the latest week with quotes, in fen' })
  marketAvgPerKgFen!: number;

  @Field({ description: 'PREFECTURE (the listing’s origin prefecture) or PROVINCE (no quotes there)' })
  scope!: string;

  @Field({ description: 'The latest day with quotes, YYYY-MM-DD' })
  day!: string;

  @Field(() => Float, { description: 'How far the listing is above (+) or below (−) the average, in percent' })
  differencePercent!: number;
}

export enum PriceAlertKind {
  ABOVE = 'ABOVE',
  BELOW = 'BELOW',
  MOVE = 'MOVE',
  DIGEST = 'DIGEST',
}
registerEnumType(PriceAlertKind, { name: 'PriceAlertKind', description: '高于 / 低于 / N 日涨跌幅 / 每日摘要' });

@InputType()
export class SubscribePriceInput {
  @Field({ description: 'Commodity code, e.g. live-hog' })
  commodity!: string;

  @Field(() => PriceAlertKind)
  kind!: PriceAlertKind;

  @Field(() => Int, { nullable: true, description: 'ABOVE / BELOW: the average per kg, in fen' })
  thresholdFen?: number;

  @Field(() => Float, { nullable: true, description: 'MOVE: the change in percent, e.g. 5' })
  percent?: number;

  @Field(() => Int, { nullable: true, description: 'MOVE: over how many days, 1 to 365 (1 when left out: against the previous day with quotes)' })
  days?: number;

  @Field(() => ID, { nullable: true, description: 'Only this market; everywhere (the province) when neither it nor a county is given' })
  marketId?: string;

  @Field({ nullable: true, description: 'Only this county: the average of every quote given in it (not with marketId)' })
  countyCode?: string;
}

@ObjectType('PriceSubscription', { description: '价格提醒 / A price alert a user follows' })
export class PriceSubscriptionView {
  @Field(() => ID)
  id!: string;

  @Field(() => CommodityView)
  commodity!: CommodityView;

  @Field(() => PriceAlertKind)
  kind!: PriceAlertKind;

  @Field(() => Int, { nullable: true })
  thresholdFen!: number | null;

  @Field(() => Float, { nullable: true })
  percent!: number | null;

  @Field(() => Int, { nullable: true })
  days!: number | null;

  @Field(() => ID, { nullable: true })
  marketId!: string | null;

  @Field(() => String, { nullable: true })
  countyCode!: string | null;

  @Field({ description: '最近一次报价是否已越过提醒条件；越过时提醒一次，回落后再越过才再提醒 / Whether the latest quotes were beyond the rule: an alert goes out on each crossing' })
  beyond!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType()
export class ReportedQuoteInput {
  @Field({ description: 'Commodity code; prices are in its usual unit (see Commodity.unitLabel)' })
  commodity!: string;

  @Field(() => Int, { nullable: true })
  lowFen?: number;

  @Field(() => Int)
  avgFen!: number;

  @Field(() => Int, { nullable: true })
  highFen?: number;

  @Field({ nullable: true })
  specification?: string;
}

@InputType()
export class ReportPricesInput {
  @Field(() => ID)
  marketId!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD within the last 7 days; today (China) when left out' })
  date?: string;

  @Field(() => [ReportedQuoteInput])
  quotes!: ReportedQuoteInput[];
}

@ObjectType('SupplyDemandWeek', { description: '每周供需（千克）/ Supply and demand of a week, in kg' })
export class SupplyDemandWeekView {
  @Field({ description: 'Monday of the week, YYYY-MM-DD' })
  week!: string;

  @Field(() => Float, { description: 'Stock of public listings at the end of the week' })
  supplyKg!: number;

  @Field(() => Float, { description: 'Quantity of purchase requests open during the week' })
  demandKg!: number;
}
