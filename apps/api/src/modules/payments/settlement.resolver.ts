import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import type { StatementEntry } from './settlement-rules';
import { SellerStatement, SettlementEntryView } from './settlement.models';
import { SettlementService, type SellerStatement as Statement } from './settlement.service';

@Resolver()
export class SettlementResolver {
  constructor(private readonly settlement: SettlementService) {}

  @Query(() => SellerStatement, { description: '卖家结算单（支付宝货款）/ A seller’s settlement statement for a period, for its members and platform admins' })
  sellerStatement(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('from', { description: 'YYYY-MM-DD, China time' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, China time, included' }) to: string,
  ): Promise<Statement> {
    return this.settlement.statement(ctx, organisationId, from, to);
  }

  @Mutation(() => SettlementEntryView, { description: '登记向卖家的结算付款（平台管理员）/ A platform admin records money paid out to a seller' })
  recordPayout(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('amountFen', { type: () => Int }) amountFen: number,
    @Args('reference') reference: string,
  ): Promise<StatementEntry> {
    return this.settlement.recordPayout(ctx, organisationId, amountFen, reference);
  }
}
