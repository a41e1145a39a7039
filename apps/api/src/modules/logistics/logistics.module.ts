import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { IdentityModule } from '../identity/identity.module';
import { LogisticsResolver } from './logistics.resolver';
import { LogisticsService } from './logistics.service';
import { TrackingWebhook } from './tracking-webhook';
// the module's error codes join the catalogue when the module is loaded
import './logistics.errors';

/** Shipping templates and freight, village service stations, shipments and tracking (with the carriers' webhook). */
@Module({
  imports: [GeoModule, IdentityModule],
  providers: [LogisticsService, LogisticsResolver, TrackingWebhook],
  exports: [LogisticsService, TrackingWebhook],
})
export class LogisticsModule {}
