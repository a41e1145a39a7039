import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { PublicDataListener } from './public-data.listener';
import { ResponseCache } from './response-cache';

export interface PublicCacheOptions {
  databaseUrl: string;
  logger: Logger;
  /** budget in bytes of JSON; 0 turns the cache off */
  maxBytes: number;
}

/** Even with every change heard, no answer is served older than this. */
const ANSWER_TTL_MS = 60_000;

/** The response cache for anonymous catalogue queries and the listener that keeps it current. */
@Global()
@Module({})
export class PublicCacheModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PublicDataListener) private readonly changes: PublicDataListener,
    @Inject(ResponseCache) private readonly cache: ResponseCache,
  ) {}

  static forRoot({ databaseUrl, logger, maxBytes }: PublicCacheOptions): DynamicModule {
    const cache = new ResponseCache({ maxBytes, ttlMs: ANSWER_TTL_MS });
    return {
      module: PublicCacheModule,
      providers: [
        { provide: ResponseCache, useValue: cache },
        { provide: PublicDataListener, useValue: new PublicDataListener(databaseUrl, cache, logger) },
      ],
      exports: [ResponseCache],
    };
  }

  async onModuleInit(): Promise<void> {
    if (this.cache.hasBudget) await this.changes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes.stop();
  }
}
