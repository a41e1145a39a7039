import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { graphqlOptions } from './common/graphql.config';
import { Metrics } from './common/metrics';
import { PgNotificationsModule } from './common/pg-notifications.module';
import { PublicCacheModule } from './common/public-cache/public-cache.module';
import { ResponseCache } from './common/public-cache/response-cache';
import { APP_CONFIG, type AppConfig } from './config';
import { ormConfig } from './database/orm.config';
import { CatalogModule } from './modules/catalog/catalog.module';
import { EventsModule } from './modules/events/events.module';
import { GeoModule } from './modules/geo/geo.module';
import { HealthModule } from './modules/health/health.module';
import { AuthService } from './modules/identity/auth.service';
import { IdentityModule } from './modules/identity/identity.module';
import { LogisticsModule } from './modules/logistics/logistics.module';
import { MarketModule } from './modules/market/market.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrderingModule } from './modules/ordering/ordering.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { SearchModule } from './modules/search/search.module';
import { TradeModule } from './modules/trade/trade.module';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Metrics, useValue: new Metrics() },
      ],
      exports: [APP_CONFIG, Metrics],
    };
  }
}

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  poolMax?: number;
  /** more modules to load beside the product's own (tests add event handlers and schedules this way) */
  extraModules?: Type[];
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logger, poolMax, extraModules = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        // each request gets its own EntityManager fork from a Fastify hook (see server.ts)
        MikroOrmModule.forRoot({ ...ormConfig({ url: databaseUrl, poolMax }), registerRequestContext: false }),
        PgNotificationsModule.forRoot({ databaseUrl, logger }),
        PublicCacheModule.forRoot({ maxBytes: config.publicCacheMb * 1024 * 1024 }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [AuthService, ResponseCache, Metrics],
          useFactory: (auth: AuthService, cache: ResponseCache, metrics: Metrics) => graphqlOptions(config, auth, cache, logger, metrics),
        }),
        HealthModule,
        EventsModule,
        GeoModule,
        IdentityModule,
        CatalogModule,
        NotificationsModule,
        SearchModule,
        LogisticsModule,
        PaymentsModule,
        OrderingModule,
        MarketModule,
        TradeModule,
        ...extraModules,
      ],
    };
  }
}
