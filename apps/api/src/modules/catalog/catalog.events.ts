import type { ListingStatus } from './listing.entity';

interface ListingRef {
  listingId: string;
  organisationId: string;
  channel: string;
}

/** Why stock moved; every change of a listing's stock is one of these, with a reference where there is one. */
export type StockReason = 'listing-created' | 'seller-set' | 'order-reserved' | 'reservation-released' | 'order-cancelled' | 'order-reinstated';

declare module '../events/domain-events' {
  interface EventPayloads {
    'listing.created': ListingRef & { status: ListingStatus };
    /** fields the seller changed, other than stock and status (they have their own events) */
    'listing.changed': ListingRef & { fields: string[] };
    'listing.status-changed': ListingRef & { from: ListingStatus; to: ListingStatus };
    'listing.stock-changed': ListingRef & { from: number; to: number; reason: StockReason; reference: string | null };
    'listing.image-attached': ListingRef & { imageIds: string[] };
  }
}
