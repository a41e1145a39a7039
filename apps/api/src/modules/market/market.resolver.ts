import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { ListingService } from '../catalog/listing.service';
import { PriceImport, type PriceSubscription } from './market.entities';
import { MarketReportsService } from './market-reports.service';
import { PriceAlertsService } from './price-alerts.service';
import {
  ChannelPriceIndexView,
  CommodityView,
  ImportMappingView,
  ListingMarketPriceView,
  MarketView,
  PriceImportErrorView,
  PriceImportView,
  PriceMoverView,
  PriceSeriesArgs,
  PriceAlertKind,
  PriceSeriesView,
  PriceSubscriptionView,
  ReportPricesInput,
  SaveImportMappingInput,
  SubscribePriceInput,
  SupplyDemandWeekView,
} from './market.models';
import { commodityView, MarketService, marketView, seriesCsv } from './market.service';
import { PriceImportService } from './price-import.service';
import { ROW_PROBLEM_TEXT } from './quote-rows';

// resolves PriceSeries' fields too: its CSV is made only when a query selects it
@Resolver(() => PriceSeriesView)
export class MarketResolver {
  constructor(
    private readonly market: MarketService,
    private readonly listings: ListingService,
  ) {}

  @Query(() => [CommodityView], { description: '品种（可按频道）/ Commodities, of a channel when given' })
  async commodities(@Args('channel', { nullable: true }) channel?: string): Promise<CommodityView[]> {
    return (await this.market.commodities(channel)).map(commodityView);
  }

  @Query(() => [MarketView], { description: '市场 / Markets and collection points' })
  async markets(): Promise<MarketView[]> {
    return (await this.market.markets()).map(marketView);
  }

  @Query(() => PriceSeriesView, { description: '价格走势 / A commodity’s price series, per kg' })
  priceSeries(@Args() args: PriceSeriesArgs): Promise<PriceSeriesView> {
    return this.market.series(args);
  }

  @ResolveField(() => String, { description: 'The series as CSV (UTF-8 with byte-order mark)' })
  csv(@Parent() series: PriceSeriesView): string {
    return seriesCsv(series);
  }

  @Query(() => [PriceMoverView], { description: '今日涨跌 / Largest changes on the latest day' })
  async priceMovers(@Args('channel', { nullable: true }) channel?: string, @Args('first', { type: () => Int, defaultValue: 10 }) first = 10): Promise<PriceMoverView[]> {
    return (await this.market.movers(channel, first)).map((m) => ({ ...m, commodity: commodityView(m.commodity) }));
  }

  @Query(() => ListingMarketPriceView, {
    nullable: true,
    description: '商品价格与市场均价比较 / A listing against the market: null when no commodity prices its category, it is sold by count, or there are no quotes',
  })
  async listingMarketPrice(@Ctx() ctx: RequestContext, @Args('listingId', { type: () => ID }) listingId: string): Promise<ListingMarketPriceView | null> {
    const listing = await this.listings.byId(ctx, listingId);
    if (listing.pricePerKgFen === null) return null;
    const commodity = await this.market.commodityForCategory(listing.categoryId);
    if (!commodity) return null;
    const average = await this.market.latestAverage(commodity.id, listing.originCounty.code);
    if (!average) return null;
    return {
      commodity: commodityView(commodity),
      listingPerKgFen: listing.pricePerKgFen,
      marketAvgPerKgFen: average.avgFen,
      scope: average.scope,
      day: average.day,
      differencePercent: Math.round(((listing.pricePerKgFen - average.avgFen) / average.avgFen) * 1000) / 10,
    };
  }

  @Query(() => [SupplyDemandWeekView], { description: '供需走势 / Supply (listings’ stock) and demand (open 求购) of a commodity by week, in kg' })
  supplyDemand(@Args('commodity') commodity: string, @Args('weeks', { type: () => Int, defaultValue: 12 }) weeks: number): Promise<SupplyDemandWeekView[]> {
    return this.market.supplyDemand(commodity, weeks);
  }

  @Query(() => ChannelPriceIndexView, { description: '频道价格指数 / A channel’s monthly price index' })
  async channelPriceIndex(@Args('channel') channel: string): Promise<ChannelPriceIndexView> {
    return { channel, ...(await this.market.channelIndex(channel)) };
  }
}

@Resolver(() => PriceImportView)
export class PriceImportResolver {
  constructor(private readonly imports: PriceImportService) {}

