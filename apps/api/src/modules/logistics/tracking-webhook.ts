import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { sqlIn } from '../../common/sql';
import { APP_CONFIG, type AppConfig } from '../../config';
import { LogisticsService } from './logistics.service';

export const TRACKING_WEBHOOK_PATH = '/api/webhooks/tracking';
/** A signature older or newer than this is refused, so that a captured push cannot be sent again later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
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

/** The signature header for `body` at `timestamp` (seconds): `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signTrackingPush(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

function verify(secret: string, header: string | undefined, body: string, now: number): void {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!/^\d{9,11}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) throw new DomainError('webhook/signature-invalid');
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw new DomainError('webhook/signature-invalid', { reason: 'expired' });
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(parts.v1!, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DomainError('webhook/signature-invalid');
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
