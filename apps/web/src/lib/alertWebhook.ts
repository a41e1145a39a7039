import { ApiError } from '../graphql/client';
import { jsonObject } from './json';
import { message, type Message } from './messages';

/**
 * The alert webhook as the price alerts page shows it: why an address was refused, in words that
 * say what to change, and how each delivery went.
 */

const REASONS = ['url', 'host', 'private'] as const;

/**
 * What to tell someone whose address was refused (market/webhook-invalid, with the reason the API
 * gives) or who tests or uses an address that is not set (market/webhook-missing); null for any
 * other error, which is shown as the API words it.
 */
export function webhookProblem(error: unknown): Message | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'market/webhook-missing') return message('alertWebhook.problems.missing');
  if (error.code !== 'market/webhook-invalid') return null;
  const reason = jsonObject(error.details).reason;
  return message(`alertWebhook.problems.${REASONS.find((r) => r === reason) ?? 'url'}`);
}

/** The badge of a delivery's status: delivered, failed, or still being tried. */
export function deliveryBadge(status: string): string {
  if (status === 'DELIVERED') return 'badge-verified';
  if (status === 'FAILED') return 'badge-rejected';
  return 'badge-pending';
}
