import type { ChannelListener } from '../../common/pg-notifications';

/** How long a checked session is trusted without asking the database again. */
export const SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  userId: string;
  isPlatformAdmin: boolean;
  until: number;
}

/**
 * Sessions the database confirmed a moment ago (user, token family, issue time → whether the user
 * is a platform admin), so that every request of a signed-in user does not ask again. Whatever ends
 * or changes a session — a revoked family, a password change, admin rights given or taken — is
 * announced by the database on `xn_session_ended` with the users concerned, from any instance or
 * command, and drops their entries at once; while those announcements cannot be heard, nothing is
 * trusted. An answer read before an announcement about its user is not kept (generations).
 */
export class SessionCache implements ChannelListener {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private generation = 0;
  private hearing = false;

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): { isPlatformAdmin: boolean } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now() || !this.hearing) {
      this.entries.delete(key);
      return undefined;
    }
    return { isPlatformAdmin: entry.isPlatformAdmin };
  }

  /** What `keep` must be given back: taken before asking the database. */
  ticket(userId: string): string {
    return `${this.generation}:${this.generations.get(userId) ?? 0}`;
  }

  /** Keeps a confirmed session unless something about its user was announced since `ticket`. */
  keep(key: string, userId: string, isPlatformAdmin: boolean, ticket: string): void {
    if (!this.hearing || ticket !== this.ticket(userId)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { userId, isPlatformAdmin, until: this.now() + SESSION_CACHE_MS });
  }

  heard(payload: string | undefined): void {
    if (!payload || payload === '*') return this.forgetAll();
    const users = new Set(payload.split(','));
    for (const user of users) this.generations.set(user, (this.generations.get(user) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (users.has(entry.userId)) this.entries.delete(key);
    if (this.generations.size > MAX_ENTRIES) this.forgetAll();
  }

  connected(): void {
    this.forgetAll();
    this.hearing = true;
  }

  lost(): void {
    this.hearing = false;
    this.forgetAll();
  }

  private forgetAll(): void {
    this.entries.clear();
    this.generations.clear();
    this.generation++;
  }
}
