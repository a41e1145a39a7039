import { MikroORM } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { migrationsCurrent } from '../../database/migrate';

@Controller()
export class HealthController {
  constructor(private readonly orm: MikroORM) {}

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
