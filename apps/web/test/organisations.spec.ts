import { describe, expect, it } from 'vitest';
import type { MemberRole, ViewerFieldsFragment } from '../src/graphql/generated/graphql';
import { canEditProfile, canManageMembers, organisationIdIn, pickOrganisation } from '../src/lib/organisations';

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

describe('organisationIdIn', () => {
  const id = '0b6f2c8e-3d1a-4f5e-9a7b-1c2d3e4f5a6b';
  it('finds the id in what an admin pastes: the id, a seller page link or an admin link', () => {
    expect(organisationIdIn(id)).toBe(id);
    expect(organisationIdIn(`  https://xiangnong.example/s/${id.toUpperCase()}  `)).toBe(id);
    expect(organisationIdIn(`/admin?org=${id}`)).toBe(id);
  });

  it('finds nothing in anything else', () => {
    expect(organisationIdIn('')).toBeNull();
    expect(organisationIdIn('安化县茶叶合作社')).toBeNull();
    expect(organisationIdIn('/s/123')).toBeNull();
  });
});
