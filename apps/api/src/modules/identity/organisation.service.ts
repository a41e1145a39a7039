import { EntityManager, type FilterQuery, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { maskMobile, normalizeMobile, normalizeUscc, usccProblem } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, pageSize, toPage, type Page, type PageArgs } from '../../common/pagination';
import { pgArray, sqlIn } from '../../common/sql';
import { optionalText, requireText } from '../../common/text-input';
import type { RequestContext } from '../../common/request-context';
import { OutboxService } from '../events/outbox.service';
import { GeoService } from '../geo/geo.service';
import type { CreateOrganisationInput, Member, UpdateOrganisationInput } from './identity.models';
import { MemberRole, Membership, ROLE_RANK } from './membership.entity';
import { Organisation, SELLER_KINDS, VerificationStatus } from './organisation.entity';
import { User } from './user.entity';

function validName(raw: string): string {
  return requireText(raw, 'organisationName', 'org/name-invalid');
}

function validDescription(raw: string | null | undefined): string | undefined {
  return optionalText(raw, 'organisationDescription', 'org/description-invalid');
}

function validContactName(raw: string | null | undefined): string | undefined {
  return optionalText(raw, 'contactName', 'org/contact-name-invalid');
}

/** The public contact number: a mainland mobile number, or nothing when left empty. */
function validContactPhone(raw: string | null | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  const phone = normalizeMobile(raw);
  if (!phone) throw new DomainError('auth/phone-invalid', { field: 'contactPhone' });
  return phone;
}

function validUscc(raw: string): string {
  if (usccProblem(raw)) throw new DomainError('org/uscc-invalid', { problem: usccProblem(raw) });
  return normalizeUscc(raw);
}

