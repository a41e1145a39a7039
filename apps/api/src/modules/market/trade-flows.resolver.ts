import { Args, Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { TradeFlowsService } from './trade-flows';

@ObjectType('TradeFlowMonth', { description: '月度进出口 / A month’s import or export figures of a commodity, from one source' })
export class TradeFlowMonthView {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field({ description: 'IMPORT (进口) or EXPORT (出口)' })
  direction!: string;

  @Field(() => Float, { nullable: true, description: 'Volume in kg' })
  volumeKg!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value in fen (renminbi)' })
  valueFen!: number | null;

  @Field()
  source!: string;

  @Field({ description: '示例数据 / Sample figures of the embedded start' })
  sample!: boolean;
}

@Resolver()
export class TradeFlowsResolver {
  constructor(private readonly flows: TradeFlowsService) {}

  @Query(() => [TradeFlowMonthView], { description: '进出口 / A commodity’s monthly import and export figures, oldest first, up to its latest month' })
  tradeFlows(@Args('commodity') commodity: string, @Args('months', { type: () => Int, defaultValue: 24 }) months: number): Promise<TradeFlowMonthView[]> {
    return this.flows.flows(commodity, months);
  }
}
