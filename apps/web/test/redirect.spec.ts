import { describe, expect, it } from 'vitest';
import { landingPath, redirectFrom, safeRedirect } from '../src/lib/redirect';

const buyer = { isPlatformAdmin: false, memberships: [] };
const member = { isPlatformAdmin: false, memberships: [{ organisation: { kind: 'COOPERATIVE' } }] };
const buyerMember = { isPlatformAdmin: false, memberships: [{ organisation: { kind: 'BUYER' } }] };
const both = { isPlatformAdmin: false, memberships: [{ organisation: { kind: 'BUYER' } }, { organisation: { kind: 'FAMILY_FARM' } }] };
const admin = { isPlatformAdmin: true, memberships: [] };

describe('where people land after logging in or signing up', () => {
  it('goes back to the page that sent them to log in', () => {
    expect(landingPath('/l/7f0c', buyer)).toBe('/l/7f0c');
    expect(landingPath('/c/fruit?category=bingtang-orange', member)).toBe('/c/fruit?category=bingtang-orange');
    expect(landingPath(['/s/1', '/s/2'], buyer)).toBe('/s/1');
  });

  it('from nowhere: people without an organisation go home, buyers to the buyer home, other members to the console, admins to the queue', () => {
    expect(landingPath(undefined, buyer)).toBe('/');
    expect(landingPath(undefined, buyerMember)).toBe('/buyer');
    expect(landingPath(undefined, both)).toBe('/console');
    expect(landingPath(undefined, member)).toBe('/console');
    expect(landingPath(undefined, admin)).toBe('/admin');
    expect(landingPath(undefined, null)).toBe('/');
  });

  it.each([
    'https://evil.example/phish',
    '//evil.example/phish',
    '/\\evil.example',
    'javascript:alert(1)',
    'l/123',
    '/login',
    '/signup?redirect=/l/1',
    '/l/1\u0000',
    '',
  ])('refuses %j and falls back', (raw) => {
    expect(safeRedirect(raw)).toBeNull();
    expect(landingPath(raw, buyer)).toBe('/');
  });

  it('links to log in carry the current page, except from home', () => {
    expect(redirectFrom('/l/1')).toBe('/l/1');
    expect(redirectFrom('/c/tea?poverty=1')).toBe('/c/tea?poverty=1');
    expect(redirectFrom('/')).toBeUndefined();
    expect(redirectFrom('/login?redirect=/l/1')).toBeUndefined();
  });
});
