import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FastifyReply, LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { NestPinoLogger } from './common/logger';
import { ResponseCache } from './common/public-cache/response-cache';
import { registerStoredAnswers } from './common/public-cache/response-cache.plugin';
import type { AppConfig } from './config';
import { MAX_IMAGE_BYTES } from './modules/catalog/image-upload';

export interface ServerOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  poolMax?: number;
}

const API_PREFIXES = ['/graphql', '/api/', '/files/', '/healthz', '/readyz'];

/**
 * Builds the whole HTTP application: GraphQL at /graphql, uploads, health endpoints, uploaded files
 * and the built storefront on the same port, with a JSON log line per request carrying its id.
 */
export async function createServer({ config, databaseUrl, logger, poolMax }: ServerOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    return503OnClosing: true,
    // one line per request, written when it is answered (see the onResponse hook below)
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, logger, poolMax }),
    adapter,
    { logger: new NestPinoLogger(logger), bufferLogs: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Stored answers to anonymous catalogue queries go out first, before anything is set up for them.
  registerStoredAnswers(fastify, app.get(ResponseCache));
  // Every other request gets its own EntityManager fork, from a plain hook rather than a Nest middleware.
  const orm = app.get(MikroORM);
  fastify.addHook('preHandler', (_request, _reply, done) => {
    RequestContext.create(orm.em, done);
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0]!;
    // Storefront files and health checks are routine: logged at debug unless they fail.
    const routine = reply.statusCode < 400 && (path === '/healthz' || path === '/readyz' || !API_PREFIXES.some((p) => path.startsWith(p)));
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (routine) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
  await app.register(fastifyMultipart as never, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 } });
  mkdirSync(config.uploadsDir, { recursive: true });
  await app.register(fastifyStatic as never, { root: config.uploadsDir, prefix: '/files/', decorateReply: false, index: false, immutable: true, maxAge: '7d' });
  if (config.webDistDir) {
    const webDist = config.webDistDir;
    const indexHtml = readFileSync(join(webDist, 'index.html'));
    await app.register(fastifyStatic as never, { root: webDist, prefix: '/', wildcard: false, index: false, decorateReply: false });
    // The storefront routes in the browser: GET paths that match nothing else get its index page.
    const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    fastify.get('/', (_request, reply) => sendIndex(reply));
    fastify.get('/*', (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (API_PREFIXES.some((p) => path.startsWith(p))) {
        return reply.status(404).send({ code: 'request/not-found', messageZh: '页面不存在', messageEn: 'Not found' });
      }
      return sendIndex(reply);
    });
  }
  await app.init();
  return app;
}