  @Query(() => [PriceImportView], { description: '价格导入（管理员）/ Price imports, newest first (admins)' })
  priceImports(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<PriceImport[]> {
    return this.imports.imports(ctx, first);
  }

  @Query(() => PriceImportView)
  priceImport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PriceImport> {
    return this.imports.byId(ctx, id);
  }

  @Query(() => [ImportMappingView], { description: '保存的列对应关系（管理员）/ Saved column mappings (admins)' })
  importMappings(@Ctx() ctx: RequestContext): Promise<ImportMappingView[]> {
    return this.imports.mappings(ctx);
  }

  @Mutation(() => ImportMappingView, { description: '保存列对应关系 / Save headers → fields for files in one layout' })
  saveImportMapping(@Ctx() ctx: RequestContext, @Args('input') input: SaveImportMappingInput): Promise<ImportMappingView> {
    return this.imports.saveMapping(ctx, input.name, input.fields);
  }

  @ResolveField(() => [PriceImportErrorView], { description: 'Refused rows, by line' })
  async errors(@Parent() row: PriceImport, @Args('first', { type: () => Int, defaultValue: 100 }) first: number): Promise<PriceImportErrorView[]> {
    return (await this.imports.errors(row.id, Math.min(Math.max(first, 1), 1000))).map((e) => ({
      line: e.line,
      problems: e.problems,
      messagesZh: e.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[0] ?? p),
      messagesEn: e.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[1] ?? p),
    }));
  }

  @ResolveField(() => String, { description: 'Every refused row as CSV, to download' })
  errorsCsv(@Parent() row: PriceImport): Promise<string> {
    return this.imports.errorsCsv(row.id);
  }
}

@Resolver(() => PriceSubscriptionView)
export class PriceSubscriptionResolver {
  constructor(
    private readonly alerts: PriceAlertsService,
    private readonly market: MarketService,
  ) {}

  private async view(row: PriceSubscription): Promise<PriceSubscriptionView> {
    const commodity = (await this.market.commodities()).find((c) => c.id === row.commodityId)!;
    return {
      id: row.id,
      commodity: commodityView(commodity),
      kind: row.kind as PriceAlertKind,
      thresholdFen: row.thresholdFen ?? null,
      percent: row.percentBp === null || row.percentBp === undefined ? null : row.percentBp / 100,
      days: row.days ?? null,
      marketId: row.marketId === null || row.marketId === undefined ? null : String(row.marketId),
      countyCode: row.countyCode ?? null,
      beyond: row.beyond,
      createdAt: row.createdAt,
    };
  }

  @Query(() => [PriceSubscriptionView], { description: '我的价格提醒 / The signed-in user’s price alerts' })
  async myPriceSubscriptions(@Ctx() ctx: RequestContext): Promise<PriceSubscriptionView[]> {
    return Promise.all((await this.alerts.mine(ctx)).map((row) => this.view(row)));
  }

  @Mutation(() => PriceSubscriptionView, { description: '订阅价格提醒 / Follow a commodity: threshold, daily move or digest' })
  async subscribePrice(@Ctx() ctx: RequestContext, @Args('input') input: SubscribePriceInput): Promise<PriceSubscriptionView> {
    return this.view(await this.alerts.subscribe(ctx, { ...input, kind: input.kind as PriceSubscription['kind'] }));
  }

  @Mutation(() => Boolean, { description: '取消价格提醒 / Stop an alert; false when it was not yours or is gone' })
  unsubscribePrice(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.alerts.unsubscribe(ctx, id);
  }
}

@Resolver()
export class MarketReportsResolver {
  constructor(private readonly reports: MarketReportsService) {}

  @Query(() => [MarketView], { description: '我负责报价的市场 / Markets the signed-in user reports quotes for' })
  async myReportingMarkets(@Ctx() ctx: RequestContext): Promise<MarketView[]> {
    return (await this.reports.marketsOf(ctx)).map(marketView);
  }

  @Mutation(() => PriceImportView, { description: '报价员提交当日报价 / A market reporter enters the day’s quotes' })
  reportPrices(@Ctx() ctx: RequestContext, @Args('input') input: ReportPricesInput): Promise<PriceImport> {
    return this.reports.report(ctx, input.marketId, input.date, input.quotes);
  }

  @Mutation(() => Boolean, { description: '指定市场报价单位（管理员）/ Let an organisation’s members report a market’s quotes (admins)' })
  assignMarketReporter(
    @Ctx() ctx: RequestContext,
    @Args('marketId', { type: () => ID }) marketId: string,
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<boolean> {
    return this.reports.assign(ctx, marketId, organisationId);
  }
}
