import { Category } from '../modules/catalog/category.entity';
import { Channel } from '../modules/catalog/channel.entity';
import { ListingImage } from '../modules/catalog/listing-image.entity';
import { Listing } from '../modules/catalog/listing.entity';
import { StockMovement } from '../modules/catalog/stock-movement.entity';
import { HandledEvent } from '../modules/events/handled-event.entity';
import { JobFailure } from '../modules/events/job-failure.entity';
import { OutboxEvent } from '../modules/events/outbox-event.entity';
import { County } from '../modules/geo/county.entity';
import { NotificationPreference } from '../modules/notifications/notification-preference.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { LoginThrottle } from '../modules/identity/login-throttle.entity';
import { Membership } from '../modules/identity/membership.entity';
import { Organisation } from '../modules/identity/organisation.entity';
import { RefreshToken } from '../modules/identity/refresh-token.entity';
import { User } from '../modules/identity/user.entity';
import { SearchDocument } from '../modules/search/search-document.entity';
import { SearchIndexState } from '../modules/search/search-index-state.entity';
import { Checkout, OrderLine, OrderReview, OrderTransition, SalesOrder, SalesRecord } from '../modules/ordering/ordering.entities';
import { ServiceStation, Shipment, ShippingTemplate, TrackingEvent, WebhookDelivery } from '../modules/logistics/logistics.entities';
import { PaymentRecord, SellerBankAccount } from '../modules/payments/payments.entities';
import { SettlementEntry } from '../modules/payments/settlement.entity';
import { AlipayNotification, AlipayTrade } from '../modules/ordering/alipay-trade.entities';
import { AlertWebhook, AlertWebhookDelivery, Commodity, ImportMapping, Market, MarketReporter, PriceAlert, PriceImport, PriceImportChunk, PriceImportError, PriceSubscription } from '../modules/market/market.entities';
import { PurchaseRequest, RequestQuote } from '../modules/trade/trade.entities';
import { SearchTerm } from '../modules/search/search-term.entity';

export const ENTITIES = [
  County,
  User,
  RefreshToken,
  LoginThrottle,
  Organisation,
  Membership,
  Channel,
  Category,
  Listing,
  ListingImage,
  StockMovement,
  OutboxEvent,
  HandledEvent,
  JobFailure,
  Notification,
  NotificationPreference,
  SearchDocument,
  SearchTerm,
  SearchIndexState,
  ShippingTemplate,
  ServiceStation,
  Shipment,
  TrackingEvent,
  WebhookDelivery,
  SellerBankAccount,
  PaymentRecord,
  Checkout,
  SalesOrder,
  OrderLine,
  OrderTransition,
  SalesRecord,
  OrderReview,
  Commodity,
  Market,
  PriceImport,
  PriceImportError,
  PriceImportChunk,
  PriceSubscription,
  AlertWebhook,
  AlertWebhookDelivery,
  PriceAlert,
  MarketReporter,
  PurchaseRequest,
  RequestQuote,
  ImportMapping,
  SettlementEntry,
  AlipayTrade,
  AlipayNotification,
];
