import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { type FastifyReply, LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { DomainError } from './common/errors';
import { ExceptionFilter } from './common/exception.filter';
import { LiveServer, SESSION_ENDED_CHANNEL } from './common/live/live-server';
import { PgNotificationHub } from './common/pg-notifications';
import { FileStorage } from './common/file-storage/file-storage.port';
import { registerFileServing } from './common/file-storage/files.route';
import { registerHttpHeaders } from './common/http-headers';
import { registerInputGuard } from './common/input-guard';
import { NestPinoLogger } from './common/logger';
import { Metrics } from './common/metrics';
import { ResponseCache } from './common/public-cache/response-cache';
import { registerStoredAnswers } from './common/public-cache/response-cache.plugin';
import { startRequestsInBatches } from './common/request-batches';
import type { AppConfig } from './config';
import { MAX_IMAGE_BYTES } from './modules/catalog/image-upload';
import { AuthService } from './modules/identity/auth.service';
import { registerTrackingWebhook, TrackingWebhook } from './modules/logistics/tracking-webhook';
import { AlipayPayments } from './modules/ordering/alipay-payments';
import { registerAlipayNotify } from './modules/ordering/alipay-notify';

export interface ServerOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  poolMax?: number;
  extraModules?: Type[];
}

const API_PREFIXES = ['/graphql', '/api/', '/files/', '/healthz', '/readyz', '/metrics'];
/** Text answers longer than this (in UTF-16 units) are written as bytes; shorter ones fit Node's own buffer pool as they are. */
const TEXT_AS_BYTES_FROM = 4096;

/**
 * Builds the whole HTTP application: GraphQL at /graphql, uploads, health endpoints, uploaded files
 * and the built storefront on the same port, with a JSON log line per request carrying its id.
 */
export async function createServer({ config, databaseUrl, logger, poolMax, extraModules }: ServerOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // one line per request, written when it is answered (see the onResponse hook below)
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, logger, poolMax, extraModules }),
    adapter,
    { logger: new NestPinoLogger(logger), bufferLogs: false },
  );
  app.useGlobalFilters(new ExceptionFilter(app.getHttpAdapter()));
  // each turn's requests are started together, the longest-waiting connection first
  startRequestsInBatches(app.getHttpServer());
  const fastify = app.getHttpAdapter().getInstance();
  await registerHttpHeaders(fastify, { production: config.production });
  // Hostile variables are refused before anything walks them, the response cache's key included.
  registerInputGuard(fastify);
  // Stored answers to anonymous catalogue queries go out next, before anything is set up for them.
  registerStoredAnswers(fastify, app.get(ResponseCache), app.get(Metrics));
  // Every other request gets its own EntityManager fork, from a plain hook rather than a Nest middleware.
  const orm = app.get<MikroORM>(MikroORM);
  fastify.addHook('preHandler', (_request, _reply, done) => {
    RequestContext.create(orm.em, done);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // A text answer leaves as its bytes: as a string, Node would join it to the headers, one more copy of it on the heap
    done(null, typeof payload === 'string' && payload.length > TEXT_AS_BYTES_FROM ? Buffer.from(payload) : payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0]!;
    // Storefront files and health checks are routine: logged at debug unless they fail.
    const routine = reply.statusCode < 400 && (path === '/healthz' || path === '/readyz' || path === '/metrics' || !API_PREFIXES.some((p) => path.startsWith(p)));
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (routine) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
  await app.register(fastifyMultipart as never, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 } });
  await registerTrackingWebhook(fastify, app.get(TrackingWebhook));
  await registerAlipayNotify(fastify, app.get(AlipayPayments));
  // uploaded files, from the uploads folder or the bucket, at the same URLs with the same headers
  registerFileServing(fastify, app.get(FileStorage));
  if (config.webDistDir) {
    const webDist = config.webDistDir;
    const indexHtml = readFileSync(join(webDist, 'index.html'));
    // Built files carry a content hash in their name under /assets/: they never change, so they are
    // cached for a year; the few others (the icon) for a day. Brotli and gzip copies are made at build.
    await fastify.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) =>
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=86400'),
    });
    // The storefront routes in the browser: GET paths that match nothing else get its index page.
    const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    fastify.get('/', (_request, reply) => sendIndex(reply));
    fastify.get('/*', (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (API_PREFIXES.some((p) => path.startsWith(p))) return reply.status(404).send(new DomainError('request/not-found').toBody());
      return sendIndex(reply);
    });
  }
  await app.init();
  attachLiveServer(app, orm, logger);
  return app;
}

/** GraphQL subscriptions on the same port and path, closed before the HTTP server so that shutdown does not wait for them. */
function attachLiveServer(app: NestFastifyApplication, orm: MikroORM, logger: Logger): void {
  const live = new LiveServer({
    schema: app.get(GraphQLSchemaHost).schema,
    auth: app.get(AuthService),
    logger,
    inContext: (run) => RequestContext.create(orm.em, run),
  });
  live.attach(app.getHttpServer());
  app.get(Metrics).gauges({ live_connections: 'WebSocket connections open on this process' }, () => ({ live_connections: live.connections }));
  const stopHearing = app.get(PgNotificationHub).subscribe(SESSION_ENDED_CHANNEL, live);
  app.getHttpAdapter().getInstance().addHook('preClose', async () => {
    stopHearing();
    await live.close();
  });
}
