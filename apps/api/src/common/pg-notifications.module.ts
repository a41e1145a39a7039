import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { PgNotificationHub } from './pg-notifications';

/** The process's one LISTEN connection (see PgNotificationHub), for every module that follows changes. */
@Global()
@Module({})
export class PgNotificationsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(PgNotificationHub) private readonly hub: PgNotificationHub) {}

  static forRoot({ databaseUrl, logger }: { databaseUrl: string; logger: Logger }): DynamicModule {
    return {
      module: PgNotificationsModule,
      providers: [{ provide: PgNotificationHub, useValue: new PgNotificationHub(databaseUrl, logger) }],
      exports: [PgNotificationHub],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.hub.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.hub.stop();
  }
}
