import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS, SessionCache } from './session-cache';

describe('SessionCache', () => {
  const make = () => {
    let now = 1_000_000;
    const cache = new SessionCache(() => now);
    return { cache, advance: (ms: number) => (now += ms) };
  };

  it('trusts nothing until the announcements can be heard, and nothing once they cannot', () => {
    const { cache } = make();
    cache.keep('u1|f1|1', 'u1', false, cache.ticket('u1'));
    expect(cache.get('u1|f1|1')).toBeUndefined();
    cache.connected();
    cache.keep('u1|f1|1', 'u1', true, cache.ticket('u1'));
    expect(cache.get('u1|f1|1')).toEqual({ isPlatformAdmin: true });
    cache.lost();
    expect(cache.get('u1|f1|1')).toBeUndefined();
    cache.keep('u1|f1|1', 'u1', true, cache.ticket('u1'));
    expect(cache.get('u1|f1|1')).toBeUndefined();
  });

  it('forgets a session when its user is announced or its time is up, and other users keep theirs', () => {
    const { cache, advance } = make();
    cache.connected();
    cache.keep('u1|f1|1', 'u1', false, cache.ticket('u1'));
    cache.keep('u2|f2|1', 'u2', false, cache.ticket('u2'));
    cache.heard('u1,u3');
    expect(cache.get('u1|f1|1')).toBeUndefined();
    expect(cache.get('u2|f2|1')).toEqual({ isPlatformAdmin: false });
    advance(SESSION_CACHE_MS);
    expect(cache.get('u2|f2|1')).toBeUndefined();
  });

  it('does not keep an answer read before an announcement about its user', () => {
    const { cache } = make();
    cache.connected();
    const ticket = cache.ticket('u1');
    const other = cache.ticket('u2');
    // the database answered "valid", then the session ended before the answer was kept
    cache.heard('u1');
    cache.keep('u1|f1|1', 'u1', false, ticket);
    expect(cache.get('u1|f1|1')).toBeUndefined();
    cache.keep('u2|f2|1', 'u2', false, other);
    expect(cache.get('u2|f2|1')).toEqual({ isPlatformAdmin: false });
    // a reconnection forgets everything, and answers read before it
    const before = cache.ticket('u2');
    cache.connected();
    expect(cache.get('u2|f2|1')).toBeUndefined();
    cache.keep('u2|f2|1', 'u2', false, before);
    expect(cache.get('u2|f2|1')).toBeUndefined();
  });
});
