import type { MemberRole, OrganisationKind, VerificationStatus } from '../graphql/generated/graphql';

/** The order sellers see in the form, sellers' kinds first. */
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE', 'BUYER', 'LOGISTICS'];

export const MEMBER_ROLES: readonly MemberRole[] = ['OWNER', 'MANAGER', 'STAFF'];

/** The badge an organisation's verification status is shown with; a suspension reads like a refusal. */
export const STATUS_BADGE: Readonly<Record<VerificationStatus, string>> = {
  PENDING: 'badge-pending',
  VERIFIED: 'badge-verified',
  REJECTED: 'badge-rejected',
  SUSPENDED: 'badge-rejected',
};

/** What each role may do in the console; the API enforces the same rules. */
export const canEditProfile = (role: MemberRole | null | undefined): boolean => role === 'OWNER' || role === 'MANAGER';
export const canManageMembers = (role: MemberRole | null | undefined): boolean => role === 'OWNER';

/**
 * The organisation the console shows: the remembered choice while the viewer still belongs to it,
 * otherwise their first membership (a removed membership must not leave the console empty).
 */
export function pickOrganisation<T extends { organisation: { id: string } }>(memberships: readonly T[], rememberedId: string | null): T | null {
  return memberships.find((m) => m.organisation.id === rememberedId) ?? memberships[0] ?? null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The organisation id in what an admin pasted: the id itself, a seller page link
 * (https://…/s/<id>) or an admin link (/admin?org=<id>). Null when there is none.
 */
export function organisationIdIn(text: string): string | null {
  return UUID.exec(text.trim())?.[0]?.toLowerCase() ?? null;
}
