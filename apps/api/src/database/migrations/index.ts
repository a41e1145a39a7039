import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129062509_Foundation } from './Migration20261129062509_Foundation';
import { Migration20261129062600_ListingChecks } from './Migration20261129062600_ListingChecks';
import { Migration20261129070000_PublicListingIndex } from './Migration20261129070000_PublicListingIndex';
import { Migration20261129090000_PublicDataChanges } from './Migration20261129090000_PublicDataChanges';
import { Migration20261130223259_InputLimits } from './Migration20261130223259_InputLimits';
import { Migration20261130232525_Outbox } from './Migration20261130232525_Outbox';
import { Migration20261130232747_StockLedger } from './Migration20261130232747_StockLedger';
import { Migration20261130233649_Notifications } from './Migration20261130233649_Notifications';
import { Migration20261201001826_Search } from './Migration20261201001826_Search';
import { Migration20261201030000_SearchCards } from './Migration20261201030000_SearchCards';
import { Migration20261201031226_Ordering } from './Migration20261201031226_Ordering';
import { Migration20261201032733_Alipay } from './Migration20261201032733_Alipay';
import { Migration20261201034523_Market } from './Migration20261201034523_Market';
import { Migration20261201042726_PriceAlerts } from './Migration20261201042726_PriceAlerts';
import { Migration20261201043012_MarketReporters } from './Migration20261201043012_MarketReporters';
import { Migration20261201044341_Trade } from './Migration20261201044341_Trade';
import { Migration20261201060000_AlertCrossings } from './Migration20261201060000_AlertCrossings';
import { Migration20261201061000_TradePrices } from './Migration20261201061000_TradePrices';
import { Migration20261201062000_AlertWebhooks } from './Migration20261201062000_AlertWebhooks';
import { Migration20261201063000_TradeFlows } from './Migration20261201063000_TradeFlows';
import { Migration20261201064000_AdminRightsAnnounced } from './Migration20261201064000_AdminRightsAnnounced';

/** Every migration, oldest first. Listed by hand so that compiled and test builds find the same set. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261129062509_Foundation', class: Migration20261129062509_Foundation },
  { name: 'Migration20261129062600_ListingChecks', class: Migration20261129062600_ListingChecks },
  { name: 'Migration20261129070000_PublicListingIndex', class: Migration20261129070000_PublicListingIndex },
  { name: 'Migration20261129090000_PublicDataChanges', class: Migration20261129090000_PublicDataChanges },
  { name: 'Migration20261130223259_InputLimits', class: Migration20261130223259_InputLimits },
  { name: 'Migration20261130232525_Outbox', class: Migration20261130232525_Outbox },
  { name: 'Migration20261130232747_StockLedger', class: Migration20261130232747_StockLedger },
  { name: 'Migration20261130233649_Notifications', class: Migration20261130233649_Notifications },
  { name: 'Migration20261201001826_Search', class: Migration20261201001826_Search },
  { name: 'Migration20261201030000_SearchCards', class: Migration20261201030000_SearchCards },
  { name: 'Migration20261201031226_Ordering', class: Migration20261201031226_Ordering },
  { name: 'Migration20261201032733_Alipay', class: Migration20261201032733_Alipay },
  { name: 'Migration20261201034523_Market', class: Migration20261201034523_Market },
  { name: 'Migration20261201042726_PriceAlerts', class: Migration20261201042726_PriceAlerts },
  { name: 'Migration20261201043012_MarketReporters', class: Migration20261201043012_MarketReporters },
  { name: 'Migration20261201044341_Trade', class: Migration20261201044341_Trade },
  { name: 'Migration20261201060000_AlertCrossings', class: Migration20261201060000_AlertCrossings },
  { name: 'Migration20261201061000_TradePrices', class: Migration20261201061000_TradePrices },
  { name: 'Migration20261201062000_AlertWebhooks', class: Migration20261201062000_AlertWebhooks },
  { name: 'Migration20261201063000_TradeFlows', class: Migration20261201063000_TradeFlows },
  { name: 'Migration20261201064000_AdminRightsAnnounced', class: Migration20261201064000_AdminRightsAnnounced },
];
