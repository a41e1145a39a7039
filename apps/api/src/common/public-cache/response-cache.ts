import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Quick brotli: an answer is compressed on a request's time, once per entry. */
const BROTLI_OPTIONS = { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * Answers to anonymous catalogue queries, kept in process memory until the data they were read
 * from changes.
 *
 * Every answer is filed under the generation that was current when its request started. Any change
 * to the public data (heard from PostgreSQL, see `PublicDataListener`) starts a new generation and
 * drops the answers it may affect, so an answer read before a change is never stored after it.
 * A change to listings of some channels only affects answers that read listings of those channels
 * (or of any channel); any other change affects every answer. While changes cannot be heard the
 * cache is off: nothing is served from it and nothing is stored.
 *
 * Identical requests that arrive while the first one is still being answered wait for it instead
 * of reading the same page from the database again.
 */
export interface CachedAnswer {
  data: Record<string, unknown>;
}

/**
 * The listings an answer was read from: the public listings of some channels and/or some listings by
 * id, possibly any listing, or none at all.
 */
export type ListingScope = { readonly channels: ReadonlySet<string>; readonly listings: ReadonlySet<string> } | 'any' | 'none';

/** Compressions a stored body is kept in, made at its first request that accepts one. */
export type BodyEncoding = 'br' | 'gzip';

interface Entry {
  scope: ListingScope;
  /** the HTTP body, serialised once; only the text is kept, not the objects it was made from */
  body: string;
  encoded?: Partial<Record<BodyEncoding, Buffer>>;
  bytes: number;
  storedAt: number;
}

export interface ResponseCacheOptions {
  /** budget for the stored answers, measured as the length of their JSON; 0 turns the cache off */
  maxBytes: number;
  /** an answer older than this is read again even if no change was heard */
  ttlMs: number;
  /** after this long a request still reading a page no longer holds back identical ones */
  readTimeoutMs?: number;
  now?: () => number;
}

export interface ResponseCacheStats {
  enabled: boolean;
  generation: number;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  shared: number;
  invalidations: number;
}

/** A request that found nothing cached: it reads the data itself and hands the answer back. */
export interface Lease {
  settle(answer: CachedAnswer | undefined): void;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { pending: Promise<CachedAnswer | undefined>; since: number; scope: ListingScope }>();
  /** generation of the last change that affects every answer, of the last listing change, and per channel */
  private lastChange = { all: 0, anyListing: 0, channel: new Map<string, number>() };
  private readonly now: () => number;
  private totalBytes = 0;
  private listening = false;
  private generationNumber = 0;
  private counters = { hits: 0, misses: 0, shared: 0, invalidations: 0 };

  constructor(private readonly options: ResponseCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get hasBudget(): boolean {
    return this.options.maxBytes > 0;
  }

  /** On only when it has a budget and changes to the data can be heard. */
  get enabled(): boolean {
    return this.listening && this.hasBudget;
  }

  /** After this long a request still reading a page no longer holds back identical ones. */
  get readTimeoutMs(): number {
    return this.options.readTimeoutMs ?? 10_000;
  }

  /** Changes can be heard again (or for the first time): start clean. */
  resume(): void {
    this.invalidate();
    this.listening = true;
  }

  /** Changes can no longer be heard: stop serving and storing until `resume`. */
  suspend(): void {
    this.listening = false;
    this.invalidate();
  }

  /** The public data changed: everything stored, and every answer being read, is out of date. */
  invalidate(): void {
    this.generationNumber++;
    this.counters.invalidations++;
    this.lastChange.all = this.generationNumber;
    this.entries.clear();
    this.inFlight.clear();
    this.totalBytes = 0;
  }

  /**
   * Listings of these channels changed (these ones, when `ids` is given): answers read from those
   * channels, from those listings, or from any listing are out of date.
   */
  invalidateListings(channels: readonly string[], ids?: readonly string[]): void {
    this.generationNumber++;
    this.counters.invalidations++;
    this.lastChange.anyListing = this.generationNumber;
    for (const channel of channels) this.lastChange.channel.set(channel, this.generationNumber);
    const affected = (scope: ListingScope) => {
      if (scope === 'any') return true;
      if (scope === 'none') return false;
      if (channels.some((c) => scope.channels.has(c))) return true;
      return scope.listings.size > 0 && (!ids || ids.some((id) => scope.listings.has(id)));
    };
    for (const [key, entry] of this.entries) if (affected(entry.scope)) this.remove(key, entry);
    for (const [key, reading] of this.inFlight) if (affected(reading.scope)) this.inFlight.delete(key);
  }

  /**
   * The stored HTTP body for `key`, when there is a fresh one (the fast path: no GraphQL at all),
   * compressed with `encoding` when asked and at least `minBytes` long. A body is compressed once,
   * and the compressed copy counts against the budget like the body.
   */
  storedBody(key: string, encoding?: BodyEncoding, minBytes = 0): { body: string | Buffer; encoding?: BodyEncoding } | undefined {
    if (!this.enabled) return undefined;
    const entry = this.fresh(key);
    if (!entry) return undefined;
    this.counters.hits++;
    if (!encoding || entry.body.length < minBytes) return { body: entry.body };
    let encoded = entry.encoded?.[encoding];
    if (!encoded) {
      encoded = encoding === 'br' ? brotliCompressSync(entry.body, BROTLI_OPTIONS) : gzipSync(entry.body, { level: 6 });
      entry.encoded = { ...entry.encoded, [encoding]: encoded };
      entry.bytes += encoded.length;
      this.totalBytes += encoded.length;
      this.evictOverBudget();
    }
    return { body: encoded, encoding };
  }

  /**
   * The stored answer for `key`, or the answer of an identical request being read right now, or a
   * lease that makes the caller the one who reads it. Undefined when the cache is off.
   */
  lookup(key: string, scope: ListingScope = 'any'): { answer: CachedAnswer } | { pending: Promise<CachedAnswer | undefined> } | { lease: Lease } | undefined {
    if (!this.enabled) return undefined;
    const entry = this.fresh(key);
    if (entry) {
      this.counters.hits++;
      return { answer: { data: (JSON.parse(entry.body) as { data: Record<string, unknown> }).data } };
    }
    const reading = this.inFlight.get(key);
    if (reading && this.now() - reading.since < this.readTimeoutMs) {
      this.counters.shared++;
      return { pending: reading.pending };
    }
    this.counters.misses++;
    return { lease: this.lease(key, scope) };
  }

  stats(): ResponseCacheStats {
    return { enabled: this.enabled, generation: this.generationNumber, entries: this.entries.size, bytes: this.totalBytes, ...this.counters };
  }

  /** The entry for `key` if it is young enough, now the most recently used; drops a stale one. */
  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.options.ttlMs) {
      this.remove(key, entry);
      return undefined;
    }
    // most recently used last, so that eviction takes the oldest first
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Whether a change that `scope` depends on came after `generation`. */
  private changedSince(generation: number, scope: ListingScope): boolean {
    if (this.lastChange.all > generation) return true;
    if (scope === 'none') return false;
    // by id, a read in flight is judged by any listing change: reads are short, and ids are not tracked
    if (scope === 'any' || scope.listings.size > 0) return this.lastChange.anyListing > generation;
    for (const channel of scope.channels) if ((this.lastChange.channel.get(channel) ?? 0) > generation) return true;
    return false;
  }

  private lease(key: string, scope: ListingScope): Lease {
    const generation = this.generationNumber;
    let resolve!: (answer: CachedAnswer | undefined) => void;
    const pending = new Promise<CachedAnswer | undefined>((r) => (resolve = r));
    const reading = { pending, since: this.now(), scope };
    this.inFlight.set(key, reading);
    let settled = false;
    return {
      settle: (answer) => {
        if (settled) return;
        settled = true;
        if (this.inFlight.get(key) === reading) this.inFlight.delete(key);
        resolve(answer);
        if (answer && this.enabled && !this.changedSince(generation, scope)) this.store(key, answer, scope);
      },
    };
  }

  private store(key: string, answer: CachedAnswer, scope: ListingScope): void {
    // what Apollo would send for it
    const body = `${JSON.stringify({ data: answer.data })}\n`;
    const bytes = key.length + body.length;
    if (bytes > this.options.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { scope, body, bytes, storedAt: this.now() });
    this.totalBytes += bytes;
    this.evictOverBudget();
  }

  /** Drops the least recently used answers until the rest fit the budget. */
  private evictOverBudget(): void {
    for (const [oldestKey, oldest] of this.entries) {
      if (this.totalBytes <= this.options.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }
}
