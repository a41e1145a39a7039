import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { IdentityModule } from '../identity/identity.module';
import { LogisticsModule } from '../logistics/logistics.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentsModule } from '../payments/payments.module';
import { TradeModule } from '../trade/trade.module';
import { AlipayJobs } from './alipay-jobs';
import { AlipayPayments } from './alipay-payments';
import { AlipayPaymentsResolver } from './alipay-payments.resolver';
import { CheckoutService } from './checkout.service';
import { OrderJobs } from './order-jobs';
import { OrderNotices } from './order-notices';
import { OrderService } from './order.service';
import { OrderResolver } from './ordering.resolver';
import { SalesService } from './sales.service';
// the module's error codes and events join the catalogue when the module is loaded
import './ordering.errors';
import './ordering.events';

/** Checkout across sellers, the order state machine, its schedules and notices, Alipay payments of orders, sales figures. */
@Module({
  imports: [CatalogModule, EventsModule, GeoModule, IdentityModule, LogisticsModule, NotificationsModule, PaymentsModule, TradeModule],
  providers: [CheckoutService, OrderService, SalesService, OrderJobs, OrderNotices, OrderResolver, AlipayPayments, AlipayJobs, AlipayPaymentsResolver],
  exports: [CheckoutService, OrderService, AlipayPayments],
})
export class OrderingModule {}
