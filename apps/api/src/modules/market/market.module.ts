import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AlertWebhooks } from './alert-webhooks';
import { AlertWebhooksResolver } from './alert-webhooks.resolver';
import { ImportUploadController } from './import-upload.controller';
import { MarketReference } from './market-reference';
import { MarketReportsService } from './market-reports.service';
import { MarketReportsResolver, MarketResolver, PriceImportResolver, PriceSubscriptionResolver } from './market.resolver';
import { PriceAlertsService } from './price-alerts.service';
import { MarketService } from './market.service';
import { PriceImportService } from './price-import.service';
import { PriceObservations } from './price-observations';
import { TradePrices } from './trade-prices';
import { PriceComparison, PriceComparisonResolver } from './price-comparison';
import { TradeFlowsController } from './trade-flows.controller';
import { TradeFlowsService } from './trade-flows';
import { TradeFlowsResolver } from './trade-flows.resolver';
// the module's error codes join the catalogue when the module is loaded
import './market.errors';
import './market.events';

/** Market information: commodities and markets, price imports, series, movers and channel indices. */
@Module({
  imports: [CatalogModule, EventsModule, GeoModule, IdentityModule, NotificationsModule],
  controllers: [ImportUploadController, TradeFlowsController],
  providers: [MarketReference, MarketService, PriceImportService, PriceObservations, PriceAlertsService, MarketReportsService, TradePrices, PriceComparison, PriceComparisonResolver, TradeFlowsService, TradeFlowsResolver, AlertWebhooks, AlertWebhooksResolver, MarketResolver, PriceImportResolver, PriceSubscriptionResolver, MarketReportsResolver],
  exports: [MarketService, PriceImportService, PriceObservations],
})
export class MarketModule {}
