import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors';
import { UPLOADED_FILE_CSP } from '../http-headers';
import { fileKeyType } from './file-key';
import type { FileStorage } from './file-storage.port';

/** A stored file never changes under its key: anyone may keep it for a week without asking again. */
const FILE_CACHE_CONTROL = 'public, max-age=604800, immutable';

/**
 * Serves stored files at `/files/<key>` with the same URL and headers whichever backend holds them:
 * the stored type, cached for a week, shown inline and never run (UPLOADED_FILE_CSP; nosniff comes
 * with every answer). Only keys the API writes are looked up: anything else (`..`, an absolute
 * path, a name it never gave out) is not found without asking the storage.
 */
export function registerFileServing(fastify: FastifyInstance, storage: FileStorage): void {
  fastify.get('/files/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const file = fileKeyType(key) ? await storage.get(key) : null;
    if (!file) return reply.status(404).send(new DomainError('request/not-found').toBody());
    reply
      .header('content-type', file.contentType)
      .header('cache-control', FILE_CACHE_CONTROL)
      .header('content-security-policy', UPLOADED_FILE_CSP)
      .header('content-disposition', `inline; filename="${key.slice(key.lastIndexOf('/') + 1)}"`);
    if (file.byteSize !== undefined) reply.header('content-length', file.byteSize);
    return reply.send(file.body);
  });
}
