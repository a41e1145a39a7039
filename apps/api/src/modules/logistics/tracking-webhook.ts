import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { sqlIn } from '../../common/sql';
import { checkWebhookSignature, signWebhook } from '../../common/webhook-signature';
import { APP_CONFIG, type AppConfig } from '../../config';
import { LogisticsService } from './logistics.service';

export const TRACKING_WEBHOOK_PATH = '/api/webhooks/tracking';
const MAX_EVENTS = 100;

export interface PushedEvent {
  carrier: string;
  trackingNumber: string;
  /** the carrier's own id of the event */
  eventId: string;
  occurredAt: string;
  description: string;
  location?: string;
}

/** The signature header a carrier sends for `body` (see common/webhook-signature). */
export const signTrackingPush = signWebhook;

function verify(secret: string, header: string | undefined, body: string, now: number): void {
  const checked = checkWebhookSignature(secret, header, body, now);
  if (checked === 'expired') throw new DomainError('webhook/signature-invalid', { reason: 'expired' });
  if (checked !== 'ok') throw new DomainError('webhook/signature-invalid');
}

function parse(body: string): PushedEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new DomainError('webhook/payload-invalid');
  }
  const events = (value as { events?: unknown })?.events;
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS) throw new DomainError('webhook/payload-invalid');
  for (const e of events as PushedEvent[]) {
    const ok =
      typeof e?.carrier === 'string' && typeof e.trackingNumber === 'string' && typeof e.eventId === 'string' && e.eventId.length > 0 && e.eventId.length <= 64 &&
      typeof e.description === 'string' && typeof e.occurredAt === 'string' && !Number.isNaN(Date.parse(e.occurredAt)) &&
      (e.location === undefined || typeof e.location === 'string');
    if (!ok) throw new DomainError('webhook/payload-invalid');
  }
  return events as PushedEvent[];
}

/**
 * Tracking events carriers push, signed with the shared secret (HMAC-SHA256 over timestamp and
 * body). A push whose signature is missing, wrong or outside the time window is refused, and so is
 * the same signed push a second time; an event already recorded (by the carrier's id) adds nothing.
 */
@Injectable()
export class TrackingWebhook {
  constructor(
    private readonly em: EntityManager,
    private readonly logistics: LogisticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(body: string, signature: string | undefined, now = Math.floor(Date.now() / 1000)): Promise<{ accepted: number; unknown: number }> {
    const secret = this.config.trackingWebhookSecret;
    if (!secret) throw new DomainError('webhook/not-configured');
    verify(secret, signature, body, now);
    const events = parse(body);
    return this.em.fork().transactional(async (em) => {
      const digest = createHash('sha256').update(signature!).digest('hex');
      const [fresh] = await sqlIn(em)('insert into webhook_delivery (digest, received_at) values (?, now()) on conflict do nothing returning digest', [digest]);
      if (!fresh) throw new DomainError('webhook/replayed');
      let accepted = 0;
      let unknown = 0;
      for (const e of events) {
        const [shipment] = await sqlIn(em)<{ id: string }>('select id from shipment where carrier = ? and tracking_number = ?', [e.carrier.toUpperCase(), e.trackingNumber]);
        if (!shipment) {
          unknown++;
          continue;
        }
        const added = await this.logistics.track(em, shipment.id, {
          description: e.description,
          location: e.location ?? null,
          source: 'CARRIER',
          externalId: e.eventId,
          occurredAt: new Date(e.occurredAt),
        });
        if (added) accepted++;
      }
      return { accepted, unknown };
    });
  }
}

/** The webhook's route, with its body read as text so that the signature covers exactly the bytes sent. */
export async function registerTrackingWebhook(fastify: FastifyInstance, webhook: TrackingWebhook): Promise<void> {
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(TRACKING_WEBHOOK_PATH, async (request, reply) => {
      const signature = request.headers['x-xn-signature'];
      try {
        const result = await webhook.receive(String(request.body ?? ''), typeof signature === 'string' ? signature : undefined);
        return reply.status(200).send({ ok: true, ...result });
      } catch (error) {
        if (error instanceof DomainError) return reply.status(error.httpStatus).send(error.toBody());
        throw error;
      }
    });
  });
}
