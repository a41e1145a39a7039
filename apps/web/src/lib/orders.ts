import type { OrderStatus, OrganisationKind } from '../graphql/generated/graphql';

/** Every status, in the order an order goes through them (the filters of every order list). */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'AWAITING_PAYMENT',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'AT_STATION',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REFUND_REQUESTED',
  'REFUNDED',
];

/** What a station or carrier has to do with: parcels on their way and after (the API never lists them earlier). */
export const PARTNER_STATUSES: readonly OrderStatus[] = ['SHIPPED', 'AT_STATION', 'DELIVERED', 'COMPLETED'];

/** The status as the filter in an address (`?status=shipped`), or null for all. */
export function statusFromQuery(raw: unknown, allowed: readonly OrderStatus[] = ORDER_STATUSES): OrderStatus | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return null;
  return allowed.find((status) => status.toLowerCase().replace(/_/g, '-') === value) ?? null;
}

export const statusQuery = (status: OrderStatus): string => status.toLowerCase().replace(/_/g, '-');

/** The badge a status is shown with: waiting on someone, done, or stopped. */
export function statusBadge(status: OrderStatus): string {
  switch (status) {
    case 'COMPLETED':
    case 'DELIVERED':
      return 'badge-verified';
    case 'CANCELLED':
    case 'REFUNDED':
      return 'badge-demo';
    case 'REFUND_REQUESTED':
      return 'badge-rejected';
    default:
      return 'badge-pending';
  }
}

/**
 * The commands of an order's `actions`, in the order their buttons are shown: the move that takes
 * the order on first, what undoes or stops it last. Approving and declining a refund share a panel.
 */
export const ORDER_COMMANDS = [
  'confirm-transfer',
  'ship',
  'arrive-at-station',
  'hand-over',
  'deliver',
  'confirm-receipt',
  'refund-decision',
  'track',
  'review',
  'request-refund',
  'cancel',
] as const;
export type OrderCommand = (typeof ORDER_COMMANDS)[number];

/** The buttons for what the API says the user may do now (`Order.actions`), in display order. */
export function orderCommands(actions: readonly string[]): OrderCommand[] {
  const has = new Set(actions);
  return ORDER_COMMANDS.filter((command) => (command === 'refund-decision' ? has.has('approve-refund') || has.has('decline-refund') : has.has(command)));
}

/** Express companies a seller picks from when shipping (their codes are what the API and carriers use). */
export const CARRIERS = ['SF', 'YTO', 'ZTO', 'STO', 'YD', 'EMS', 'JD', 'DBL'] as const;

/** A pickup code as typed: digits only, so spaces or a dash from reading it out do not matter. */
export const cleanPickupCode = (raw: string): string => raw.replace(/\D/g, '');

/** Organisations that sell (their orders and settings are in the console), as the API counts them. */
export const SELLER_KINDS: readonly OrganisationKind[] = ['COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE'];
/** Organisations that take parcels on their way: village service stations and logistics partners. */
export const PARTNER_KINDS: readonly OrganisationKind[] = ['SERVICE_STATION', 'LOGISTICS'];

/**
 * The organisation of `kinds` a page works for: the one an address names (`?org=`), else the one
 * chosen in the console, else the first such membership; null when the viewer belongs to none.
 */
export function organisationFor<T extends { organisation: { id: string; kind: OrganisationKind } }>(
  memberships: readonly T[],
  kinds: readonly OrganisationKind[],
  wanted: string | null,
  selected: string | null,
): T | null {
  const fitting = memberships.filter((m) => kinds.includes(m.organisation.kind));
  return fitting.find((m) => m.organisation.id === wanted) ?? fitting.find((m) => m.organisation.id === selected) ?? fitting[0] ?? null;
}
