import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../common/pagination';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { isNotificationKind, NOTIFICATION_KINDS, type NotificationKind, type NotificationMessage } from './notification-kinds';

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, user_id, kind, title_zh, title_en, body_zh, body_en, link, read_at, created_at';

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: String(row.id),
    userId: row.user_id,
    kind: row.kind,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    bodyZh: row.body_zh,
    bodyEn: row.body_en,
    link: row.link,
    readAt: row.read_at ? new Date(row.read_at) : null,
    createdAt: new Date(row.created_at),
  };
}

export interface NotificationPreferenceView {
  kind: NotificationKind;
  labelZh: string;
  labelEn: string;
  enabled: boolean;
}

/** In-app notifications: sending them (in a handler's transaction), reading and marking them, and the choice of kinds. */
@Injectable()
export class NotificationService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Notifies these users, except those who turned this kind off, with `em` (the caller's
   * transaction: the notifications exist exactly when the change that caused them does). Returns
   * how many were sent.
   */
  async notify(em: EntityManager, userIds: readonly string[], message: NotificationMessage): Promise<number> {
    return this.notifyEach(em, [...new Set(userIds)].map((userId) => ({ userId, message })));
  }

  /**
   * Notifies each user with a message of their own, in one statement (alerts for thousands of
   * subscribers at once), except where they turned the kind off. Returns how many were sent.
   */
  async notifyEach(em: EntityManager, items: readonly { userId: string; message: NotificationMessage }[]): Promise<number> {
    if (!items.length) return 0;
    const column = (pick: (item: { userId: string; message: NotificationMessage }) => string | null) => items.map(pick);
    const rows = await sqlIn(em)<{ id: string }>(
      `insert into notification (user_id, kind, title_zh, title_en, body_zh, body_en, link, created_at)
       select n.user_id, n.kind, n.title_zh, n.title_en, n.body_zh, n.body_en, n.link, now()
         from unnest(array[?]::uuid[], array[?]::text[], array[?]::text[], array[?]::text[], array[?]::text[], array[?]::text[], array[?]::text[])
              as n(user_id, kind, title_zh, title_en, body_zh, body_en, link)
        where not exists (select 1 from notification_preference p where p.user_id = n.user_id and p.kind = n.kind and not p.enabled)
       returning id`,
      [
        column((i) => i.userId), column((i) => i.message.kind), column((i) => i.message.titleZh), column((i) => i.message.titleEn),
        column((i) => i.message.bodyZh), column((i) => i.message.bodyEn), column((i) => i.message.link ?? null),
      ],
    );
    return rows.length;
  }

  /** The caller's notifications, newest first. */
  async list(ctx: RequestContext, args: { first?: number; after?: string; unreadOnly?: boolean }): Promise<Page<NotificationRecord>> {
    const user = ctx.requireUser();
    const size = pageSize(args.first);
    const where = ['user_id = ?'];
    const params: unknown[] = [user.id];
    if (args.unreadOnly) where.push('read_at is null');
    if (args.after) {
      const [id] = decodeCursor(args.after, ['int']);
      where.push('id < ?');
      params.push(id);
    }
    const rows = await this.em
      .getConnection()
      .execute<NotificationRow[]>(`select ${COLUMNS} from notification where ${where.join(' and ')} order by id desc limit ?`, [...params, size + 1]);
    return toPage(rows.map(toRecord), size, (n) => [Number(n.id)]);
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const user = ctx.requireUser();
    const [row] = await this.em.getConnection().execute<{ n: string }[]>('select count(*) as n from notification where user_id = ? and read_at is null', [user.id]);
    return Number(row!.n);
  }

  /** Marks the caller's notifications read (these ones, or all); returns how many changed. Others' ids change nothing. */
  async markRead(ctx: RequestContext, ids?: readonly string[]): Promise<number> {
    const user = ctx.requireUser();
    const wanted = ids?.filter((id) => /^[1-9][0-9]{0,17}$/.test(id));
    if (ids && !wanted?.length) return 0;
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `update notification set read_at = now() where user_id = ? and read_at is null ${wanted ? 'and id in (?)' : ''} returning id`,
        wanted ? [user.id, wanted] : [user.id],
      );
    return rows.length;
  }

  async preferences(ctx: RequestContext): Promise<NotificationPreferenceView[]> {
    const user = ctx.requireUser();
    const off = new Set(
      (await this.em.getConnection().execute<{ kind: string }[]>('select kind from notification_preference where user_id = ? and not enabled', [user.id])).map((r) => r.kind),
    );
    return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => ({
      kind,
      labelZh: NOTIFICATION_KINDS[kind].zh,
      labelEn: NOTIFICATION_KINDS[kind].en,
      enabled: !off.has(kind),
    }));
  }

  async setPreference(ctx: RequestContext, kind: string, enabled: boolean): Promise<NotificationPreferenceView[]> {
    const user = ctx.requireUser();
    if (!isNotificationKind(kind)) throw new DomainError('notification/kind-unknown');
    await this.em
      .getConnection()
      .execute(
        'insert into notification_preference (user_id, kind, enabled) values (?, ?, ?) on conflict (user_id, kind) do update set enabled = excluded.enabled',
        [user.id, kind, enabled],
      );
    return this.preferences(ctx);
  }

  /** Notifications of these users after `afterId`, oldest first: what live subscriptions have not had yet. */
  async since(userIds: readonly string[], afterId: string): Promise<NotificationRecord[]> {
    if (!userIds.length) return [];
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<NotificationRow[]>(`select ${COLUMNS} from notification where user_id in (?) and id > ? order by id`, [[...userIds], afterId]);
    return rows.map(toRecord);
  }

  /** The newest notification id of a user, or 0: where a live subscription starts. */
  async latestId(userId: string): Promise<string> {
    const [row] = await this.em.fork().getConnection().execute<{ id: string | null }[]>('select max(id) as id from notification where user_id = ?', [userId]);
    return String(row?.id ?? 0);
  }
}
