import { ApiError } from '../graphql/client';

/**
 * The API said the thing does not exist (catalog/listing-not-found, org/not-found, …): a page for
 * it shows "not found" with a way back, not "could not load" with a retry that cannot help.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code.endsWith('not-found');
}