@Injectable()
export class OrganisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly geo: GeoService,
    private readonly outbox: OutboxService,
  ) {}

  async create(ctx: RequestContext, input: CreateOrganisationInput): Promise<Organisation> {
    const user = ctx.requireUser();
    const name = validName(input.name);
    const uscc = validUscc(input.uscc);
    const county = await this.geo.requireCounty(input.countyCode);
    const description = validDescription(input.description);
    const contact = { contactName: validContactName(input.contactName), contactPhone: validContactPhone(input.contactPhone) };
    try {
      return await this.em.transactional(async (em) => {
        const org = em.create(Organisation, { name, kind: input.kind, uscc, county: county.code, description, ...contact });
        em.create(Membership, { organisation: org, user: user.id, role: MemberRole.OWNER });
        await em.flush();
        await this.outbox.record(em, { type: 'organisation.applied', aggregate: 'organisation', aggregateId: org.id, payload: { organisationId: org.id, name, kind: input.kind } });
        return org;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('org/uscc-taken');
      throw error;
    }
  }

  async update(ctx: RequestContext, organisationId: string, input: UpdateOrganisationInput): Promise<Organisation> {
    await this.requireRole(ctx, organisationId, MemberRole.MANAGER);
    const patch: Partial<Pick<Organisation, 'name' | 'description' | 'contactName' | 'contactPhone'>> & { county?: string } = {};
    if (input.name !== undefined && input.name !== null) patch.name = validName(input.name);
    if (input.countyCode !== undefined && input.countyCode !== null) patch.county = (await this.geo.requireCounty(input.countyCode)).code;
    // an empty description or contact clears it
    if (input.description !== undefined && input.description !== null) patch.description = validDescription(input.description) ?? null;
    if (input.contactName !== undefined && input.contactName !== null) patch.contactName = validContactName(input.contactName) ?? null;
    if (input.contactPhone !== undefined && input.contactPhone !== null) patch.contactPhone = validContactPhone(input.contactPhone) ?? null;
    return this.em.transactional(async (em) => {
      const org = await em.findOneOrFail(Organisation, organisationId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = { name: org.name, county: org.county.code, description: org.description, contactName: org.contactName, contactPhone: org.contactPhone };
      em.assign(org, patch);
      const fields = (Object.keys(patch) as (keyof typeof before)[]).filter((key) => patch[key] !== before[key]);
      await em.flush();
      if (fields.length) {
        await this.outbox.record(em, { type: 'organisation.updated', aggregate: 'organisation', aggregateId: org.id, payload: { organisationId: org.id, name: org.name, fields } });
      }
      return org;
    });
  }

  /** Owners add people who already have an account, by their phone number. */
  async addMember(ctx: RequestContext, organisationId: string, phoneRaw: string, role: MemberRole): Promise<Member> {
    await this.requireRole(ctx, organisationId, MemberRole.OWNER);
    const phone = normalizeMobile(phoneRaw);
    if (!phone) throw new DomainError('auth/phone-invalid');
    const user = await this.em.findOne(User, { phone });
    if (!user) throw new DomainError('org/user-not-found');
    try {
      await this.em.transactional(async (em) => {
        em.create(Membership, { organisation: organisationId, user, role });
        await em.flush();
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('org/member-exists');
      throw error;
    }
    return { userId: user.id, displayName: user.displayName, phoneMasked: maskMobile(user.phone), role };
  }

  async changeMemberRole(ctx: RequestContext, organisationId: string, userId: string, role: MemberRole): Promise<Member> {
    return this.em.transactional(async (em) => {
      const target = await this.lockForMemberChange(ctx, em, organisationId, userId, { role });
      target.role = role;
      await em.flush();
      const user = await em.findOneOrFail(User, userId);
      return { userId, displayName: user.displayName, phoneMasked: maskMobile(user.phone), role };
    });
  }

  async removeMember(ctx: RequestContext, organisationId: string, userId: string): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const target = await this.lockForMemberChange(ctx, em, organisationId, userId, { removing: true });
      em.remove(target);
      await em.flush();
      return true;
    });
  }

  /**
   * Takes the organisation's row lock and checks a change of `userId`'s membership against the
   * member list as it is once the lock is held. Every change to the member list takes the lock
   * first, so two of them run one after the other and the second sees the first one's result:
   * two owners demoting each other at once leave one owner, and the second is told why. The caller
   * must be a member to learn anything, and an owner to change anything.
   */
  private async lockForMemberChange(
    ctx: RequestContext,
    em: EntityManager,
    organisationId: string,
    userId: string,
    { removing = false, role }: { removing?: boolean; role?: MemberRole } = {},
  ): Promise<Membership> {
    const caller = ctx.requireUser();
    const org = isUuid(organisationId) ? await em.findOne(Organisation, organisationId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!org) throw new DomainError('auth/forbidden');
    const memberships = await em.find(Membership, { organisation: organisationId }, { refresh: true });
    const own = memberships.find((m) => m.user.id === caller.id);
    if (!own) throw new DomainError('auth/forbidden');
    const target = memberships.find((m) => m.user.id === userId);
    if (!target) throw new DomainError('org/member-not-found');
    const owners = memberships.filter((m) => m.role === MemberRole.OWNER);
    const losesOwner = target.role === MemberRole.OWNER && (removing || role !== MemberRole.OWNER);
    if (losesOwner && owners.length === 1) throw new DomainError('org/last-owner');
    if (own.role !== MemberRole.OWNER) throw new DomainError('auth/forbidden');
    return target;
  }

  async members(ctx: RequestContext, organisationId: string): Promise<Member[]> {
    await this.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    const memberships = await this.em.find(Membership, { organisation: organisationId }, { populate: ['user'], orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => ({ userId: m.user.id, displayName: m.user.displayName, phoneMasked: maskMobile(m.user.phone), role: m.role }));
  }

  /**
   * An admin's decision on an organisation. Approving works from pending, refused or suspended
   * (and is a no-op for a verified one); refusing needs a reason and works on applications, not on
   * verified organisations (suspend those). Owners hear of it through the event.
   */
  async verify(ctx: RequestContext, organisationId: string, approve: boolean, reason: string | undefined): Promise<Organisation> {
    ctx.requireAdmin();
    if (!approve && !reason?.trim()) throw new DomainError('org/reason-required');
    const rejectionReason = approve ? undefined : requireText(reason!, 'verificationReason', 'org/reason-invalid');
    return this.decide(organisationId, async (org, em) => {
      if (approve && org.verificationStatus === VerificationStatus.VERIFIED) return;
      if (!approve && ![VerificationStatus.PENDING, VerificationStatus.REJECTED].includes(org.verificationStatus)) {
        throw new DomainError('org/status-transition', { from: org.verificationStatus });
      }
      org.verificationStatus = approve ? VerificationStatus.VERIFIED : VerificationStatus.REJECTED;
      org.verifiedAt = approve ? new Date() : undefined;
      org.rejectionReason = rejectionReason;
      const ref = { organisationId: org.id, name: org.name };
      await this.outbox.record(
        em,
        approve
          ? { type: 'organisation.verified', aggregate: 'organisation', aggregateId: org.id, payload: ref }
          : { type: 'organisation.rejected', aggregate: 'organisation', aggregateId: org.id, payload: { ...ref, reason: rejectionReason! } },
      );
    });
  }

  /** Takes a verified organisation off the market, with a reason its members read; its listings stop being public. */
  async suspend(ctx: RequestContext, organisationId: string, reason: string): Promise<Organisation> {
    ctx.requireAdmin();
    if (!reason?.trim()) throw new DomainError('org/reason-required');
    const why = requireText(reason, 'verificationReason', 'org/reason-invalid');
    return this.decide(organisationId, async (org, em) => {
      if (org.verificationStatus !== VerificationStatus.VERIFIED) throw new DomainError('org/status-transition', { from: org.verificationStatus });
      org.verificationStatus = VerificationStatus.SUSPENDED;
      org.rejectionReason = why;
      await this.outbox.record(em, { type: 'organisation.suspended', aggregate: 'organisation', aggregateId: org.id, payload: { organisationId: org.id, name: org.name, reason: why } });
    });
  }

  /** Applies an admin's decision to the organisation's locked row, with its event, in one transaction. */
  private async decide(organisationId: string, apply: (org: Organisation, em: EntityManager) => Promise<void>): Promise<Organisation> {
    if (!isUuid(organisationId)) throw new DomainError('org/not-found');
    return this.em.transactional(async (em) => {
      const org = await em.findOne(Organisation, organisationId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!org) throw new DomainError('org/not-found');
      await apply(org, em);
      await em.flush();
      return org;
    });
  }


  async byId(organisationId: string): Promise<Organisation> {
    const org = isUuid(organisationId) ? await this.em.findOne(Organisation, organisationId) : null;
    if (!org) throw new DomainError('org/not-found');
    return org;
  }

  /** The verification queue, oldest first. */
  async pending(ctx: RequestContext, args: PageArgs): Promise<Page<Organisation>> {
    ctx.requireAdmin();
    const size = pageSize(args.first);
    const where: FilterQuery<Organisation> = { verificationStatus: VerificationStatus.PENDING };
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      const at = new Date(createdAt);
      where.$or = [{ createdAt: { $gt: at } }, { createdAt: at, id: { $gt: id } }];
    }
    const rows = await this.em.find(Organisation, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size, (o) => [o.createdAt, o.id]);
  }

  /**
   * The users with at least `role` in the organisation, e.g. whom to tell about its verification.
   * Read with `em` when given (a job's transaction), as rows rather than entities: a job that tells
   * many organisations keeps nothing in its unit of work.
   */
  async memberIds(organisationId: string, role: MemberRole, em: EntityManager = this.em.fork()): Promise<string[]> {
    return (await this.memberIdsOf([organisationId], role, em)).get(organisationId) ?? [];
  }

  /** The members of each organisation with at least `role`, in one query. */
  async memberIdsOf(organisationIds: readonly string[], role: MemberRole, em: EntityManager = this.em.fork()): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>();
    if (!organisationIds.length) return members;
    const rows = await sqlIn(em)<{ organisation_id: string; user_id: string; role: MemberRole }>(
      'select organisation_id, user_id, role from membership where organisation_id = any(?::uuid[])',
      [pgArray([...new Set(organisationIds)])],
    );
    for (const m of rows) if (ROLE_RANK[m.role] >= ROLE_RANK[role]) members.set(m.organisation_id, [...(members.get(m.organisation_id) ?? []), m.user_id]);
    return members;
  }

  async membershipsOf(userId: string): Promise<Membership[]> {
    return this.em.find(Membership, { user: userId }, { populate: ['organisation'], orderBy: { createdAt: 'asc' } });
  }

  /** The caller's role in the organisation, or undefined. */
  async roleOf(ctx: RequestContext, organisationId: string): Promise<MemberRole | undefined> {
    if (!ctx.user || !isUuid(organisationId)) return undefined;
    const membership = await ctx
      .loader<string, Membership>(
        `membership:${ctx.user.id}`,
        (orgIds) => this.em.find(Membership, { user: ctx.user!.id, organisation: { $in: [...orgIds] } }),
        (m) => m.organisation.id,
      )
      .load(organisationId);
    return membership?.role;
  }

  /** Throws unless the caller is a member with at least `role`. Unknown organisations read as forbidden. */
  async requireRole(ctx: RequestContext, organisationId: string, role: MemberRole): Promise<MemberRole> {
    ctx.requireUser();
    const actual = await this.roleOf(ctx, organisationId);
    if (!actual || ROLE_RANK[actual] < ROLE_RANK[role]) throw new DomainError('auth/forbidden');
    return actual;
  }

  async requireRoleOrAdmin(ctx: RequestContext, organisationId: string, role: MemberRole): Promise<void> {
    if (ctx.requireUser().isPlatformAdmin) return;
    await this.requireRole(ctx, organisationId, role);
  }

  /** For listing writes: member of a seller organisation. */
  async requireSeller(ctx: RequestContext, organisationId: string): Promise<Organisation> {
    await this.requireRole(ctx, organisationId, MemberRole.STAFF);
    const org = await this.byId(organisationId);
    if (!SELLER_KINDS.includes(org.kind)) throw new DomainError('auth/forbidden', { reason: 'not a seller organisation' });
    return org;
  }
}
