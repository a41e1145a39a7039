/**
 * Where people land after logging in or signing up. Whatever sent them to /login (the header's 登录
 * link, a "log in to see the contact" button, a page behind a login) names the page to come back to
 * in `?redirect=`; only paths on this site are accepted, so a crafted link cannot send people away.
 */

/** Pages that make no sense to come back to after logging in. */
const AUTH_PATHS = ['/login', '/signup'];

/** `raw` if it is a path on this site (not //host, not /\host, no scheme), else null. */
export function safeRedirect(raw: unknown): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and back slashes have no place in our paths; browsers treat some as slashes.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const path = value.split(/[?#]/)[0]!;
  if (AUTH_PATHS.includes(path)) return null;
  return value;
}

/** The redirect for a link to /login or /signup from `fullPath`; none from home, which is where people land anyway. */
export function redirectFrom(fullPath: string): string | undefined {
  const safe = safeRedirect(fullPath);
  return safe && safe !== '/' ? safe : undefined;
}

export interface LandingViewer {
  isPlatformAdmin: boolean;
  memberships: readonly { organisation?: { kind?: string } }[];
}

/**
 * The page they came from; otherwise where their work is (the verification queue for platform
 * admins, the buyer home for members of buyer organisations only, the console for members of any
 * other organisation); otherwise home.
 */
export function landingPath(redirect: unknown, viewer: LandingViewer | null): string {
  const safe = safeRedirect(redirect);
  if (safe) return safe;
  if (viewer?.isPlatformAdmin) return '/admin';
  if (!viewer || viewer.memberships.length === 0) return '/';
  return viewer.memberships.every((m) => m.organisation?.kind === 'BUYER') ? '/buyer' : '/console';
}
