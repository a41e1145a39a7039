import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { ServiceStation } from './logistics.entities';

@ObjectType('ServiceStation', { description: '村级服务站 / Village service station' })
export class ServiceStationView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  name!: string;

  @Field()
  countyCode!: string;

  @Field()
  address!: string;

  @Field()
  isDemo!: boolean;
}

export function toStationView(s: ServiceStation): ServiceStationView {
  return { id: s.id, organisationId: s.organisationId, name: s.name, countyCode: s.countyCode, address: s.address, isDemo: s.isDemo };
}

@InputType()
export class CreateServiceStationInput {
  @Field(() => ID)
  organisationId!: string;

  @Field()
  name!: string;

  @Field()
  countyCode!: string;

  @Field()
  address!: string;
}

@ObjectType('FreightZone')
@InputType('FreightZoneInput')
export class FreightZoneModel {
  @Field(() => [String], { description: 'County (430923), prefecture (430900) or province (430000) codes' })
  regions!: string[];

  @Field(() => Int)
  firstKg!: number;

  @Field(() => Int)
  firstFen!: number;

  @Field(() => Int)
  additionalKg!: number;

  @Field(() => Int)
  additionalFen!: number;
}

@ObjectType('ShippingTemplate', { description: '运费模板 / How a seller charges for delivery' })
@InputType('ShippingTemplateInput')
export class ShippingTemplateModel {
  @Field(() => [FreightZoneModel])
  zones!: FreightZoneModel[];

  @Field(() => [String], { description: 'Counties or prefectures not served' })
  excluded!: string[];

  @Field(() => Int, { description: 'Cold-chain surcharge per started kg of fresh produce (fruit, pork), in fen' })
  coldChainFenPerKg!: number;

  @Field(() => Int, { nullable: true, description: 'Goods worth at least this travel free' })
  freeAboveFen!: number | null;

  @Field(() => Int, { description: 'Weight of one piece of a count unit (head, box, bottle), in grams' })
  pieceWeightGrams!: number;
}

@ObjectType()
export class ShippingTemplateResult {
  @Field(() => ShippingTemplateModel)
  rules!: ShippingTemplateModel;

  @Field({ description: 'True while the seller has set none: free delivery within Hunan' })
  isDefault!: boolean;
}

@ObjectType('LogisticsPartner', { description: '物流合作方 / A verified logistics partner' })
export class LogisticsPartnerView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  countyCode!: string;
}
