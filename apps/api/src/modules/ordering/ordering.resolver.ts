import { EntityManager } from '@mikro-orm/postgresql';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pricePerKgFen } from '@xiangnong/domain';
import { Ctx, RequestContext } from '../../common/request-context';
import { MemberRole } from '../identity/membership.entity';
import { Organisation } from '../identity/organisation.entity';
import { OrganisationService } from '../identity/organisation.service';
import { LogisticsService } from '../logistics/logistics.service';
import { ServiceStationView, toStationView } from '../logistics/logistics.models';
import { PaymentMethod } from '../payments/payments.entities';
import { PaymentsService } from '../payments/payments.service';
import { CheckoutService, type PricedCart } from './checkout.service';
import { OrderService } from './order.service';
import { type OrderRecord } from './order.record';
import {
  BankTransferView,
  CartInput,
  CheckoutInput,
  CheckoutQuote,
  OrderConnection,
  OrderEvent,
  OrderLineView,
  OrderReviewView,
  OrdersArgs,
  OrderView,
  OrganisationOrdersArgs,
  PaymentRecordView,
  PlaceCheckoutResult,
  SalesFigures,
  ShipmentView,
  ShipOrderInput,
} from './ordering.models';
import { SalesService } from './sales.service';

function quoteView(priced: PricedCart): CheckoutQuote {
  return {
    ...priced,
    groups: priced.groups.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l, pricePerKgFen: pricePerKgFen(l.unitPriceFen, l.unit) })) })),
  };
}

