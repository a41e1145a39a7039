import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { LogisticsService } from './logistics.service';
import { CreateServiceStationInput, LogisticsPartnerView, ServiceStationView, ShippingTemplateModel, ShippingTemplateResult, toStationView } from './logistics.models';

@Resolver()
export class LogisticsResolver {
  constructor(private readonly logistics: LogisticsService) {}

  @Query(() => [ServiceStationView], { description: '村级服务站（可按县或市筛选）/ Service stations, by county or prefecture code' })
  async serviceStations(
    @Args('countyCode', { nullable: true }) countyCode?: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
  ): Promise<ServiceStationView[]> {
    return (await this.logistics.stations({ countyCode, organisationId })).map(toStationView);
  }

  @Mutation(() => ServiceStationView, { description: '新增服务站（服务站组织的管理员）/ Add a station (managers of a service-station organisation)' })
  async createServiceStation(@Ctx() ctx: RequestContext, @Args('input') input: CreateServiceStationInput): Promise<ServiceStationView> {
    return toStationView(await this.logistics.createStation(ctx, input));
  }

  @Query(() => [LogisticsPartnerView], { description: '物流合作方 / Verified logistics partners a seller can hand parcels to' })
  logisticsPartners(): Promise<LogisticsPartnerView[]> {
    return this.logistics.partners();
  }

  @Query(() => ShippingTemplateResult)
  shippingTemplate(@Ctx() ctx: RequestContext, @Args('organisationId', { type: () => ID }) organisationId: string) {
    return this.logistics.template(ctx, organisationId);
  }

  @Mutation(() => ShippingTemplateModel, { description: '设置运费模板 / Set the seller’s shipping template' })
  setShippingTemplate(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('input') input: ShippingTemplateModel,
  ) {
    return this.logistics.setTemplate(ctx, organisationId, input);
  }
}
