import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PgNotificationHub } from '../pg-notifications';
import { PUBLIC_DATA_CHANNEL, PublicDataListener } from './public-data.listener';
import { ResponseCache } from './response-cache';

/** Even with every change heard, no answer is served older than this. */
const ANSWER_TTL_MS = 60_000;

/** The response cache for anonymous catalogue queries, kept current by the changes PostgreSQL announces. */
@Global()
@Module({})
export class PublicCacheModule implements OnModuleInit {
  constructor(
    @Inject(ResponseCache) private readonly cache: ResponseCache,
    @Inject(PgNotificationHub) private readonly hub: PgNotificationHub,
  ) {}

  /** `maxBytes`: budget in bytes of JSON; 0 turns the cache off */
  static forRoot({ maxBytes }: { maxBytes: number }): DynamicModule {
    return {
      module: PublicCacheModule,
      providers: [{ provide: ResponseCache, useValue: new ResponseCache({ maxBytes, ttlMs: ANSWER_TTL_MS }) }],
      exports: [ResponseCache],
    };
  }

  onModuleInit(): void {
    if (this.cache.hasBudget) this.hub.subscribe(PUBLIC_DATA_CHANNEL, new PublicDataListener(this.cache));
  }
}
