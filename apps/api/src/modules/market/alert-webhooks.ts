import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { pgArray, sqlIn } from '../../common/sql';
import { signWebhook } from '../../common/webhook-signature';
import { APP_CONFIG, type AppConfig } from '../../config';
import { JobRegistry } from '../events/job-registry';
import { TaskQueue } from '../events/task-queue';
import { AlertWebhook, AlertWebhookDelivery } from './market.entities';

/** Tries per delivery; the job queue waits e^n seconds between them (about half an hour in all). */
const DELIVERY_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;
const MAX_URL = 500;
const TASK = 'deliver-alert-webhook';

/** Addresses a webhook may not reach unless the installation allows it: loopback, private, link-local, carrier-grade NAT. */
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  return family === 0 || PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface WebhookMessage {
  userId: string;
  event: 'price-alert' | 'ping';
  data: Record<string, unknown>;
}

/**
 * Outgoing webhooks for price alerts. A user sets one address and gets a secret; every alert is
 * then also POSTed there as JSON, signed like the platform's incoming webhooks
 * (`X-Xn-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`), with the delivery's
 * id (`X-Xn-Delivery`) so that a receiver can drop a repeat. A delivery is queued in the
 * transaction that makes the alert, tried until a 2xx answer (redirects are not followed) or the
 * tries run out, and logged with each answer. Addresses on loopback or private networks are refused,
 * when set and again when sent (a name may point elsewhere later), unless the installation allows them.
 */
@Injectable()
export class AlertWebhooks implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobRegistry,
    private readonly tasks: TaskQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.task(TASK, (payload, attempt) => this.deliver(String(payload.deliveryId), attempt), { maxAttempts: DELIVERY_ATTEMPTS });
  }

  async mine(ctx: RequestContext): Promise<AlertWebhook | null> {
    return this.em.fork().findOne(AlertWebhook, { userId: ctx.requireUser().id });
  }

  async deliveries(ctx: RequestContext, first: number): Promise<AlertWebhookDelivery[]> {
    return this.em.fork().find(AlertWebhookDelivery, { userId: ctx.requireUser().id }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: Math.min(Math.max(first, 1), 100) });
  }

  /** Sets (or changes) the user's address; a new secret each time, so a leaked one is replaced by setting the address again. */
  async set(ctx: RequestContext, rawUrl: string): Promise<AlertWebhook> {
    const user = ctx.requireUser();
    const url = await this.checkUrl(rawUrl);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const em = this.em.fork();
    await em.getConnection().execute(
      `insert into alert_webhook (user_id, url, secret, created_at) values (?, ?, ?, now())
       on conflict (user_id) do update set url = excluded.url, secret = excluded.secret, created_at = excluded.created_at`,
      [user.id, url, secret],
    );
    return (await em.findOne(AlertWebhook, { userId: user.id }))!;
  }

  async remove(ctx: RequestContext): Promise<boolean> {
    return (await this.em.fork().nativeDelete(AlertWebhook, { userId: ctx.requireUser().id })) > 0;
  }

  /** Sends a test delivery to the user's address. */
  async ping(ctx: RequestContext): Promise<AlertWebhookDelivery> {
    const user = ctx.requireUser();
    return this.em.fork().transactional(async (em) => {
      const [id] = await this.queue(em, [{ userId: user.id, event: 'ping', data: { message: '湘农网价格提醒测试 / Xiangnong price alert test' } }]);
      if (!id) throw new DomainError('market/webhook-missing');
      return (await em.findOne(AlertWebhookDelivery, id))!;
    });
  }

  /** Queues a delivery for each message whose user has an address, in `em`'s transaction; returns their ids. */
  async queue(em: EntityManager, messages: readonly WebhookMessage[]): Promise<string[]> {
    if (!messages.length) return [];
    const rows = await sqlIn(em)<{ id: string }>(
      `insert into alert_webhook_delivery (id, user_id, event, payload, status, attempts, created_at)
       select gen_random_uuid(), m.user_id, m.event, m.data::jsonb, 'PENDING', 0, now()
         from unnest(?::uuid[], ?::text[], ?::text[]) as m(user_id, event, data)
         join alert_webhook w on w.user_id = m.user_id
       returning id`,
      [pgArray(messages.map((m) => m.userId)), pgArray(messages.map((m) => m.event)), pgArray(messages.map((m) => JSON.stringify(m.data)))],
    );
    for (const { id } of rows) await this.tasks.enqueue(em, TASK, { deliveryId: id });
    return rows.map((r) => r.id);
  }

  /** One try of a delivery; throws to be tried again while tries are left. */
  async deliver(deliveryId: string, attempt: { number: number; last: boolean } = { number: 1, last: true }): Promise<void> {
    const em = this.em.fork();
    const delivery = await em.findOne(AlertWebhookDelivery, deliveryId);
    if (!delivery || delivery.status !== 'PENDING') return;
    const hook = await em.findOne(AlertWebhook, { userId: delivery.userId });
    if (!hook) return this.finish(delivery.id, 'FAILED', null, '地址已删除 / the address was removed');
    const body = JSON.stringify({ id: delivery.id, event: delivery.event, createdAt: delivery.createdAt.toISOString(), data: delivery.payload });
    let status: number | null = null;
    let problem: string | null = null;
    try {
      await this.checkUrl(hook.url);
      const response = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Xiangnong-Webhooks/1',
          'x-xn-event': delivery.event,
          'x-xn-delivery': delivery.id,
          'x-xn-signature': signWebhook(hook.secret, body),
        },
        body,
      });
      status = response.status;
      await response.body?.cancel();
      if (status >= 200 && status < 300) return this.finish(delivery.id, 'DELIVERED', status, null);
      problem = `HTTP ${status}`;
    } catch (error) {
      problem = error instanceof DomainError ? error.code : (error as Error).message;
    }
    if (attempt.last) return this.finish(delivery.id, 'FAILED', status, problem);
    await em.getConnection().execute('update alert_webhook_delivery set attempts = attempts + 1, response_status = ?, error = ? where id = ?', [status, problem?.slice(0, 300) ?? null, delivery.id]);
    throw new Error(`webhook delivery ${delivery.id} failed (${problem}); it will be tried again`);
  }

  private async finish(id: string, status: 'DELIVERED' | 'FAILED', responseStatus: number | null, error: string | null): Promise<void> {
    await this.em.getConnection().execute(
      `update alert_webhook_delivery set status = ?, attempts = attempts + 1, response_status = ?, error = ?, finished_at = now() where id = ? and status = 'PENDING'`,
      [status, responseStatus, error?.slice(0, 300) ?? null, id],
    );
  }

  /** An http(s) address without credentials, of at most 500 characters, whose host is public (unless allowed otherwise). */
  private async checkUrl(raw: string): Promise<string> {
    const text = String(raw ?? '').trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new DomainError('market/webhook-invalid', { reason: 'url' });
    }
    const allowPrivate = this.config.alertWebhookPrivateHosts;
    if (text.length > MAX_URL || url.username || url.password || !(url.protocol === 'https:' || (allowPrivate && url.protocol === 'http:'))) {
      throw new DomainError('market/webhook-invalid', { reason: 'url' });
    }
    if (!allowPrivate) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
      if (!addresses.length) throw new DomainError('market/webhook-invalid', { reason: 'host' });
      if (addresses.some(isPrivateAddress)) throw new DomainError('market/webhook-invalid', { reason: 'private' });
    }
    return url.toString();
  }
}
