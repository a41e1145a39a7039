import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { County } from '../geo/county.entity';

export enum OrganisationKind {
  COOPERATIVE = 'COOPERATIVE',
  FAMILY_FARM = 'FAMILY_FARM',
  ENTERPRISE = 'ENTERPRISE',
  BUYER = 'BUYER',
  LOGISTICS = 'LOGISTICS',
  SERVICE_STATION = 'SERVICE_STATION',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: '农民专业合作社 / 家庭农场 / 企业 / 采购方 / 物流合作方 / 村级服务站',
});

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus', description: '待认证 / 已认证 / 未通过 / 已暂停' });

/** Kinds whose listings can be published. */
export const SELLER_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.COOPERATIVE,
  OrganisationKind.FAMILY_FARM,
  OrganisationKind.ENTERPRISE,
];

@ObjectType({ description: '组织 / Organisation' })
@Entity({ tableName: 'organisation' })
export class Organisation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'string', length: 240 })
  name!: string;

  @Field(() => OrganisationKind)
  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  /** 统一社会信用代码; private to members and admins */
  @Property({ type: 'string', length: 18, unique: true })
  uscc!: string;

  @ManyToOne(() => County, { fieldName: 'county_code' })
  @Index()
  county!: County;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => VerificationStatus)
  @Enum({ items: () => VerificationStatus, nativeEnumName: 'verification_status' })
  verificationStatus: VerificationStatus & Opt = VerificationStatus.PENDING;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt?: Date;

  /** given when verification was refused; private to members and admins (see OrganisationFieldsResolver) */
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string;

  /** the public contact, shown to signed-in users (see OrganisationFieldsResolver) */
  @Property({ type: 'string', length: 160, nullable: true })
  contactName?: string | null;

  @Property({ type: 'string', length: 11, nullable: true })
  contactPhone?: string | null;

  @Field(() => Boolean, { description: '示例数据 / Sample data' })
  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
