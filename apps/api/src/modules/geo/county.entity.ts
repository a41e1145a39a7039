import { Entity, Index, type Opt, PrimaryKey, Property, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** A county-level division of Hunan (GB/T 2260), with the poverty-county facts of the province's plan. */
@ObjectType({ description: '县级行政区 / County-level division of Hunan' })
@Entity({ tableName: 'county' })
export class County {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'GB/T 2260 code' })
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 40 })
  name!: string;

  @Field()
  @Index()
  @Property({ type: 'string', length: 6 })
  prefectureCode!: string;

  @Field()
  @Property({ type: 'string', length: 40 })
  prefectureName!: string;

  @Field({ description: '市辖区 / 县级市 / 县 / 自治县' })
  @Property({ type: 'string', length: 10 })
  divisionType!: string;

  @Field(() => Boolean, { description: '是否为 51 个贫困县之一 / One of the 51 poverty counties' })
  @Property({ type: 'boolean', default: false })
  isPovertyCounty: boolean & Opt = false;

  @Field({ nullable: true, description: '国家扶贫开发工作重点县 / National key county' })
  @Property({ type: 'boolean', nullable: true })
  povertyNationalKey?: boolean;

  @Field({ nullable: true, description: '连片特困地区 (武陵山 / 罗霄山); empty means unknown' })
  @Property({ type: 'string', length: 20, nullable: true })
  povertyContiguousArea?: string;

  @Field(() => Int, { nullable: true, description: '摘帽年份 / Year it exited poverty' })
  @Property({ type: 'smallint', nullable: true })
  povertyExitYear?: number;
}
