import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signature older or newer than this is refused, so that a captured delivery cannot be sent again later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The signature header of a webhook body at `timestamp` (seconds), in and out alike:
 * `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Whether `header` signs `body` with `secret` within the time window around `now` (seconds); why not, otherwise. */
export function checkWebhookSignature(secret: string, header: string | undefined, body: string, now = Math.floor(Date.now() / 1000)): 'ok' | 'malformed' | 'expired' | 'wrong' {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!/^\d{9,11}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'malformed';
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'expired';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(parts.v1!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'wrong';
}
