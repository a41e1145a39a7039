import { describe, expect, it } from 'vitest';
import { cleanPickupCode, orderCommands, organisationFor, PARTNER_KINDS, PARTNER_STATUSES, SELLER_KINDS, statusFromQuery, statusQuery } from '../src/lib/orders';

describe('the buttons of an order', () => {
  it('are exactly the API’s actions, the move that takes the order on first and cancelling last', () => {
    expect(orderCommands(['cancel', 'ship'])).toEqual(['ship', 'cancel']);
    expect(orderCommands(['track', 'hand-over'])).toEqual(['hand-over', 'track']);
    expect(orderCommands([])).toEqual([]);
  });

  it('approving and declining a refund share one panel', () => {
    expect(orderCommands(['decline-refund', 'approve-refund'])).toEqual(['refund-decision']);
  });

  it('leave out what this storefront does not know', () => {
    expect(orderCommands(['pay-with-alipay', 'confirm-receipt'])).toEqual(['confirm-receipt']);
  });
});

describe('the status filter in the address', () => {
  it('reads back what it writes, and nothing else', () => {
    expect(statusQuery('AWAITING_SHIPMENT')).toBe('awaiting-shipment');
    expect(statusFromQuery('awaiting-shipment')).toBe('AWAITING_SHIPMENT');
    expect(statusFromQuery(['at-station'])).toBe('AT_STATION');
    expect(statusFromQuery('AWAITING_SHIPMENT')).toBeNull();
    expect(statusFromQuery(undefined)).toBeNull();
  });

  it('offers a station only the statuses its parcels can have', () => {
    expect(statusFromQuery('awaiting-payment', PARTNER_STATUSES)).toBeNull();
    expect(statusFromQuery('at-station', PARTNER_STATUSES)).toBe('AT_STATION');
  });
});

describe('which organisation an order page works for', () => {
  const memberships = [
    { organisation: { id: 'station', kind: 'SERVICE_STATION' as const } },
    { organisation: { id: 'tea', kind: 'COOPERATIVE' as const } },
    { organisation: { id: 'orange', kind: 'COOPERATIVE' as const } },
  ];

  it('is the one the link names, else the one chosen in the console, else the first of the right kind', () => {
    expect(organisationFor(memberships, SELLER_KINDS, 'orange', 'tea')?.organisation.id).toBe('orange');
    expect(organisationFor(memberships, SELLER_KINDS, null, 'tea')?.organisation.id).toBe('tea');
    expect(organisationFor(memberships, SELLER_KINDS, null, 'station')?.organisation.id).toBe('tea');
    expect(organisationFor(memberships, PARTNER_KINDS, 'tea', 'tea')?.organisation.id).toBe('station');
    expect(organisationFor(memberships.slice(1), PARTNER_KINDS, null, null)).toBeNull();
  });
});

it('a pickup code read out with spaces or a dash is the same code', () => {
  expect(cleanPickupCode(' 592 809 ')).toBe('592809');
  expect(cleanPickupCode('592-809')).toBe('592809');
});
