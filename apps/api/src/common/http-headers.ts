import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * Security headers and compression for every response, from one place: nosniff, the CSP above,
 * frame-ancestors and X-Frame-Options, a Referrer-Policy that keeps paths on the site, HSTS in
 * production; brotli or gzip for answers the client accepts compressed (the storefront's files
 * are compressed once at build time and served as they are, see server.ts).
 * infra/nginx.conf keeps the same headers for deployments behind it.
 */
export async function registerHttpHeaders(fastify: FastifyInstance, { production }: { production: boolean }): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: STOREFRONT_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: production ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
  await fastify.register(fastifyCompress, { global: true, threshold: COMPRESS_THRESHOLD_BYTES, encodings: ['br', 'gzip'] });
}
