import type { ChannelListener } from '../pg-notifications';
import type { ResponseCache } from './response-cache';

/** The channel the database announces public-data changes on (see the PublicDataChanges migration). */
export const PUBLIC_DATA_CHANNEL = 'xn_public_data';
const LISTING_PREFIX = 'listing:';

/**
 * Keeps the response cache in step with the public catalogue. Every change (from this process,
 * another instance, a migration or psql) invalidates what it affects; while changes cannot be
 * heard the cache is suspended, and it starts clean when they can again.
 */
export class PublicDataListener implements ChannelListener {
  constructor(private readonly cache: ResponseCache) {}

  connected(): void {
    this.cache.resume();
  }

  lost(): void {
    this.cache.suspend();
  }

  /**
   * `listing:tea,rice|<id>,<id>` when only those listings (of those channels) changed, `listing:tea,rice`
   * when there were too many to name; any other payload affects everything.
   */
  heard(payload: string | undefined): void {
    if (!payload?.startsWith(LISTING_PREFIX)) return this.cache.invalidate();
    const [channelList = '', idList] = payload.slice(LISTING_PREFIX.length).split('|');
    const channels = channelList.split(',').filter(Boolean);
    if (!channels.length) return this.cache.invalidate();
    this.cache.invalidateListings(channels, idList?.split(',').filter(Boolean));
  }
}
