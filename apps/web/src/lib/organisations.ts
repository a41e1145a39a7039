import type { MemberRole, OrganisationSummary } from '../graphql/operations';

/** What each role may do in the console; the API enforces the same rules. */
export const canEditProfile = (role: MemberRole | null | undefined): boolean => role === 'OWNER' || role === 'MANAGER';
export const canManageMembers = (role: MemberRole | null | undefined): boolean => role === 'OWNER';

/**
 * The organisation the console shows: the remembered choice while the viewer still belongs to it,
 * otherwise their first membership (a removed membership must not leave the console empty).
 */
export function pickOrganisation<T extends { organisation: OrganisationSummary }>(memberships: readonly T[], rememberedId: string | null): T | null {
  return memberships.find((m) => m.organisation.id === rememberedId) ?? memberships[0] ?? null;
}
