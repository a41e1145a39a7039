import { describe, expect, it } from 'vitest';
import type { MemberRole, ViewerFieldsFragment } from '../src/graphql/generated/graphql';
import { canEditProfile, canManageMembers, pickOrganisation } from '../src/lib/organisations';

type Membership = ViewerFieldsFragment['memberships'][number];
const org = (id: string): Membership['organisation'] => ({ id, name: id, kind: 'COOPERATIVE', verificationStatus: 'PENDING' });
const memberships: { role: MemberRole; organisation: Membership['organisation'] }[] = [
  { role: 'OWNER', organisation: org('a') },
  { role: 'STAFF', organisation: org('b') },
];

describe('console organisation choice', () => {
  it('shows the remembered organisation', () => {
    expect(pickOrganisation(memberships, 'b')?.organisation.id).toBe('b');
  });

  it('falls back to the first membership when nothing, or an organisation I left, is remembered', () => {
    expect(pickOrganisation(memberships, null)?.organisation.id).toBe('a');
    expect(pickOrganisation(memberships, 'gone')?.organisation.id).toBe('a');
  });

  it('has nothing to show without memberships', () => {
    expect(pickOrganisation([], 'a')).toBeNull();
  });
});

describe('console permissions', () => {
  it('lets owners and managers edit the profile, but not staff', () => {
    expect([canEditProfile('OWNER'), canEditProfile('MANAGER'), canEditProfile('STAFF'), canEditProfile(null)]).toEqual([true, true, false, false]);
  });

  it('lets only owners manage members', () => {
    expect([canManageMembers('OWNER'), canManageMembers('MANAGER'), canManageMembers('STAFF')]).toEqual([true, false, false]);
  });
});
