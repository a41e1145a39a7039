import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { normalizeMobile } from '@xiangnong/domain';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config';
import { DomainError } from '../../common/errors';
import { SESSION_ENDED_CHANNEL } from '../../common/live/live-server';
import { PgNotificationHub } from '../../common/pg-notifications';
import type { AuthUser, RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { hashToken, issueAccessToken, newOpaqueToken, verifyAccessToken } from '../../common/tokens';
import { JobRegistry } from '../events/job-registry';
import { dummyPasswordHash, hashPassword, passwordAcceptable, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { SessionCache } from './session-cache';
import { User } from './user.entity';

/** A rotated refresh token presented again within this long is taken for a race, not a theft (see refresh). */
const REFRESH_RACE_MS = 10_000;

/** Failed logins allowed per phone number, and per client address, in the window. */
export const LOGIN_LIMITS = { perPhone: 5, perAddress: 30, windowMinutes: 15 };

/**
 * Takes one attempt for each key, atomically: a key whose window is over starts a new one. Returns
 * the attempts each key has now, this one included. Rows are always taken in the order given
 * (phone first, then address), so concurrent attempts never deadlock.
 */
const TAKE_ATTEMPTS = `
  insert into login_throttle (key, attempts, window_started_at) values (?, 1, now()), (?, 1, now())
  on conflict (key) do update set
    attempts = case when login_throttle.window_started_at <= now() - ? * interval '1 minute' then 1 else login_throttle.attempts + 1 end,
    window_started_at = case when login_throttle.window_started_at <= now() - ? * interval '1 minute' then now() else login_throttle.window_started_at end
  returning key, attempts`;

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly sessions = new SessionCache();

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly hub?: PgNotificationHub,
  ) {}

  /** Counts of windows long over, and refresh tokens long expired, are removed every hour. */
  onModuleInit(): void {
    // without the announcements of ended sessions (a command), every token is checked in the database
    this.hub?.subscribe(SESSION_ENDED_CHANNEL, this.sessions);
    this.jobs.every('prune-sessions-and-limits', '23 * * * *', async () => {
      const em = this.em.fork();
      await em.getConnection().execute(`delete from login_throttle where window_started_at < now() - interval '1 day'`);
      await em.getConnection().execute(`delete from refresh_token where expires_at < now() - interval '7 days'`);
    });
  }

  async signUp(phoneRaw: string, password: string, displayNameRaw: string): Promise<IssuedSession> {
    const phone = normalizeMobile(phoneRaw);
    if (!phone) throw new DomainError('auth/phone-invalid');
    const displayName = displayNameRaw.trim();
    if (displayName.length < 1 || displayName.length > 40) throw new DomainError('auth/name-invalid');
    if (!passwordAcceptable(password)) throw new DomainError('auth/password-weak');
    const passwordHash = await hashPassword(password);
    return this.em.transactional(async (em) => {
      const inserted = await sqlIn(em)<{ id: string }>(
        `insert into app_user (id, phone, display_name, password_hash, is_platform_admin, sessions_valid_after, is_demo, created_at)
         values (?, ?, ?, ?, false, to_timestamp(0), false, now()) on conflict (phone) do nothing returning id`,
        [randomUUID(), phone, displayName, passwordHash],
      );
      if (inserted.length === 0) throw new DomainError('auth/phone-taken');
      const user = await em.findOneOrFail(User, inserted[0]!.id);
      return this.startSession(em, user);
    });
  }

  /**
   * Unknown numbers and wrong passwords get the same answer after the same work. Every attempt is
   * counted against its number and its address before the password is looked at, in one atomic
   * statement, so no burst of parallel attempts (on any number of instances) gets more than the
   * limit checked; a successful login gives its attempt back, so only failures use up the limit.
   */
  async logIn(phoneRaw: string, password: string, ip: string): Promise<IssuedSession> {
    const phone = normalizeMobile(phoneRaw) ?? phoneRaw.trim().slice(0, 20);
    const keys = [hashToken(`phone:${phone}`), hashToken(`ip:${ip}`)];
    const taken = await this.em.getConnection().execute<{ key: string; attempts: number }[]>(TAKE_ATTEMPTS, [
      ...keys,
      LOGIN_LIMITS.windowMinutes,
      LOGIN_LIMITS.windowMinutes,
    ]);
    const attempts = (key: string) => taken.find((row) => row.key === key)!.attempts;
    if (attempts(keys[0]!) > LOGIN_LIMITS.perPhone || attempts(keys[1]!) > LOGIN_LIMITS.perAddress) {
      throw new DomainError('auth/rate-limited');
    }
    const user = normalizeMobile(phoneRaw) ? await this.em.findOne(User, { phone }, { populate: ['passwordHash'] }) : null;
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw new DomainError('auth/invalid-credentials');
    await this.em.getConnection().execute('update login_throttle set attempts = greatest(attempts - 1, 0) where key in (?, ?)', keys);
    return this.em.transactional((em) => this.startSession(em, user));
  }

  /**
   * Rotates a refresh token. A token presented again means one of two things. Within a few
   * seconds of its rotation, while its successor is still unused, it is another tab or a retry of
   * the same client racing the refresh that just happened: that caller is told the token was
   * superseded (the client picks up the new tokens the other refresh stored) and nothing is
   * revoked. Any other second use means the token leaked: its whole family is revoked.
   */
  async refresh(token: string): Promise<IssuedSession> {
    let revokedFor: string | undefined;
    const outcome = await this.em.transactional(async (em) => {
      const current = await em.findOne(RefreshToken, { tokenHash: hashToken(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] });
      if (!current || current.revokedAt || current.expiresAt <= new Date()) return 'invalid' as const;
      if (current.usedAt) {
        if (await this.racingRotation(em, current)) return 'superseded' as const;
        await this.revokeFamily(em, current.familyId);
        revokedFor = current.user.id;
        return 'invalid' as const;
      }
      current.usedAt = new Date();
      return this.issue(em, current.user, current.familyId);
    });
    if (revokedFor) this.sessions.heard(revokedFor);
    if (outcome === 'superseded') throw new DomainError('auth/refresh-superseded');
    if (outcome === 'invalid') throw new DomainError('auth/invalid-refresh-token');
    return outcome;
  }

  /** A used token presented again shortly after its rotation, with no newer token of its family used since. */
  private async racingRotation(em: EntityManager, token: RefreshToken): Promise<boolean> {
    if (Date.now() - token.usedAt!.getTime() > REFRESH_RACE_MS) return false;
    const newerUsed = await em.count(RefreshToken, { familyId: token.familyId, createdAt: { $gt: token.createdAt }, usedAt: { $ne: null } });
    return newerUsed === 0;
  }

  async logOut(ctx: RequestContext, refreshToken: string | undefined, familyId: string | undefined): Promise<boolean> {
    const user = ctx.requireUser();
    await this.em.transactional(async (em) => {
      if (familyId) await this.revokeFamily(em, familyId, user.id);
      if (refreshToken) {
        const row = await em.findOne(RefreshToken, { tokenHash: hashToken(refreshToken), user: user.id });
        if (row) await this.revokeFamily(em, row.familyId, user.id);
      }
    });
    // this instance stops trusting the session at once; the others when the database announces it
    this.sessions.heard(user.id);
    return true;
  }

  /** Changing the password ends every session, including the current one; a fresh one is returned. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<IssuedSession> {
    const { id } = ctx.requireUser();
    if (!passwordAcceptable(newPassword)) throw new DomainError('auth/password-weak');
    const user = await this.em.findOneOrFail(User, id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new DomainError('auth/invalid-credentials');
    const passwordHash = await hashPassword(newPassword);
    const session = await this.em.transactional(async (em) => {
      const now = new Date();
      await em.nativeUpdate(User, { id }, { passwordHash, sessionsValidAfter: now });
      await em.nativeUpdate(RefreshToken, { user: id, revokedAt: null }, { revokedAt: now });
      const fresh = await em.findOneOrFail(User, id);
      return this.startSession(em, fresh, now.getTime() + 1);
    });
    this.sessions.heard(id);
    return session;
  }

  /**
   * The caller behind a bearer token: the signature and expiry are checked here, and one indexed
   * query makes sure the session was not ended (log-out, password change); its answer is trusted
   * for a few seconds until the database announces a change (see SessionCache).
   */
  async authenticate(bearer: string | undefined): Promise<(AuthUser & { familyId: string; expiresAt: Date }) | undefined> {
    if (!bearer) return undefined;
    const claims = verifyAccessToken(bearer, this.config.authSecret);
    if (!claims) throw new DomainError('auth/unauthenticated');
    const key = `${claims.sub}|${claims.fam}|${claims.iatMs}`;
    const known = this.sessions.get(key);
    if (known) return { id: claims.sub, isPlatformAdmin: known.isPlatformAdmin, familyId: claims.fam, expiresAt: new Date(claims.exp * 1000) };
    const ticket = this.sessions.ticket(claims.sub);
    const rows = await this.em.getConnection().execute<{ is_platform_admin: boolean }[]>(
      `select u.is_platform_admin from app_user u
        where u.id = ? and u.sessions_valid_after < ?
          and not exists (select 1 from refresh_token t where t.family_id = ? and t.revoked_at is not null)`,
      [claims.sub, new Date(claims.iatMs), claims.fam],
    );
    if (rows.length === 0) throw new DomainError('auth/unauthenticated');
    this.sessions.keep(key, claims.sub, rows[0]!.is_platform_admin, ticket);
    return { id: claims.sub, isPlatformAdmin: rows[0]!.is_platform_admin, familyId: claims.fam, expiresAt: new Date(claims.exp * 1000) };
  }

  /** Every platform admin, e.g. whom to tell that an organisation applied. */
  async platformAdminIds(): Promise<string[]> {
    return (await this.em.fork().find(User, { isPlatformAdmin: true }, { fields: ['id'] })).map((u) => u.id);
  }

  async userById(id: string): Promise<User> {
    return this.em.findOneOrFail(User, id);
  }

  private startSession(em: EntityManager, user: User, issuedAtMs = Date.now()): Promise<IssuedSession> {
    return this.issue(em, user, randomUUID(), issuedAtMs);
  }

  private async issue(em: EntityManager, user: User, familyId: string, issuedAtMs = Date.now()): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken();
    em.create(RefreshToken, {
      user,
      familyId,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      createdAt: new Date(),
    });
    await em.flush();
    const exp = Math.floor(issuedAtMs / 1000) + this.config.accessTokenTtlSeconds;
    const accessToken = issueAccessToken(
      { sub: user.id, fam: familyId, adm: user.isPlatformAdmin, iatMs: issuedAtMs, exp },
      this.config.authSecret,
    );
    return { accessToken, refreshToken: token, accessTokenExpiresAt: new Date(exp * 1000), user };
  }

  private async revokeFamily(em: EntityManager, familyId: string, userId?: string): Promise<void> {
    await em.nativeUpdate(
      RefreshToken,
      { familyId, revokedAt: null, ...(userId ? { user: userId } : {}) },
      { revokedAt: new Date() },
    );
  }
}
