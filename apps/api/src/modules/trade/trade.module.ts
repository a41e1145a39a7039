import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TradeResolver } from './trade.resolver';
import { TradeService } from './trade.service';
// the module's error codes and events join the catalogue when the module is loaded
import './trade.errors';
import './trade.events';

/** Purchase requests (求购), quotes on them, and matching requests with listings. */
@Module({
  imports: [EventsModule, GeoModule, IdentityModule, NotificationsModule],
  providers: [TradeService, TradeResolver],
  exports: [TradeService],
})
export class TradeModule {}
