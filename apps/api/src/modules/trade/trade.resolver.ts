import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { PurchaseRequest, RequestQuote } from './trade.entities';
import {
  ListingSuggestionView,
  PostPurchaseRequestInput,
  PurchaseRequestConnection,
  PurchaseRequestsArgs,
  PurchaseRequestView,
  QuoteRequestInput,
  RequestQuoteView,
} from './trade.models';
import { TradeService } from './trade.service';
import { EntityManager } from '@mikro-orm/postgresql';

const view = (r: PurchaseRequest): PurchaseRequestView => ({ ...r, categoryId: r.categoryId == null ? null : String(r.categoryId), minPriceFen: r.minPriceFen ?? null, maxPriceFen: r.maxPriceFen ?? null });
const quoteView = (q: RequestQuote): RequestQuoteView => ({ ...q, listingId: q.listingId ?? null });

@Resolver(() => PurchaseRequestView)
export class TradeResolver {
  constructor(
    private readonly trade: TradeService,
    private readonly em: EntityManager,
  ) {}

  @Query(() => PurchaseRequestConnection, { description: '供求板：开放的求购 / Open purchase requests, newest first' })
  async purchaseRequests(@Args() args: PurchaseRequestsArgs) {
    const page = await this.trade.board(args);
    return { ...page, nodes: page.nodes.map(view) };
  }

  @Query(() => PurchaseRequestView)
  async purchaseRequest(@Args('id', { type: () => ID }) id: string): Promise<PurchaseRequestView> {
    return view(await this.trade.byId(id));
  }

  @Mutation(() => PurchaseRequestView, { description: '发布求购（采购方）/ Post a purchase request (buyer organisations)' })
  async postPurchaseRequest(@Ctx() ctx: RequestContext, @Args('input') input: PostPurchaseRequestInput): Promise<PurchaseRequestView> {
    return view(await this.trade.post(ctx, input));
  }

  @Mutation(() => PurchaseRequestView, { description: '关闭求购 / Withdraw a purchase request' })
  async closePurchaseRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PurchaseRequestView> {
    return view(await this.trade.close(ctx, id));
  }

  @Mutation(() => RequestQuoteView, { description: '报价（卖家）/ Quote on a purchase request (sellers); again while pending changes it' })
  async quotePurchaseRequest(@Ctx() ctx: RequestContext, @Args('input') input: QuoteRequestInput): Promise<RequestQuoteView> {
    return quoteView(await this.trade.quote(ctx, input));
  }

  @Mutation(() => RequestQuoteView, { description: '采纳报价（买家）/ Accept a quote (the request’s buyer)' })
  async acceptQuote(@Ctx() ctx: RequestContext, @Args('quoteId', { type: () => ID }) quoteId: string): Promise<RequestQuoteView> {
    return quoteView(await this.trade.accept(ctx, quoteId));
  }

  @ResolveField(() => [RequestQuoteView], { description: 'All quotes to the buyer, a seller’s own to that seller' })
  async quotes(@Ctx() ctx: RequestContext, @Parent() request: PurchaseRequestView): Promise<RequestQuoteView[]> {
    return (await this.trade.quotesFor(ctx, await this.trade.byId(request.id))).map(quoteView);
  }

  @ResolveField(() => [ListingSuggestionView], { description: '推荐的供应 / Listings that fit, best first' })
  async suggestions(@Parent() request: PurchaseRequestView): Promise<ListingSuggestionView[]> {
    return this.trade.suggestionsFor(this.em.fork(), await this.trade.byId(request.id));
  }
}
