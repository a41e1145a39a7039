import { describe, expect, it } from 'vitest';
import { securityHeaders, storefrontSecurityHeaders } from './http-headers';

describe('security headers', () => {
  it('are helmet’s, worked out once: the storefront CSP, no framing, nosniff, HSTS only in production', () => {
    const production = new Map(storefrontSecurityHeaders(true));
    expect(production.get('content-security-policy')).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;connect-src 'self';font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(production.get('x-frame-options')).toBe('DENY');
    expect(production.get('x-content-type-options')).toBe('nosniff');
    expect(production.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(production.get('strict-transport-security')).toBe('max-age=15552000');
    expect(production.has('cross-origin-embedder-policy')).toBe(false);
    const development = new Map(storefrontSecurityHeaders(false));
    expect(development.has('strict-transport-security')).toBe(false);
    expect([...development.keys()].sort()).toEqual([...production.keys()].filter((name) => name !== 'strict-transport-security').sort());
  });

  it('refuses a directive that would depend on the request', () => {
    const nonce = () => "'nonce-abc'";
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", nonce] } } })).toThrow(/per request/);
  });
});
