import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { Ctx, RequestContext } from '../../common/request-context';
import { County } from '../geo/county.entity';
import { GeoService } from '../geo/geo.service';
import { AuthService, type IssuedSession } from './auth.service';
import {
  AddMemberInput,
  AuthPayload,
  ChangeMemberRoleInput,
  ChangePasswordInput,
  CreateOrganisationInput,
  LogInInput,
  Member,
  OrganisationContact,
  SignUpInput,
  UpdateOrganisationInput,
  VerifyOrganisationInput,
  Viewer,
} from './identity.models';
import { MemberRole } from './membership.entity';
import { Organisation } from './organisation.entity';
import { OrganisationService } from './organisation.service';
import { User } from './user.entity';

const OrganisationConnection = Connection(Organisation, 'Organisation');
type OrganisationConnection = InstanceType<typeof OrganisationConnection>;

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly organisations: OrganisationService,
  ) {}

  private async payload(session: IssuedSession): Promise<AuthPayload> {
    return { ...session, viewer: await this.viewerOf(session.user) };
  }

  private async viewerOf(user: User): Promise<Viewer> {
    const memberships = await this.organisations.membershipsOf(user.id);
    return {
      id: user.id,
      phone: user.phone,
      displayName: user.displayName,
      isPlatformAdmin: user.isPlatformAdmin,
      memberships: memberships.map((m) => ({ organisation: m.organisation, role: m.role })),
    };
  }

  @Query(() => Viewer, { nullable: true, description: '当前登录用户 / The signed-in user, or null' })
  async viewer(@Ctx() ctx: RequestContext): Promise<Viewer | null> {
    if (!ctx.user) return null;
    return this.viewerOf(await this.auth.userById(ctx.user.id));
  }

  @Mutation(() => AuthPayload, { description: '注册 / Sign up with a mobile number and password' })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.payload(await this.auth.signUp(input.phone, input.password, input.displayName));
  }

  @Mutation(() => AuthPayload, { description: '登录 / Log in' })
  async logIn(@Ctx() ctx: RequestContext, @Args('input') input: LogInInput): Promise<AuthPayload> {
    return this.payload(await this.auth.logIn(input.phone, input.password, ctx.ip));
  }

  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for new tokens; each refresh token works once' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.payload(await this.auth.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: '退出登录 / End this session' })
  logOut(@Ctx() ctx: RequestContext, @Args('refreshToken', { nullable: true }) refreshToken?: string): Promise<boolean> {
    return this.auth.logOut(ctx, refreshToken, ctx.sessionId);
  }

  @Mutation(() => AuthPayload, { description: '修改密码 / Change password; every other session ends' })
  async changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    return this.payload(await this.auth.changePassword(ctx, input.currentPassword, input.newPassword));
  }

  @Mutation(() => Organisation, { description: '创建组织 / Create an organisation; you become its owner' })
  createOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.organisations.create(ctx, input);
  }

  @Mutation(() => Organisation)
  updateOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return this.organisations.update(ctx, id, input);
  }

  @Mutation(() => Member)
  addMember(@Ctx() ctx: RequestContext, @Args('input') input: AddMemberInput): Promise<Member> {
    return this.organisations.addMember(ctx, input.organisationId, input.phone, input.role);
  }

  @Mutation(() => Member)
  changeMemberRole(@Ctx() ctx: RequestContext, @Args('input') input: ChangeMemberRoleInput): Promise<Member> {
    return this.organisations.changeMemberRole(ctx, input.organisationId, input.userId, input.role);
  }

  @Mutation(() => Boolean)
  removeMember(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<boolean> {
    return this.organisations.removeMember(ctx, organisationId, userId);
  }

  @Mutation(() => Organisation, { description: '平台认证组织 / Platform admins verify or refuse an organisation' })
  verifyOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: VerifyOrganisationInput): Promise<Organisation> {
    return this.organisations.verify(ctx, input.organisationId, input.approve, input.reason);
  }

  @Mutation(() => Organisation, { description: '暂停组织 (admins) / Take a verified organisation off the market, with a reason; its listings stop being public' })
  suspendOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('reason') reason: string,
  ): Promise<Organisation> {
    return this.organisations.suspend(ctx, organisationId, reason);
  }

  @Query(() => Organisation)
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.organisations.byId(id);
  }

  @Query(() => OrganisationConnection, { description: '待认证组织 (admins) / Organisations awaiting verification, oldest first' })
  pendingOrganisations(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<OrganisationConnection> {
    return this.organisations.pending(ctx, page);
  }
}

@Resolver(() => Organisation)
export class OrganisationFieldsResolver {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly geo: GeoService,
  ) {}

  @ResolveField(() => County)
  async county(@Parent() org: Organisation): Promise<County> {
    return (await this.geo.county(org.county.code))!;
  }

  @ResolveField(() => String, { nullable: true, description: '统一社会信用代码 — members and platform admins only (others get null and an auth/forbidden error)' })
  async uscc(@Ctx() ctx: RequestContext, @Parent() org: Organisation): Promise<string> {
    await this.organisations.requireRoleOrAdmin(ctx, org.id, MemberRole.STAFF);
    return org.uscc;
  }

  @ResolveField(() => [Member], { nullable: true, description: 'Members — members and platform admins only (others get null and an auth/forbidden error)' })
  members(@Ctx() ctx: RequestContext, @Parent() org: Organisation): Promise<Member[]> {
    return this.organisations.members(ctx, org.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Reason given when verification was refused or the organisation suspended — members and platform admins only (others get null and an auth/forbidden error)' })
  async rejectionReason(@Ctx() ctx: RequestContext, @Parent() org: Organisation): Promise<string | null> {
    await this.organisations.requireRoleOrAdmin(ctx, org.id, MemberRole.STAFF);
    return org.rejectionReason ?? null;
  }

  @ResolveField(() => OrganisationContact, {
    nullable: true,
    description: '联系方式 — signed-in users see the contact the organisation publishes; visitors get null (sign in to see it)',
  })
  contact(@Ctx() ctx: RequestContext, @Parent() org: Organisation): OrganisationContact | null {
    if (!ctx.user) return null;
    return { name: org.contactName ?? null, phone: org.contactPhone ?? null };
  }

  @ResolveField(() => MemberRole, { nullable: true, description: 'Your role here, if you are a member' })
  myRole(@Ctx() ctx: RequestContext, @Parent() org: Organisation): Promise<MemberRole | undefined> {
    return this.organisations.roleOf(ctx, org.id);
  }
}
