import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MemberRole } from './membership.entity';
import { Organisation, OrganisationKind } from './organisation.entity';

@ObjectType({ description: '当前用户 / The signed-in user' })
export class Viewer {
  @Field(() => ID)
  id!: string;

  @Field()
  phone!: string;

  @Field()
  displayName!: string;

  @Field()
  isPlatformAdmin!: boolean;

  @Field(() => [OrganisationMembership])
  memberships!: OrganisationMembership[];
}

@ObjectType()
export class OrganisationMembership {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => MemberRole)
  role!: MemberRole;
}

@ObjectType()
export class Member {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'Masked mobile number, e.g. 138****8000' })
  phoneMasked!: string;

  @Field(() => MemberRole)
  role!: MemberRole;
}

@ObjectType({ description: '公开联系方式 / How to reach an organisation' })
export class OrganisationContact {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number, in full' })
  phone!: string | null;
}

@ObjectType({ description: '登录凭据 / Tokens after sign-up, login or refresh' })
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field({ description: 'Opaque; send it to refreshSession once. It is replaced at every refresh.' })
  refreshToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field(() => Viewer)
  viewer!: Viewer;
}

@InputType()
export class SignUpInput {
  @Field()
  phone!: string;

  @Field()
  password!: string;

  @Field()
  displayName!: string;
}

@InputType()
export class LogInInput {
  @Field()
  phone!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field({ description: '统一社会信用代码 (18 characters)' })
  uscc!: string;

  @Field({ description: 'GB/T 2260 county code in Hunan' })
  countyCode!: string;

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true, description: '公开联系人 / Public contact name, shown to signed-in users' })
  contactName?: string;

  @Field({ nullable: true, description: '公开联系电话 / Public contact mobile number, shown to signed-in users' })
  contactPhone?: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  countyCode?: string;

  @Field({ nullable: true, description: 'Empty text clears it' })
  description?: string;

  @Field({ nullable: true, description: 'Empty text clears it' })
  contactName?: string;

  @Field({ nullable: true, description: 'Empty text clears it' })
  contactPhone?: string;
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  organisationId!: string;

  @Field()
  phone!: string;

  @Field(() => MemberRole)
  role!: MemberRole;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => MemberRole)
  role!: MemberRole;
}

@InputType()
export class VerifyOrganisationInput {
  @Field(() => ID)
  organisationId!: string;

  @Field()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when refusing' })
  reason?: string;
}
