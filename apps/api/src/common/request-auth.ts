import type { FastifyRequest } from 'fastify';
import { type AuthUser, RequestContext } from './request-context';

/**
 * Checks a bearer token (identity's AuthService, passed in: common knows no module). No token is an
 * anonymous caller; an expired, forged or revoked one throws DomainError `auth/unauthenticated`.
 */
export interface Authenticator {
  authenticate(bearer: string | undefined): Promise<(AuthUser & { familyId: string; expiresAt: Date }) | undefined>;
}

/** The token of an `Authorization: Bearer …` header; any other header is no token. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice(7).trim() || undefined;
}

/**
 * Who is asking, from an HTTP request: the one place that reads a request's credentials, for GraphQL
 * (graphql.config.ts) and plain endpoints (uploads) alike, so both accept and refuse the same tokens.
 */
export async function requestContextFrom(request: FastifyRequest, auth: Authenticator): Promise<RequestContext> {
  const user = await auth.authenticate(bearerToken(request));
  return new RequestContext(user, request.ip, String(request.id), user?.familyId);
}