@Resolver(() => OrderView)
export class OrderResolver {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrderService,
    private readonly logistics: LogisticsService,
    private readonly payments: PaymentsService,
    private readonly organisations: OrganisationService,
    private readonly sales: SalesService,
    private readonly em: EntityManager,
  ) {}

  @Query(() => CheckoutQuote, { description: '结算前计价（含运费）/ What the cart costs now, freight included, per seller' })
  async checkoutQuote(@Ctx() ctx: RequestContext, @Args('input') input: CartInput): Promise<CheckoutQuote> {
    return quoteView(await this.checkout.quote(ctx, input));
  }

  @Mutation(() => PlaceCheckoutResult, { description: '下单：每个卖家一单，库存同时锁定 / Place the cart: one order per seller, stock taken at once' })
  async placeCheckout(@Ctx() ctx: RequestContext, @Args('input') input: CheckoutInput): Promise<PlaceCheckoutResult> {
    const { checkoutId, replayed, orders } = await this.checkout.place(ctx, input);
    return { checkoutId, replayed, orders: orders ?? (await this.orders.byCheckout(checkoutId)) };
  }

  @Query(() => OrderView)
  order(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrderRecord> {
    return this.orders.byId(ctx, id);
  }

  @Query(() => OrderConnection, { description: '我的订单（买家）/ The signed-in buyer’s orders, newest first' })
  myOrders(@Ctx() ctx: RequestContext, @Args() args: OrdersArgs) {
    return this.orders.buyerOrders(ctx, args);
  }

  @Query(() => OrderConnection, { description: '卖家订单 / Orders to a seller organisation, newest first' })
  sellerOrders(@Ctx() ctx: RequestContext, @Args() args: OrganisationOrdersArgs) {
    return this.orders.sellerOrders(ctx, args.organisationId, args);
  }

  @Query(() => OrderConnection, { description: '服务站或物流合作方的包裹 / Orders going to a station organisation’s stations, or carried by a logistics partner' })
  partnerOrders(@Ctx() ctx: RequestContext, @Args() args: OrganisationOrdersArgs) {
    return this.orders.partnerOrders(ctx, args.organisationId, args);
  }

  @Mutation(() => OrderView)
  cancelOrder(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string, @Args('reason') reason: string) {
    return this.orders.cancel(ctx, orderId, reason);
  }

  @Mutation(() => OrderView, { description: '卖家确认收到对公转账 / The seller confirms the bank transfer arrived' })
  confirmTransfer(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string, @Args('reference', { nullable: true }) reference?: string) {
    return this.orders.confirmTransfer(ctx, orderId, reference);
  }

  @Mutation(() => OrderView)
  shipOrder(@Ctx() ctx: RequestContext, @Args('input') input: ShipOrderInput) {
    return this.orders.ship(ctx, input.orderId, input);
  }

  @Mutation(() => OrderView, { description: '添加物流信息 / Add a tracking note (seller, carrier, station)' })
  addTrackingEvent(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('description') description: string,
    @Args('location', { nullable: true }) location?: string,
  ) {
    return this.orders.track(ctx, orderId, description, location);
  }

  @Mutation(() => OrderView, { description: '包裹到达服务站，生成取件码 / The parcel reached the station; the buyer gets a pickup code' })
  markArrivedAtStation(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string) {
    return this.orders.arriveAtStation(ctx, orderId);
  }

  @Mutation(() => OrderView, { description: '凭取件码交付 / Hand the parcel over against the pickup code' })
  handOverOrder(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string, @Args('pickupCode') pickupCode: string) {
    return this.orders.handOver(ctx, orderId, pickupCode);
  }

  @Mutation(() => OrderView, { description: '送货上门完成 / Delivered to the door (own delivery or logistics partner)' })
  markDelivered(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string) {
    return this.orders.deliver(ctx, orderId);
  }

  @Mutation(() => OrderView)
  confirmReceipt(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string) {
    return this.orders.confirmReceipt(ctx, orderId);
  }

  @Mutation(() => OrderView)
  requestRefund(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string, @Args('reason') reason: string) {
    return this.orders.requestRefund(ctx, orderId, reason);
  }

  @Mutation(() => OrderView)
  decideRefund(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('approve') approve: boolean,
    @Args('note', { nullable: true }) note?: string,
  ) {
    return this.orders.decideRefund(ctx, orderId, approve, note);
  }

  @Mutation(() => Boolean)
  reviewOrder(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('comment', { nullable: true }) comment?: string,
  ) {
    return this.orders.review(ctx, orderId, rating, comment);
  }

  @Query(() => SalesFigures, { description: '合作社销售统计（成员）/ A seller’s completed sales, for its members' })
  async sellerSales(@Ctx() ctx: RequestContext, @Args('organisationId', { type: () => ID }) organisationId: string): Promise<SalesFigures> {
    await this.organisations.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    return this.sales.ofSeller(organisationId);
  }

  @Query(() => SalesFigures, { description: '县域销售统计（公开）/ Completed sales of produce from a county' })
  countySales(@Args('countyCode') countyCode: string): Promise<SalesFigures> {
    return this.sales.ofCounty(countyCode);
  }

  // ── fields ──

  @ResolveField(() => Organisation)
  async seller(@Ctx() ctx: RequestContext, @Parent() order: OrderRecord): Promise<Organisation> {
    const org = await ctx
      .loader<string, Organisation>('order-seller', (ids) => this.em.fork().find(Organisation, { id: { $in: [...ids] } }), (o) => o.id)
      .load(order.sellerId);
    return org!;
  }

  @ResolveField(() => [OrderLineView])
  async lines(@Ctx() ctx: RequestContext, @Parent() order: OrderRecord): Promise<OrderLineView[]> {
    const found = await ctx
      .loader<string, { id: string; lines: OrderLineView[] }>(
        'order-lines',
        async (ids) => {
          const rows = await this.em.getConnection().execute<(OrderLineView & { order_id: string })[]>(
            `select order_id, listing_id as "listingId", title, unit, quantity, unit_price_fen as "unitPriceFen", amount_fen as "amountFen"
               from order_line where order_id in (?) order by title, listing_id`,
            [ids],
          );
          return ids.map((id) => ({ id, lines: rows.filter((r) => r.order_id === id) }));
        },
        (v) => v.id,
      )
      .load(order.id);
    return found?.lines ?? [];
  }

  @ResolveField(() => [OrderEvent], { description: '订单进度 / Every move, oldest first' })
  async timeline(@Parent() order: OrderRecord): Promise<OrderEvent[]> {
    const rows = await this.em.getConnection().execute<OrderEvent[]>(
      `select action, from_status as "fromStatus", to_status as "toStatus", actor_role as "actorRole", note, created_at as "at"
         from order_transition where order_id = ? order by id`,
      [order.id],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at) }));
  }

  @ResolveField(() => ShipmentView, { nullable: true })
  async shipment(@Parent() order: OrderRecord): Promise<ShipmentView | null> {
    const [shipment] = await this.logistics.shipmentsOf([order.id]);
    if (!shipment) return null;
    const events = await this.logistics.trackingOf([shipment.id]);
    return {
      carrier: shipment.carrier ?? null,
      trackingNumber: shipment.trackingNumber ?? null,
      ownDelivery: !shipment.carrier,
      logisticsOrganisationId: shipment.logisticsOrganisationId ?? null,
      events: events.map((e) => ({ occurredAt: e.occurredAt, description: e.description, location: e.location ?? null, source: e.source })),
    };
  }

  @ResolveField(() => ServiceStationView, { nullable: true })
  async station(@Parent() order: OrderRecord): Promise<ServiceStationView | null> {
    if (!order.stationId) return null;
    const [station] = await this.logistics.stationsByIds([order.stationId]);
    return station ? toStationView(station) : null;
  }

  @ResolveField(() => String, { nullable: true, description: '取件码，仅买家可见 / The pickup code, shown to the buyer only' })
  pickupCode(@Ctx() ctx: RequestContext, @Parent() order: OrderRecord): string | null {
    return ctx.user?.id === order.buyerId ? order.pickupCode : null;
  }

  @ResolveField(() => BankTransferView, { nullable: true, description: 'For bank-transfer orders: the seller’s account and the reference to write' })
  async bankTransfer(@Parent() order: OrderRecord): Promise<BankTransferView | null> {
    if (order.paymentMethod !== PaymentMethod.BANK_TRANSFER) return null;
    const account = await this.payments.bankAccount(order.sellerId);
    return account ? { accountName: account.accountName, bankName: account.bankName, accountNumber: account.accountNumber, reference: order.number } : null;
  }

  @ResolveField('payments', () => [PaymentRecordView], { description: 'Money that moved: the payment, a refund' })
  async paymentRecords(@Parent() order: OrderRecord): Promise<PaymentRecordView[]> {
    return (await this.payments.recordsOf([order.id])).map((r) => ({ kind: r.kind, method: r.method, amountFen: r.amountFen, reference: r.reference ?? null, createdAt: r.createdAt }));
  }

  @ResolveField(() => OrderReviewView, { nullable: true })
  async review(@Parent() order: OrderRecord): Promise<OrderReviewView | null> {
    const [row] = await this.em.getConnection().execute<OrderReviewView[]>('select rating, comment, created_at as "createdAt" from order_review where order_id = ?', [order.id]);
    return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
  }

  @ResolveField(() => [String], { description: 'What the signed-in user can do on this order now, e.g. cancel, ship, hand-over, confirm-receipt' })
  actions(@Ctx() ctx: RequestContext, @Parent() order: OrderRecord): Promise<string[]> {
    return this.orders.commandsFor(ctx, order);
  }
}
