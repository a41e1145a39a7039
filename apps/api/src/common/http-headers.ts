import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the storefront may load: its own scripts, styles, images (and the blob: previews of photos
 * about to be uploaded), and its own API. No inline script, no framing by other sites.
 */
const STOREFRONT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // the product may be served over plain HTTP (the embedded default); a TLS proxy adds this itself
  upgradeInsecureRequests: null,
};

/** Uploaded files are only ever shown as images: a document opened from /files/ can do nothing. */
export const UPLOADED_FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** Responses smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * The headers helmet sets for `options`, worked out once: with no per-request parts (no nonces, no
 * directive computed from the request) they are the same for every response, so helmet's middleware
 * need not be built and run again for each one.
 */
export function securityHeaders(options: HelmetOptions): [name: string, value: string][] {
  const directives = typeof options.contentSecurityPolicy === 'object' ? Object.values(options.contentSecurityPolicy.directives ?? {}) : [];
  if (directives.some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((part) => typeof part === 'function')))) {
    throw new Error('a CSP directive computed per request cannot be worked out once');
  }
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return [...headers];
}

/** The security headers of every response: helmet's defaults with the storefront's CSP, no framing, HSTS in production. */
export function storefrontSecurityHeaders(production: boolean): [name: string, value: string][] {
  return securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: STOREFRONT_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: production ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}

/**
 * Security headers and compression for every response, from one place: nosniff, the CSP above,
 * frame-ancestors and X-Frame-Options, a Referrer-Policy that keeps paths on the site, HSTS in
 * production; brotli or gzip for answers the client accepts compressed (the storefront's files
 * are compressed once at build time and served as they are, see server.ts).
 * infra/nginx.conf keeps the same headers for deployments behind it.
 */
export async function registerHttpHeaders(fastify: FastifyInstance, { production }: { production: boolean }): Promise<void> {
  const headers = storefrontSecurityHeaders(production);
  // on the raw response, as helmet's middleware sets them: a route's own header (the uploads' CSP) still wins
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await fastify.register(fastifyCompress, { global: true, threshold: COMPRESS_THRESHOLD_BYTES, encodings: ['br', 'gzip'] });
}
