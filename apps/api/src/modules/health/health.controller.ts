import { MikroORM } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { Metrics } from '../../common/metrics';
import { APP_CONFIG, type AppConfig } from '../../config';
import { migrationsCurrent } from '../../database/migrate';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@Controller()
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Figures for Prometheus (text format): GraphQL operations, the job queue, live connections, the process. */
  @Get('metrics')
  async metricsText(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = this.config.metricsToken;
    if (token && !sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) throw new DomainError('auth/unauthenticated');
    void reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store');
    return this.metrics.text();
  }

  /** The process is up and serving. */
  @Get('healthz')
  @HttpCode(200)
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database answers and every migration is applied: ready for traffic. */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: string; migrations: string }> {
    let database = 'unreachable';
    let migrations = 'unknown';
    try {
      await this.orm.em.getConnection().execute('select 1');
      database = 'ok';
      migrations = (await migrationsCurrent(this.orm)) ? 'current' : 'pending';
    } catch {
      // reported below
    }
    const ok = database === 'ok' && migrations === 'current';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, migrations };
  }
}
