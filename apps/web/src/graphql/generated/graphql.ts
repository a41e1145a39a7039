// Generated from src/graphql/documents/*.graphql and apps/api/schema.graphql by GraphQL Code Generator (codegen.ts). Do not edit.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** A JSON value */
  JSON: { input: unknown; output: unknown; }
};

export type AddMemberInput = {
  organisationId: Scalars['ID']['input'];
  phone: Scalars['String']['input'];
  role: MemberRole;
};

/** 电脑网站支付 / 手机网站支付 / 扫码支付（用另一部手机扫码） */
export type AlipayChannel =
  | 'PAGE'
  | 'QR'
  | 'WAP';

export type BankAccountInput = {
  accountName: Scalars['String']['input'];
  accountNumber: Scalars['String']['input'];
  bankName: Scalars['String']['input'];
};

export type CartInput = {
  delivery: DeliveryInput;
  lines: Array<CartLineInput>;
  /** A note to the sellers, at most 100 characters */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How each seller’s order is paid unless sellerPaymentMethods says otherwise */
  paymentMethod: PaymentMethod;
  sellerPaymentMethods?: InputMaybe<Array<SellerPaymentMethodInput>>;
};

export type CartLineInput = {
  listingId: Scalars['ID']['input'];
  /** In the listing’s unit */
  quantity: Scalars['Int']['input'];
  /** An accepted 求购 quote: the line is priced as agreed (up to the quoted quantity), once */
  quoteId?: InputMaybe<Scalars['ID']['input']>;
};

export type ChangeMemberRoleInput = {
  organisationId: Scalars['ID']['input'];
  role: MemberRole;
  userId: Scalars['ID']['input'];
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChannelCategoryInput = {
  /** Sub-categories */
  children?: InputMaybe<Array<ChannelCategoryInput>>;
  nameEn: Scalars['String']['input'];
  nameZh: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};

export type CheckoutInput = {
  delivery: DeliveryInput;
  /** The total the buyer confirmed; when the server’s differs nothing is placed (ordering/price-changed) */
  expectedTotalFen?: InputMaybe<Scalars['Int']['input']>;
  /** Chosen by the client for this checkout (8–64 letters, digits, - or _); a retry with the same key returns the same orders */
  idempotencyKey: Scalars['String']['input'];
  lines: Array<CartLineInput>;
  /** A note to the sellers, at most 100 characters */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How each seller’s order is paid unless sellerPaymentMethods says otherwise */
  paymentMethod: PaymentMethod;
  sellerPaymentMethods?: InputMaybe<Array<SellerPaymentMethodInput>>;
};

export type CreateChannelInput = {
  attributeSchema: Scalars['JSON']['input'];
  categories: Array<ChannelCategoryInput>;
  code: Scalars['String']['input'];
  descriptionEn?: InputMaybe<Scalars['String']['input']>;
  descriptionZh?: InputMaybe<Scalars['String']['input']>;
  nameEn: Scalars['String']['input'];
  nameZh: Scalars['String']['input'];
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateListingInput = {
  attributes: Scalars['JSON']['input'];
  categoryId: Scalars['ID']['input'];
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  channelCode: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** Uploaded image ids, in display order */
  imageIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  minOrderQuantity: Scalars['Int']['input'];
  organisationId: Scalars['ID']['input'];
  originCountyCode: Scalars['String']['input'];
  priceTiers: Array<PriceTierInput>;
  /** Put on sale at once (default: keep as draft) */
  publish?: InputMaybe<Scalars['Boolean']['input']>;
  stock: Scalars['Int']['input'];
  title: Scalars['String']['input'];
  unit: Scalars['String']['input'];
};

export type CreateOrganisationInput = {
  /** 公开联系人 / Public contact name, shown to signed-in users */
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** 公开联系电话 / Public contact mobile number, shown to signed-in users */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 county code in Hunan */
  countyCode: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  kind: OrganisationKind;
  name: Scalars['String']['input'];
  /** 统一社会信用代码 (18 characters) */
  uscc: Scalars['String']['input'];
};

export type CreateServiceStationInput = {
  address: Scalars['String']['input'];
  countyCode: Scalars['String']['input'];
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};

/** 收货方式：送到地址，或送到村级服务站自提 / Delivery to an address, or to a village service station for pickup */
export type DeliveryInput = {
  /** Township, village, street (without a station) */
  address?: InputMaybe<Scalars['String']['input']>;
  /** County code of the address (without a station) */
  countyCode?: InputMaybe<Scalars['String']['input']>;
  recipientName: Scalars['String']['input'];
  recipientPhone: Scalars['String']['input'];
  /** A service station; its county and address are used */
  stationId?: InputMaybe<Scalars['ID']['input']>;
};

export type FreightZoneInput = {
  additionalFen: Scalars['Int']['input'];
  additionalKg: Scalars['Int']['input'];
  firstFen: Scalars['Int']['input'];
  firstKg: Scalars['Int']['input'];
  /** County (430923), prefecture (430900) or province (430000) codes */
  regions: Array<Scalars['String']['input']>;
};

/** 草稿 / 在售 / 暂停 / 售罄 / 已归档 */
export type ListingStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PAUSED'
  | 'SOLD_OUT';

export type LogInInput = {
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

/** 所有者 / 管理员 / 员工 */
export type MemberRole =
  | 'MANAGER'
  | 'OWNER'
  | 'STAFF';

/** 待付款 / 待发货 / 已发货 / 已到服务站 / 已送达 / 已完成 / 已取消 / 退款中 / 已退款 */
export type OrderStatus =
  | 'AT_STATION'
  | 'AWAITING_PAYMENT'
  | 'AWAITING_SHIPMENT'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DELIVERED'
  | 'REFUNDED'
  | 'REFUND_REQUESTED'
  | 'SHIPPED';

/** 农民专业合作社 / 家庭农场 / 企业 / 采购方 / 物流合作方 / 村级服务站 */
export type OrganisationKind =
  | 'BUYER'
  | 'COOPERATIVE'
  | 'ENTERPRISE'
  | 'FAMILY_FARM'
  | 'LOGISTICS'
  | 'SERVICE_STATION';

/** 支付宝 / 对公转账 / 货到付款 */
export type PaymentMethod =
  | 'ALIPAY'
  | 'BANK_TRANSFER'
  | 'CASH_ON_DELIVERY';

export type PostPurchaseRequestInput = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  channelCode: Scalars['String']['input'];
  deliveryCountyCode: Scalars['String']['input'];
  maxPriceFen?: InputMaybe<Scalars['Int']['input']>;
  minPriceFen?: InputMaybe<Scalars['Int']['input']>;
  /** YYYY-MM-DD */
  neededBy: Scalars['String']['input'];
  /** The buyer (采购方) organisation posting it */
  organisationId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  title: Scalars['String']['input'];
  /** Unit code, e.g. KG, JIN, TONNE, HEAD */
  unit: Scalars['String']['input'];
  /** YYYY-MM-DD, at most 90 days ahead; 30 days when left out */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/** 高于 / 低于 / N 日涨跌幅 / 每日摘要 */
export type PriceAlertKind =
  | 'ABOVE'
  | 'BELOW'
  | 'DIGEST'
  | 'MOVE';

export type PriceTierInput = {
  minQuantity: Scalars['Int']['input'];
  unitPriceFen: Scalars['Int']['input'];
};

export type QuoteRequestInput = {
  deliveryDate: Scalars['String']['input'];
  /** The seller’s listing the goods come from */
  listingId?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** The seller organisation quoting */
  organisationId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  requestId: Scalars['ID']['input'];
  unitPriceFen: Scalars['Int']['input'];
};

export type ReportPricesInput = {
  /** YYYY-MM-DD within the last 7 days; today (China) when left out */
  date?: InputMaybe<Scalars['String']['input']>;
  marketId: Scalars['ID']['input'];
  quotes: Array<ReportedQuoteInput>;
};

export type ReportedQuoteInput = {
  avgFen: Scalars['Int']['input'];
  /** Commodity code; prices are in its usual unit (see Commodity.unitLabel) */
  commodity: Scalars['String']['input'];
  highFen?: InputMaybe<Scalars['Int']['input']>;
  lowFen?: InputMaybe<Scalars['Int']['input']>;
  specification?: InputMaybe<Scalars['String']['input']>;
};

export type SaveImportMappingInput = {
  fields: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
};

/** 搜索筛选 / Search filters: values within one filter are alternatives, filters combine */
export type SearchFilterInput = {
  /** Category, including its sub-categories */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Certification codes (any of them) */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Channel code, e.g. tea */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Origin county codes (any of them) */
  countyCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only listings with stock */
  inStockOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Highest price per kg, in fen */
  maxPricePerKgFen?: InputMaybe<Scalars['Int']['input']>;
  /** Lowest price per kg, in fen */
  minPricePerKgFen?: InputMaybe<Scalars['Int']['input']>;
  /** Only 扶贫产品 (origin in one of the 51 poverty counties) */
  povertyOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Prefecture (市州) code */
  prefectureCode?: InputMaybe<Scalars['String']['input']>;
};

/** 综合 / 价格从低到高 / 价格从高到低 / 最新 */
export type SearchSort =
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE';

export type SellerPaymentMethodInput = {
  method: PaymentMethod;
  sellerId: Scalars['ID']['input'];
};

/** 日 / 周 / 月 */
export type SeriesInterval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** 近 30 天 / 近一年 / 全部 */
export type SeriesRange =
  | 'ALL'
  | 'DAYS_30'
  | 'YEAR';

export type ShipOrderInput = {
  /** Express company code, e.g. SF, YTO, ZTO, EMS */
  carrier?: InputMaybe<Scalars['String']['input']>;
  /** A verified logistics partner that carries it */
  logisticsOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  orderId: Scalars['ID']['input'];
  /** The seller delivers itself (no carrier) */
  ownDelivery?: InputMaybe<Scalars['Boolean']['input']>;
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

export type ShippingTemplateInput = {
  /** Cold-chain surcharge per started kg of fresh produce (fruit, pork), in fen */
  coldChainFenPerKg: Scalars['Int']['input'];
  /** Counties or prefectures not served */
  excluded: Array<Scalars['String']['input']>;
  /** Goods worth at least this travel free */
  freeAboveFen?: InputMaybe<Scalars['Int']['input']>;
  /** Weight of one piece of a count unit (head, box, bottle), in grams */
  pieceWeightGrams: Scalars['Int']['input'];
  zones: Array<FreightZoneInput>;
};

export type SignUpInput = {
  displayName: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type SubscribePriceInput = {
  /** Commodity code, e.g. live-hog */
  commodity: Scalars['String']['input'];
  /** Only this county: the average of every quote given in it (not with marketId) */
  countyCode?: InputMaybe<Scalars['String']['input']>;
  /** MOVE: over how many days, 1 to 365 (1 when left out: against the previous day with quotes) */
  days?: InputMaybe<Scalars['Int']['input']>;
  kind: PriceAlertKind;
  /** Only this market; everywhere (the province) when neither it nor a county is given */
  marketId?: InputMaybe<Scalars['ID']['input']>;
  /** MOVE: the change in percent, e.g. 5 */
  percent?: InputMaybe<Scalars['Float']['input']>;
  /** ABOVE / BELOW: the average per kg, in fen */
  thresholdFen?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateListingInput = {
  attributes?: InputMaybe<Scalars['JSON']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  imageIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  minOrderQuantity?: InputMaybe<Scalars['Int']['input']>;
  originCountyCode?: InputMaybe<Scalars['String']['input']>;
  priceTiers?: InputMaybe<Array<PriceTierInput>>;
  stock?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrganisationInput = {
  /** Empty text clears it */
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** Empty text clears it */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  countyCode?: InputMaybe<Scalars['String']['input']>;
  /** Empty text clears it */
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** 待认证 / 已认证 / 未通过 / 已暂停 */
export type VerificationStatus =
  | 'PENDING'
  | 'REJECTED'
  | 'SUSPENDED'
  | 'VERIFIED';

export type VerifyOrganisationInput = {
  approve: Scalars['Boolean']['input'];
  organisationId: Scalars['ID']['input'];
  /** Required when refusing */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type AlertWebhookFieldsFragment = { url: string, secret: string, createdAt: string };

export type AlertWebhookDeliveryFieldsFragment = { id: string, event: string, status: string, attempts: number, responseStatus: number | null, error: string | null, createdAt: string, finishedAt: string | null };

export type AlertWebhookQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type AlertWebhookQuery = { myAlertWebhook: { url: string, secret: string, createdAt: string } | null, myAlertWebhookDeliveries: Array<{ id: string, event: string, status: string, attempts: number, responseStatus: number | null, error: string | null, createdAt: string, finishedAt: string | null }> };

export type AlertWebhookDeliveriesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type AlertWebhookDeliveriesQuery = { myAlertWebhookDeliveries: Array<{ id: string, event: string, status: string, attempts: number, responseStatus: number | null, error: string | null, createdAt: string, finishedAt: string | null }> };

export type SetAlertWebhookMutationVariables = Exact<{
  url: Scalars['String']['input'];
}>;


export type SetAlertWebhookMutation = { setAlertWebhook: { url: string, secret: string, createdAt: string } };

export type RemoveAlertWebhookMutationVariables = Exact<{ [key: string]: never; }>;


export type RemoveAlertWebhookMutation = { removeAlertWebhook: boolean };

export type PingAlertWebhookMutationVariables = Exact<{ [key: string]: never; }>;


export type PingAlertWebhookMutation = { pingAlertWebhook: { id: string, event: string, status: string, attempts: number, responseStatus: number | null, error: string | null, createdAt: string, finishedAt: string | null } };

export type CommodityAlertFieldsFragment = { id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, days: number | null, marketId: string | null, countyCode: string | null, beyond: boolean, createdAt: string, commodity: { code: string } };

export type CommodityAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type CommodityAlertsQuery = { myPriceSubscriptions: Array<{ id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, days: number | null, marketId: string | null, countyCode: string | null, beyond: boolean, createdAt: string, commodity: { code: string } }> };

export type FollowCommodityPriceMutationVariables = Exact<{
  input: SubscribePriceInput;
}>;


export type FollowCommodityPriceMutation = { subscribePrice: { id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, days: number | null, marketId: string | null, countyCode: string | null, beyond: boolean, createdAt: string, commodity: { code: string } } };

export type SupplyDemandQueryVariables = Exact<{
  commodity: Scalars['String']['input'];
  weeks: Scalars['Int']['input'];
}>;


export type SupplyDemandQuery = { supplyDemand: Array<{ week: string, supplyKg: number, demandKg: number }> };

export type JobQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type JobQueueQuery = { jobQueue: { waiting: number, running: number, retrying: number, failed: number, outboxWaiting: number, outboxLagSeconds: number, queueLagSeconds: number } };

export type FailedJobFieldsFragment = { id: string, handler: string, error: string, attempts: number, failedAt: string, event: { id: string, type: string, aggregate: string, aggregateId: string, createdAt: string } | null };

export type FailedJobsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FailedJobsQuery = { failedJobs: { nodes: Array<{ id: string, handler: string, error: string, attempts: number, failedAt: string, event: { id: string, type: string, aggregate: string, aggregateId: string, createdAt: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RetryFailedJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetryFailedJobMutation = { retryFailedJob: boolean };

export type ListingCardFragment = { id: string, title: string, isDemo: boolean, isPovertyProduct: boolean, basePriceFen: number, pricePerKgFen: number | null, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, channel: { code: string, nameZh: string, nameEn: string }, seller: { id: string, name: string }, originCounty: { name: string, prefectureName: string }, images: Array<{ url: string }> };

export type ListingsQueryVariables = Exact<{
  channel?: InputMaybe<Scalars['String']['input']>;
  sellerId?: InputMaybe<Scalars['ID']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  povertyOnly?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListingsQuery = { listings: { nodes: Array<{ id: string, title: string, isDemo: boolean, isPovertyProduct: boolean, basePriceFen: number, pricePerKgFen: number | null, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, channel: { code: string, nameZh: string, nameEn: string }, seller: { id: string, name: string }, originCounty: { name: string, prefectureName: string }, images: Array<{ url: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ListingDetailFragment = { id: string, title: string, description: string, attributes: unknown, unit: string, basePriceFen: number, pricePerKgFen: number | null, minOrderQuantity: number, stock: number, certifications: Array<string>, status: ListingStatus, isDemo: boolean, isPovertyProduct: boolean, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, priceTiers: Array<{ minQuantity: number, unitPriceFen: number, pricePerKgFen: number | null }>, seller: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, county: { name: string } }, channel: { code: string, nameZh: string, nameEn: string }, category: { id: string, nameZh: string, nameEn: string }, originCounty: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }, images: Array<{ id: string, url: string }> };

export type ListingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ListingQuery = { listing: { id: string, title: string, description: string, attributes: unknown, unit: string, basePriceFen: number, pricePerKgFen: number | null, minOrderQuantity: number, stock: number, certifications: Array<string>, status: ListingStatus, isDemo: boolean, isPovertyProduct: boolean, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, priceTiers: Array<{ minQuantity: number, unitPriceFen: number, pricePerKgFen: number | null }>, seller: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, county: { name: string } }, channel: { code: string, nameZh: string, nameEn: string }, category: { id: string, nameZh: string, nameEn: string }, originCounty: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }, images: Array<{ id: string, url: string }> } };

export type ConsoleListingFragment = { id: string, title: string, status: ListingStatus, basePriceFen: number, stock: number, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean } };

export type OrganisationListingsQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OrganisationListingsQuery = { organisationListings: { nodes: Array<{ id: string, title: string, status: ListingStatus, basePriceFen: number, stock: number, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateListingMutationVariables = Exact<{
  input: CreateListingInput;
}>;


export type CreateListingMutation = { createListing: { id: string, status: ListingStatus } };

export type UpdateListingMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateListingInput;
}>;


export type UpdateListingMutation = { updateListing: { id: string, status: ListingStatus } };

export type SetListingStatusMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  status: ListingStatus;
}>;


export type SetListingStatusMutation = { setListingStatus: { id: string, status: ListingStatus } };

export type ReportingMarketsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportingMarketsQuery = { myReportingMarkets: Array<{ id: string, code: string, name: string, kind: string, countyCode: string }> };

export type ReportCommoditiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportCommoditiesQuery = { commodities: Array<{ code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string }> };

export type ReportPricesMutationVariables = Exact<{
  input: ReportPricesInput;
}>;


export type ReportPricesMutation = { reportPrices: { id: string, status: string, rowsRead: number, rowsWritten: number } };

export type CommodityFieldsFragment = { code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string };

export type PriceMoverFieldsFragment = { day: string, avgFen: number, previousFen: number, changePercent: number, commodity: { code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string } };

export type MarketFieldsFragment = { id: string, code: string, name: string, kind: string, countyCode: string };

export type PricesOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type PricesOverviewQuery = { commodities: Array<{ code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string }>, priceMovers: Array<{ day: string, avgFen: number, previousFen: number, changePercent: number, commodity: { code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string } }> };

export type ChannelPricesQueryVariables = Exact<{
  channel: Scalars['String']['input'];
}>;


export type ChannelPricesQuery = { commodities: Array<{ code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string }>, priceMovers: Array<{ day: string, avgFen: number, previousFen: number, changePercent: number, commodity: { code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string } }>, channelPriceIndex: { base: string | null, points: Array<{ period: string, value: number }> } };

export type MarketsQueryVariables = Exact<{ [key: string]: never; }>;


export type MarketsQuery = { markets: Array<{ id: string, code: string, name: string, kind: string, countyCode: string }> };

export type PriceSeriesQueryVariables = Exact<{
  commodity: Scalars['String']['input'];
  range: SeriesRange;
  interval: SeriesInterval;
  marketIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type PriceSeriesQuery = { priceSeries: { perUnit: string, monthOnMonthPercent: number | null, yearOnYearPercent: number | null, sampleData: boolean, csv: string, commodity: { code: string, nameZh: string, nameEn: string, channelCode: string, unit: string, unitQuantity: number, unitLabel: string }, points: Array<{ period: string, lowFen: number, avgFen: number, highFen: number, observations: number, anomaly: boolean }> } };

export type PriceImportFieldsFragment = { id: string, fileName: string, mappingName: string | null, status: string, rowsRead: number, rowsChecked: number, rowsWritten: number, errorCount: number, message: string | null, createdAt: string, finishedAt: string | null, isDemo: boolean };

export type PriceImportsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type PriceImportsQuery = { priceImports: Array<{ id: string, fileName: string, mappingName: string | null, status: string, rowsRead: number, rowsChecked: number, rowsWritten: number, errorCount: number, message: string | null, createdAt: string, finishedAt: string | null, isDemo: boolean }> };

export type PriceImportProgressQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PriceImportProgressQuery = { priceImport: { id: string, fileName: string, mappingName: string | null, status: string, rowsRead: number, rowsChecked: number, rowsWritten: number, errorCount: number, message: string | null, createdAt: string, finishedAt: string | null, isDemo: boolean } };

export type PriceImportOutcomeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type PriceImportOutcomeQuery = { priceImport: { id: string, fileName: string, mappingName: string | null, status: string, rowsRead: number, rowsChecked: number, rowsWritten: number, errorCount: number, message: string | null, createdAt: string, finishedAt: string | null, isDemo: boolean, errors: Array<{ line: number, problems: Array<string>, messagesZh: Array<string>, messagesEn: Array<string> }> } };

export type PriceImportErrorsCsvQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PriceImportErrorsCsvQuery = { priceImport: { id: string, errorsCsv: string } };

export type ImportMappingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportMappingsQuery = { importMappings: Array<{ name: string, fields: unknown }> };

export type SaveImportMappingMutationVariables = Exact<{
  input: SaveImportMappingInput;
}>;


export type SaveImportMappingMutation = { saveImportMapping: { name: string, fields: unknown } };

export type NotificationFieldsFragment = { id: string, kind: string, titleZh: string, titleEn: string, bodyZh: string, bodyEn: string, link: string | null, readAt: string | null, createdAt: string };

export type NotificationStartQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationStartQuery = { unreadNotificationCount: number, notifications: { nodes: Array<{ id: string }> } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type NotificationsQuery = { notifications: { nodes: Array<{ id: string, kind: string, titleZh: string, titleEn: string, bodyZh: string, bodyEn: string, link: string | null, readAt: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type NotificationPreferenceFieldsFragment = { kind: string, labelZh: string, labelEn: string, enabled: boolean };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: Array<{ kind: string, labelZh: string, labelEn: string, enabled: boolean }> };

export type SetNotificationPreferenceMutationVariables = Exact<{
  kind: Scalars['String']['input'];
  enabled: Scalars['Boolean']['input'];
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: Array<{ kind: string, labelZh: string, labelEn: string, enabled: boolean }> };

export type NotificationAddedSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['ID']['input']>;
}>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, kind: string, titleZh: string, titleEn: string, bodyZh: string, bodyEn: string, link: string | null, readAt: string | null, createdAt: string } };

export type QuoteFieldsFragment = { goodsFen: number, freightFen: number, totalFen: number, groups: Array<{ sellerId: string, sellerName: string, goodsFen: number, freightFen: number, coldChainFen: number, billedKg: number, totalFen: number, paymentMethod: PaymentMethod, lines: Array<{ listingId: string, title: string, unit: string, quantity: number, unitPriceFen: number, pricePerKgFen: number | null, amountFen: number }> }> };

export type CheckoutQuoteQueryVariables = Exact<{
  input: CartInput;
}>;


export type CheckoutQuoteQuery = { checkoutQuote: { goodsFen: number, freightFen: number, totalFen: number, groups: Array<{ sellerId: string, sellerName: string, goodsFen: number, freightFen: number, coldChainFen: number, billedKg: number, totalFen: number, paymentMethod: PaymentMethod, lines: Array<{ listingId: string, title: string, unit: string, quantity: number, unitPriceFen: number, pricePerKgFen: number | null, amountFen: number }> }> } };

export type OrderSummaryFragment = { id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> };

export type OrderDetailFragment = { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } };

export type PartnerOrderFragment = { address: string, recipientPhone: string, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean } | null, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> };

export type PlaceCheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;


export type PlaceCheckoutMutation = { placeCheckout: { checkoutId: string, replayed: boolean, orders: Array<{ id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> }> } };

export type OrderQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderQuery = { order: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type MyOrdersQueryVariables = Exact<{
  status?: InputMaybe<OrderStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyOrdersQuery = { myOrders: { nodes: Array<{ id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SellerOrdersQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  status?: InputMaybe<OrderStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SellerOrdersQuery = { sellerOrders: { nodes: Array<{ id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartnerOrdersQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  status?: InputMaybe<OrderStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnerOrdersQuery = { partnerOrders: { nodes: Array<{ address: string, recipientPhone: string, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean } | null, seller: { id: string, name: string }, station: { id: string, name: string } | null, lines: Array<{ listingId: string, title: string, quantity: number, unit: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SellerSalesQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type SellerSalesQuery = { sellerSales: { orders: number, amountFen: number } };

export type ServiceStationsQueryVariables = Exact<{
  countyCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type ServiceStationsQuery = { serviceStations: Array<{ id: string, name: string, address: string, countyCode: string }> };

export type CancelOrderMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type CancelOrderMutation = { cancelOrder: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type ConfirmTransferMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  reference?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConfirmTransferMutation = { confirmTransfer: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type ShipOrderMutationVariables = Exact<{
  input: ShipOrderInput;
}>;


export type ShipOrderMutation = { shipOrder: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type AddTrackingEventMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
  location?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddTrackingEventMutation = { addTrackingEvent: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type MarkArrivedAtStationMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
}>;


export type MarkArrivedAtStationMutation = { markArrivedAtStation: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type HandOverOrderMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  pickupCode: Scalars['String']['input'];
}>;


export type HandOverOrderMutation = { handOverOrder: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type MarkDeliveredMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
}>;


export type MarkDeliveredMutation = { markDelivered: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type ConfirmReceiptMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
}>;


export type ConfirmReceiptMutation = { confirmReceipt: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type RequestRefundMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type RequestRefundMutation = { requestRefund: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type DecideRefundMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  approve: Scalars['Boolean']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type DecideRefundMutation = { decideRefund: { sellerId: string, address: string, countyCode: string, recipientPhone: string, buyerNote: string | null, cancelReason: string | null, expiresAt: string | null, paidAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, pickupCode: string | null, id: string, number: string, status: OrderStatus, paymentMethod: PaymentMethod, goodsFen: number, freightFen: number, totalFen: number, placedAt: string, deliveryKind: string, recipientName: string, actions: Array<string>, lines: Array<{ listingId: string, title: string, quantity: number, unit: string, unitPriceFen: number, amountFen: number }>, station: { id: string, name: string, address: string, countyCode: string } | null, bankTransfer: { accountName: string, bankName: string, accountNumber: string, reference: string } | null, shipment: { carrier: string | null, trackingNumber: string | null, ownDelivery: boolean, events: Array<{ occurredAt: string, description: string, location: string | null, source: string }> } | null, timeline: Array<{ action: string, actorRole: string, at: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, note: string | null }>, payments: Array<{ kind: string, method: PaymentMethod, amountFen: number, reference: string | null, createdAt: string }>, review: { rating: number, comment: string, createdAt: string } | null, seller: { id: string, name: string } } };

export type ReviewOrderMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  rating: Scalars['Int']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReviewOrderMutation = { reviewOrder: boolean };

export type ShippingRulesFragment = { coldChainFenPerKg: number, excluded: Array<string>, freeAboveFen: number | null, pieceWeightGrams: number, zones: Array<{ regions: Array<string>, firstKg: number, firstFen: number, additionalKg: number, additionalFen: number }> };

export type ShippingTemplateQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type ShippingTemplateQuery = { shippingTemplate: { isDefault: boolean, rules: { coldChainFenPerKg: number, excluded: Array<string>, freeAboveFen: number | null, pieceWeightGrams: number, zones: Array<{ regions: Array<string>, firstKg: number, firstFen: number, additionalKg: number, additionalFen: number }> } } };

export type SetShippingTemplateMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: ShippingTemplateInput;
}>;


export type SetShippingTemplateMutation = { setShippingTemplate: { coldChainFenPerKg: number, excluded: Array<string>, freeAboveFen: number | null, pieceWeightGrams: number, zones: Array<{ regions: Array<string>, firstKg: number, firstFen: number, additionalKg: number, additionalFen: number }> } };

export type BankAccountFieldsFragment = { accountName: string, bankName: string, accountNumber: string };

export type BankAccountQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type BankAccountQuery = { bankAccount: { accountName: string, bankName: string, accountNumber: string } | null };

export type SetBankAccountMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: BankAccountInput;
}>;


export type SetBankAccountMutation = { setBankAccount: { accountName: string, bankName: string, accountNumber: string } };

export type PaymentOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentOptionsQuery = { paymentOptions: { alipay: boolean } };

export type PayOrderWithAlipayMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  channel: AlipayChannel;
}>;


export type PayOrderWithAlipayMutation = { payOrderWithAlipay: { outTradeNo: string, channel: AlipayChannel, url: string | null, expiresAt: string } };

export type SellerQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SellerQuery = { organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, description: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, certifications: Array<string>, county: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean } } };

export type SellerContactQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SellerContactQuery = { organisation: { id: string, contact: { name: string | null, phone: string | null } | null } };

export type OrganisationCountyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganisationCountyQuery = { organisation: { id: string, county: { code: string } } };

export type OrganisationProfileFragment = { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, description: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, myRole: MemberRole | null, county: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }, contact: { name: string | null, phone: string | null } | null };

export type MemberFieldsFragment = { userId: string, displayName: string, phoneMasked: string, role: MemberRole };

export type OrganisationDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganisationDetailQuery = { organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, description: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, myRole: MemberRole | null, members: Array<{ userId: string, displayName: string, phoneMasked: string, role: MemberRole }> | null, county: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }, contact: { name: string | null, phone: string | null } | null } };

export type CreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreateOrganisationMutation = { createOrganisation: { id: string, name: string } };

export type UpdateOrganisationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateOrganisationInput;
}>;


export type UpdateOrganisationMutation = { updateOrganisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, description: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, myRole: MemberRole | null, county: { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }, contact: { name: string | null, phone: string | null } | null } };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { addMember: { userId: string, displayName: string, phoneMasked: string, role: MemberRole } };

export type ChangeMemberRoleMutationVariables = Exact<{
  input: ChangeMemberRoleInput;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { userId: string, displayName: string, phoneMasked: string, role: MemberRole } };

export type RemoveMemberMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type PendingOrganisationFragment = { id: string, name: string, kind: OrganisationKind, uscc: string | null, createdAt: string, county: { name: string, prefectureName: string } };

export type PendingOrganisationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PendingOrganisationsQuery = { pendingOrganisations: { nodes: Array<{ id: string, name: string, kind: OrganisationKind, uscc: string | null, createdAt: string, county: { name: string, prefectureName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyOrganisationMutationVariables = Exact<{
  input: VerifyOrganisationInput;
}>;


export type VerifyOrganisationMutation = { verifyOrganisation: { id: string, verificationStatus: VerificationStatus } };

export type AdminOrganisationFragment = { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, county: { name: string, prefectureName: string } };

export type AdminOrganisationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AdminOrganisationQuery = { organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, county: { name: string, prefectureName: string } } };

export type SuspendOrganisationMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type SuspendOrganisationMutation = { suspendOrganisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus, uscc: string | null, rejectionReason: string | null, verifiedAt: string | null, createdAt: string, isDemo: boolean, county: { name: string, prefectureName: string } } };

export type PricesByPlaceQueryVariables = Exact<{
  commodity: Scalars['String']['input'];
}>;


export type PricesByPlaceQuery = { pricesByPlace: Array<{ marketId: string | null, marketCode: string | null, name: string, kind: string | null, countyCode: string, countyName: string, day: string, avgFen: number, changePercent: number | null, trade: boolean }> };

export type UnitFieldsFragment = { code: string, nameZh: string, nameEn: string, isMass: boolean };

export type CountyFieldsFragment = { code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean };

export type ChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ChannelsQuery = { channels: Array<{ code: string, nameZh: string, nameEn: string, descriptionZh: string, descriptionEn: string, sortOrder: number, attributeSchema: unknown, categories: Array<{ id: string, slug: string, nameZh: string, nameEn: string, parentId: string | null }> }> };

export type ReferenceQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferenceQuery = { units: Array<{ code: string, nameZh: string, nameEn: string, isMass: boolean }>, certifications: Array<{ code: string, nameZh: string, nameEn: string }> };

export type CountiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountiesQuery = { counties: Array<{ code: string, name: string, prefectureCode: string, prefectureName: string, isPovertyCounty: boolean }> };

export type RequestSummaryFragment = { id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string };

export type RequestQuoteFieldsFragment = { id: string, sellerId: string, listingId: string | null, unitPriceFen: number, quantity: number, deliveryDate: string, note: string, status: string, createdAt: string };

export type PurchaseRequestsQueryVariables = Exact<{
  channel?: InputMaybe<Scalars['String']['input']>;
  q?: InputMaybe<Scalars['String']['input']>;
  commodity?: InputMaybe<Scalars['String']['input']>;
  prefectureCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PurchaseRequestsQuery = { purchaseRequests: { nodes: Array<{ id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BuyerRequestsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BuyerRequestsQuery = { purchaseRequests: { nodes: Array<{ id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string, quotes: Array<{ id: string, sellerId: string, listingId: string | null, unitPriceFen: number, quantity: number, deliveryDate: string, note: string, status: string, createdAt: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PurchaseRequestQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PurchaseRequestQuery = { purchaseRequest: { id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string, quotes: Array<{ id: string, sellerId: string, listingId: string | null, unitPriceFen: number, quantity: number, deliveryDate: string, note: string, status: string, createdAt: string }>, suggestions: Array<{ listingId: string, sellerId: string, title: string, score: number, pricePerKgFen: number | null, reasons: Array<string> }> } };

export type QuoteListingsQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type QuoteListingsQuery = { organisationListings: { nodes: Array<{ id: string, title: string, status: ListingStatus, unit: string }> } };

export type SellerNameQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SellerNameQuery = { organisation: { id: string, name: string } };

export type PostPurchaseRequestMutationVariables = Exact<{
  input: PostPurchaseRequestInput;
}>;


export type PostPurchaseRequestMutation = { postPurchaseRequest: { id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string } };

export type ClosePurchaseRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ClosePurchaseRequestMutation = { closePurchaseRequest: { id: string, buyerId: string, channelCode: string, categoryId: string | null, title: string, quantity: number, unit: string, minPriceFen: number | null, maxPriceFen: number | null, deliveryCountyCode: string, neededBy: string, validUntil: string, status: string, createdAt: string } };

export type QuotePurchaseRequestMutationVariables = Exact<{
  input: QuoteRequestInput;
}>;


export type QuotePurchaseRequestMutation = { quotePurchaseRequest: { id: string, sellerId: string, listingId: string | null, unitPriceFen: number, quantity: number, deliveryDate: string, note: string, status: string, createdAt: string } };

export type AcceptQuoteMutationVariables = Exact<{
  quoteId: Scalars['ID']['input'];
}>;


export type AcceptQuoteMutation = { acceptQuote: { id: string, sellerId: string, listingId: string | null, unitPriceFen: number, quantity: number, deliveryDate: string, note: string, status: string, createdAt: string } };

export type PriceSubscriptionFieldsFragment = { id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, marketId: string | null, createdAt: string, commodity: { code: string, nameZh: string, nameEn: string, unitLabel: string } };

export type MyPriceSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPriceSubscriptionsQuery = { myPriceSubscriptions: Array<{ id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, marketId: string | null, createdAt: string, commodity: { code: string, nameZh: string, nameEn: string, unitLabel: string } }> };

export type AlertCommoditiesQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertCommoditiesQuery = { commodities: Array<{ code: string, nameZh: string, nameEn: string, channelCode: string }> };

export type SubscribePriceMutationVariables = Exact<{
  input: SubscribePriceInput;
}>;


export type SubscribePriceMutation = { subscribePrice: { id: string, kind: PriceAlertKind, thresholdFen: number | null, percent: number | null, marketId: string | null, createdAt: string, commodity: { code: string, nameZh: string, nameEn: string, unitLabel: string } } };

export type UnsubscribePriceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnsubscribePriceMutation = { unsubscribePrice: boolean };

export type ListingMarketPriceQueryVariables = Exact<{
  listingId: Scalars['ID']['input'];
}>;


export type ListingMarketPriceQuery = { listingMarketPrice: { listingPerKgFen: number, marketAvgPerKgFen: number, scope: string, day: string, differencePercent: number, commodity: { nameZh: string, nameEn: string } } | null };

export type SearchListingFragment = { certifications: Array<string>, id: string, title: string, isDemo: boolean, isPovertyProduct: boolean, basePriceFen: number, pricePerKgFen: number | null, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, channel: { code: string, nameZh: string, nameEn: string }, seller: { id: string, name: string }, originCounty: { name: string, prefectureName: string }, images: Array<{ url: string }> };

export type FacetValueFieldsFragment = { value: string, labelZh: string, labelEn: string, count: number, selected: boolean };

export type SearchFacetFieldsFragment = { poverty: number, inStock: number, channels: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, categories: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, prefectures: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, counties: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, certifications: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, priceRanges: Array<{ minFen: number, maxFen: number | null, count: number }> };

export type SearchQueryVariables = Exact<{
  q?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<SearchFilterInput>;
  sort?: InputMaybe<SearchSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchQuery = { search: { totalCount: number, approximate: boolean, query: string, nodes: Array<{ listing: { certifications: Array<string>, id: string, title: string, isDemo: boolean, isPovertyProduct: boolean, basePriceFen: number, pricePerKgFen: number | null, unitInfo: { code: string, nameZh: string, nameEn: string, isMass: boolean }, channel: { code: string, nameZh: string, nameEn: string }, seller: { id: string, name: string }, originCounty: { name: string, prefectureName: string }, images: Array<{ url: string }> }, titleSegments: Array<{ text: string, match: boolean }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { poverty: number, inStock: number, channels: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, categories: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, prefectures: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, counties: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, certifications: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, priceRanges: Array<{ minFen: number, maxFen: number | null, count: number }> } } };

export type SearchPreviewQueryVariables = Exact<{
  q?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<SearchFilterInput>;
}>;


export type SearchPreviewQuery = { search: { totalCount: number, approximate: boolean, facets: { poverty: number, inStock: number, channels: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, categories: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, prefectures: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, counties: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, certifications: Array<{ value: string, labelZh: string, labelEn: string, count: number, selected: boolean }>, priceRanges: Array<{ minFen: number, maxFen: number | null, count: number }> } } };

export type SearchSuggestionsQueryVariables = Exact<{
  q: Scalars['String']['input'];
}>;


export type SearchSuggestionsQuery = { searchSuggestions: Array<{ text: string, count: number }> };

export type ViewerFieldsFragment = { id: string, phone: string, displayName: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole, organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus } }> };

export type AuthFieldsFragment = { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, viewer: { id: string, phone: string, displayName: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole, organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, phone: string, displayName: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole, organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus } }> } | null };

export type SessionCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionCheckQuery = { viewer: { id: string } | null };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, viewer: { id: string, phone: string, displayName: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole, organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus } }> } } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, viewer: { id: string, phone: string, displayName: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole, organisation: { id: string, name: string, kind: OrganisationKind, verificationStatus: VerificationStatus } }> } } };

export type LogOutMutationVariables = Exact<{
  refreshToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type LogOutMutation = { logOut: boolean };

export type RefreshMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshMutation = { refreshSession: { accessToken: string, refreshToken: string } };

export type TradeFlowsQueryVariables = Exact<{
  commodity: Scalars['String']['input'];
  months: Scalars['Int']['input'];
}>;


export type TradeFlowsQuery = { tradeFlows: Array<{ month: string, direction: string, volumeKg: number | null, valueFen: number | null, source: string, sample: boolean }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AlertWebhookFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment AlertWebhookFields on AlertWebhook {
  url
  secret
  createdAt
}
    `, {"fragmentName":"AlertWebhookFields"}) as unknown as TypedDocumentString<AlertWebhookFieldsFragment, unknown>;
export const AlertWebhookDeliveryFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment AlertWebhookDeliveryFields on AlertWebhookDelivery {
  id
  event
  status
  attempts
  responseStatus
  error
  createdAt
  finishedAt
}
    `, {"fragmentName":"AlertWebhookDeliveryFields"}) as unknown as TypedDocumentString<AlertWebhookDeliveryFieldsFragment, unknown>;
export const CommodityAlertFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment CommodityAlertFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  days
  marketId
  countyCode
  beyond
  createdAt
  commodity {
    code
  }
}
    `, {"fragmentName":"CommodityAlertFields"}) as unknown as TypedDocumentString<CommodityAlertFieldsFragment, unknown>;
export const FailedJobFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment FailedJobFields on FailedJob {
  id
  handler
  error
  attempts
  failedAt
  event {
    id
    type
    aggregate
    aggregateId
    createdAt
  }
}
    `, {"fragmentName":"FailedJobFields"}) as unknown as TypedDocumentString<FailedJobFieldsFragment, unknown>;
export const UnitFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}
    `, {"fragmentName":"UnitFields"}) as unknown as TypedDocumentString<UnitFieldsFragment, unknown>;
export const CountyFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}
    `, {"fragmentName":"CountyFields"}) as unknown as TypedDocumentString<CountyFieldsFragment, unknown>;
export const ListingDetailFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ListingDetail on Listing {
  id
  title
  description
  attributes
  unit
  unitInfo {
    ...UnitFields
  }
  priceTiers {
    minQuantity
    unitPriceFen
    pricePerKgFen
  }
  basePriceFen
  pricePerKgFen
  minOrderQuantity
  stock
  certifications
  status
  isDemo
  isPovertyProduct
  seller {
    id
    name
    kind
    verificationStatus
    county {
      name
    }
  }
  channel {
    code
    nameZh
    nameEn
  }
  category {
    id
    nameZh
    nameEn
  }
  originCounty {
    ...CountyFields
  }
  images {
    id
    url
  }
}
    fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}
fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`, {"fragmentName":"ListingDetail"}) as unknown as TypedDocumentString<ListingDetailFragment, unknown>;
export const ConsoleListingFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ConsoleListing on Listing {
  id
  title
  status
  basePriceFen
  stock
  unitInfo {
    ...UnitFields
  }
}
    fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`, {"fragmentName":"ConsoleListing"}) as unknown as TypedDocumentString<ConsoleListingFragment, unknown>;
export const CommodityFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}
    `, {"fragmentName":"CommodityFields"}) as unknown as TypedDocumentString<CommodityFieldsFragment, unknown>;
export const PriceMoverFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PriceMoverFields on PriceMover {
  day
  avgFen
  previousFen
  changePercent
  commodity {
    ...CommodityFields
  }
}
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}`, {"fragmentName":"PriceMoverFields"}) as unknown as TypedDocumentString<PriceMoverFieldsFragment, unknown>;
export const MarketFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment MarketFields on Market {
  id
  code
  name
  kind
  countyCode
}
    `, {"fragmentName":"MarketFields"}) as unknown as TypedDocumentString<MarketFieldsFragment, unknown>;
export const PriceImportFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PriceImportFields on PriceImport {
  id
  fileName
  mappingName
  status
  rowsRead
  rowsChecked
  rowsWritten
  errorCount
  message
  createdAt
  finishedAt
  isDemo
}
    `, {"fragmentName":"PriceImportFields"}) as unknown as TypedDocumentString<PriceImportFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  titleZh
  titleEn
  bodyZh
  bodyEn
  link
  readAt
  createdAt
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const NotificationPreferenceFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment NotificationPreferenceFields on NotificationPreference {
  kind
  labelZh
  labelEn
  enabled
}
    `, {"fragmentName":"NotificationPreferenceFields"}) as unknown as TypedDocumentString<NotificationPreferenceFieldsFragment, unknown>;
export const QuoteFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment QuoteFields on CheckoutQuote {
  goodsFen
  freightFen
  totalFen
  groups {
    sellerId
    sellerName
    goodsFen
    freightFen
    coldChainFen
    billedKg
    totalFen
    paymentMethod
    lines {
      listingId
      title
      unit
      quantity
      unitPriceFen
      pricePerKgFen
      amountFen
    }
  }
}
    `, {"fragmentName":"QuoteFields"}) as unknown as TypedDocumentString<QuoteFieldsFragment, unknown>;
export const OrderSummaryFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
    `, {"fragmentName":"OrderSummary"}) as unknown as TypedDocumentString<OrderSummaryFragment, unknown>;
export const OrderDetailFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}`, {"fragmentName":"OrderDetail"}) as unknown as TypedDocumentString<OrderDetailFragment, unknown>;
export const PartnerOrderFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PartnerOrder on Order {
  ...OrderSummary
  address
  recipientPhone
  shipment {
    carrier
    trackingNumber
    ownDelivery
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}`, {"fragmentName":"PartnerOrder"}) as unknown as TypedDocumentString<PartnerOrderFragment, unknown>;
export const ShippingRulesFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ShippingRules on ShippingTemplate {
  coldChainFenPerKg
  excluded
  freeAboveFen
  pieceWeightGrams
  zones {
    regions
    firstKg
    firstFen
    additionalKg
    additionalFen
  }
}
    `, {"fragmentName":"ShippingRules"}) as unknown as TypedDocumentString<ShippingRulesFragment, unknown>;
export const BankAccountFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment BankAccountFields on BankAccount {
  accountName
  bankName
  accountNumber
}
    `, {"fragmentName":"BankAccountFields"}) as unknown as TypedDocumentString<BankAccountFieldsFragment, unknown>;
export const OrganisationProfileFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment OrganisationProfile on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  description
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  myRole
  county {
    ...CountyFields
  }
  contact {
    name
    phone
  }
}
    fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`, {"fragmentName":"OrganisationProfile"}) as unknown as TypedDocumentString<OrganisationProfileFragment, unknown>;
export const MemberFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment MemberFields on Member {
  userId
  displayName
  phoneMasked
  role
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const PendingOrganisationFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PendingOrganisation on Organisation {
  id
  name
  kind
  uscc
  createdAt
  county {
    name
    prefectureName
  }
}
    `, {"fragmentName":"PendingOrganisation"}) as unknown as TypedDocumentString<PendingOrganisationFragment, unknown>;
export const AdminOrganisationFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment AdminOrganisation on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  county {
    name
    prefectureName
  }
}
    `, {"fragmentName":"AdminOrganisation"}) as unknown as TypedDocumentString<AdminOrganisationFragment, unknown>;
export const RequestSummaryFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}
    `, {"fragmentName":"RequestSummary"}) as unknown as TypedDocumentString<RequestSummaryFragment, unknown>;
export const RequestQuoteFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment RequestQuoteFields on RequestQuote {
  id
  sellerId
  listingId
  unitPriceFen
  quantity
  deliveryDate
  note
  status
  createdAt
}
    `, {"fragmentName":"RequestQuoteFields"}) as unknown as TypedDocumentString<RequestQuoteFieldsFragment, unknown>;
export const PriceSubscriptionFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PriceSubscriptionFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  marketId
  createdAt
  commodity {
    code
    nameZh
    nameEn
    unitLabel
  }
}
    `, {"fragmentName":"PriceSubscriptionFields"}) as unknown as TypedDocumentString<PriceSubscriptionFieldsFragment, unknown>;
export const ListingCardFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ListingCard on Listing {
  id
  title
  isDemo
  isPovertyProduct
  basePriceFen
  pricePerKgFen
  unitInfo {
    ...UnitFields
  }
  channel {
    code
    nameZh
    nameEn
  }
  seller {
    id
    name
  }
  originCounty {
    name
    prefectureName
  }
  images {
    url
  }
}
    fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`, {"fragmentName":"ListingCard"}) as unknown as TypedDocumentString<ListingCardFragment, unknown>;
export const SearchListingFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment SearchListing on Listing {
  ...ListingCard
  certifications
}
    fragment ListingCard on Listing {
  id
  title
  isDemo
  isPovertyProduct
  basePriceFen
  pricePerKgFen
  unitInfo {
    ...UnitFields
  }
  channel {
    code
    nameZh
    nameEn
  }
  seller {
    id
    name
  }
  originCounty {
    name
    prefectureName
  }
  images {
    url
  }
}
fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`, {"fragmentName":"SearchListing"}) as unknown as TypedDocumentString<SearchListingFragment, unknown>;
export const FacetValueFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment FacetValueFields on FacetValue {
  value
  labelZh
  labelEn
  count
  selected
}
    `, {"fragmentName":"FacetValueFields"}) as unknown as TypedDocumentString<FacetValueFieldsFragment, unknown>;
export const SearchFacetFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment SearchFacetFields on SearchFacets {
  channels {
    ...FacetValueFields
  }
  categories {
    ...FacetValueFields
  }
  prefectures {
    ...FacetValueFields
  }
  counties {
    ...FacetValueFields
  }
  certifications {
    ...FacetValueFields
  }
  priceRanges {
    minFen
    maxFen
    count
  }
  poverty
  inStock
}
    fragment FacetValueFields on FacetValue {
  value
  labelZh
  labelEn
  count
  selected
}`, {"fragmentName":"SearchFacetFields"}) as unknown as TypedDocumentString<SearchFacetFieldsFragment, unknown>;
export const ViewerFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ViewerFields on Viewer {
  id
  phone
  displayName
  isPlatformAdmin
  memberships {
    role
    organisation {
      id
      name
      kind
      verificationStatus
    }
  }
}
    `, {"fragmentName":"ViewerFields"}) as unknown as TypedDocumentString<ViewerFieldsFragment, unknown>;
export const AuthFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  accessTokenExpiresAt
  viewer {
    ...ViewerFields
  }
}
    fragment ViewerFields on Viewer {
  id
  phone
  displayName
  isPlatformAdmin
  memberships {
    role
    organisation {
      id
      name
      kind
      verificationStatus
    }
  }
}`, {"fragmentName":"AuthFields"}) as unknown as TypedDocumentString<AuthFieldsFragment, unknown>;
export const AlertWebhookDocument = /*#__PURE__*/ new TypedDocumentString(`
    query AlertWebhook($first: Int!) {
  myAlertWebhook {
    ...AlertWebhookFields
  }
  myAlertWebhookDeliveries(first: $first) {
    ...AlertWebhookDeliveryFields
  }
}
    fragment AlertWebhookFields on AlertWebhook {
  url
  secret
  createdAt
}
fragment AlertWebhookDeliveryFields on AlertWebhookDelivery {
  id
  event
  status
  attempts
  responseStatus
  error
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<AlertWebhookQuery, AlertWebhookQueryVariables>;
export const AlertWebhookDeliveriesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query AlertWebhookDeliveries($first: Int!) {
  myAlertWebhookDeliveries(first: $first) {
    ...AlertWebhookDeliveryFields
  }
}
    fragment AlertWebhookDeliveryFields on AlertWebhookDelivery {
  id
  event
  status
  attempts
  responseStatus
  error
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<AlertWebhookDeliveriesQuery, AlertWebhookDeliveriesQueryVariables>;
export const SetAlertWebhookDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetAlertWebhook($url: String!) {
  setAlertWebhook(url: $url) {
    ...AlertWebhookFields
  }
}
    fragment AlertWebhookFields on AlertWebhook {
  url
  secret
  createdAt
}`) as unknown as TypedDocumentString<SetAlertWebhookMutation, SetAlertWebhookMutationVariables>;
export const RemoveAlertWebhookDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RemoveAlertWebhook {
  removeAlertWebhook
}
    `) as unknown as TypedDocumentString<RemoveAlertWebhookMutation, RemoveAlertWebhookMutationVariables>;
export const PingAlertWebhookDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation PingAlertWebhook {
  pingAlertWebhook {
    ...AlertWebhookDeliveryFields
  }
}
    fragment AlertWebhookDeliveryFields on AlertWebhookDelivery {
  id
  event
  status
  attempts
  responseStatus
  error
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<PingAlertWebhookMutation, PingAlertWebhookMutationVariables>;
export const CommodityAlertsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query CommodityAlerts {
  myPriceSubscriptions {
    ...CommodityAlertFields
  }
}
    fragment CommodityAlertFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  days
  marketId
  countyCode
  beyond
  createdAt
  commodity {
    code
  }
}`) as unknown as TypedDocumentString<CommodityAlertsQuery, CommodityAlertsQueryVariables>;
export const FollowCommodityPriceDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation FollowCommodityPrice($input: SubscribePriceInput!) {
  subscribePrice(input: $input) {
    ...CommodityAlertFields
  }
}
    fragment CommodityAlertFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  days
  marketId
  countyCode
  beyond
  createdAt
  commodity {
    code
  }
}`) as unknown as TypedDocumentString<FollowCommodityPriceMutation, FollowCommodityPriceMutationVariables>;
export const SupplyDemandDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SupplyDemand($commodity: String!, $weeks: Int!) {
  supplyDemand(commodity: $commodity, weeks: $weeks) {
    week
    supplyKg
    demandKg
  }
}
    `) as unknown as TypedDocumentString<SupplyDemandQuery, SupplyDemandQueryVariables>;
export const JobQueueDocument = /*#__PURE__*/ new TypedDocumentString(`
    query JobQueue {
  jobQueue {
    waiting
    running
    retrying
    failed
    outboxWaiting
    outboxLagSeconds
    queueLagSeconds
  }
}
    `) as unknown as TypedDocumentString<JobQueueQuery, JobQueueQueryVariables>;
export const FailedJobsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query FailedJobs($first: Int, $after: String) {
  failedJobs(first: $first, after: $after) {
    nodes {
      ...FailedJobFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment FailedJobFields on FailedJob {
  id
  handler
  error
  attempts
  failedAt
  event {
    id
    type
    aggregate
    aggregateId
    createdAt
  }
}`) as unknown as TypedDocumentString<FailedJobsQuery, FailedJobsQueryVariables>;
export const RetryFailedJobDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RetryFailedJob($id: ID!) {
  retryFailedJob(id: $id)
}
    `) as unknown as TypedDocumentString<RetryFailedJobMutation, RetryFailedJobMutationVariables>;
export const ListingsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Listings($channel: String, $sellerId: ID, $categoryId: ID, $povertyOnly: Boolean, $first: Int, $after: String) {
  listings(
    channel: $channel
    sellerId: $sellerId
    categoryId: $categoryId
    povertyOnly: $povertyOnly
    first: $first
    after: $after
  ) {
    nodes {
      ...ListingCard
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ListingCard on Listing {
  id
  title
  isDemo
  isPovertyProduct
  basePriceFen
  pricePerKgFen
  unitInfo {
    ...UnitFields
  }
  channel {
    code
    nameZh
    nameEn
  }
  seller {
    id
    name
  }
  originCounty {
    name
    prefectureName
  }
  images {
    url
  }
}
fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`) as unknown as TypedDocumentString<ListingsQuery, ListingsQueryVariables>;
export const ListingDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Listing($id: ID!) {
  listing(id: $id) {
    ...ListingDetail
  }
}
    fragment ListingDetail on Listing {
  id
  title
  description
  attributes
  unit
  unitInfo {
    ...UnitFields
  }
  priceTiers {
    minQuantity
    unitPriceFen
    pricePerKgFen
  }
  basePriceFen
  pricePerKgFen
  minOrderQuantity
  stock
  certifications
  status
  isDemo
  isPovertyProduct
  seller {
    id
    name
    kind
    verificationStatus
    county {
      name
    }
  }
  channel {
    code
    nameZh
    nameEn
  }
  category {
    id
    nameZh
    nameEn
  }
  originCounty {
    ...CountyFields
  }
  images {
    id
    url
  }
}
fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}
fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`) as unknown as TypedDocumentString<ListingQuery, ListingQueryVariables>;
export const OrganisationListingsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query OrganisationListings($organisationId: ID!, $first: Int, $after: String) {
  organisationListings(
    organisationId: $organisationId
    first: $first
    after: $after
  ) {
    nodes {
      ...ConsoleListing
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ConsoleListing on Listing {
  id
  title
  status
  basePriceFen
  stock
  unitInfo {
    ...UnitFields
  }
}
fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`) as unknown as TypedDocumentString<OrganisationListingsQuery, OrganisationListingsQueryVariables>;
export const CreateListingDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation CreateListing($input: CreateListingInput!) {
  createListing(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateListingMutation, CreateListingMutationVariables>;
export const UpdateListingDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UpdateListing($id: ID!, $input: UpdateListingInput!) {
  updateListing(id: $id, input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateListingMutation, UpdateListingMutationVariables>;
export const SetListingStatusDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetListingStatus($id: ID!, $status: ListingStatus!) {
  setListingStatus(id: $id, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SetListingStatusMutation, SetListingStatusMutationVariables>;
export const ReportingMarketsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ReportingMarkets {
  myReportingMarkets {
    ...MarketFields
  }
}
    fragment MarketFields on Market {
  id
  code
  name
  kind
  countyCode
}`) as unknown as TypedDocumentString<ReportingMarketsQuery, ReportingMarketsQueryVariables>;
export const ReportCommoditiesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ReportCommodities {
  commodities {
    ...CommodityFields
  }
}
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}`) as unknown as TypedDocumentString<ReportCommoditiesQuery, ReportCommoditiesQueryVariables>;
export const ReportPricesDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ReportPrices($input: ReportPricesInput!) {
  reportPrices(input: $input) {
    id
    status
    rowsRead
    rowsWritten
  }
}
    `) as unknown as TypedDocumentString<ReportPricesMutation, ReportPricesMutationVariables>;
export const PricesOverviewDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PricesOverview {
  commodities {
    ...CommodityFields
  }
  priceMovers(first: 50) {
    ...PriceMoverFields
  }
}
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}
fragment PriceMoverFields on PriceMover {
  day
  avgFen
  previousFen
  changePercent
  commodity {
    ...CommodityFields
  }
}`) as unknown as TypedDocumentString<PricesOverviewQuery, PricesOverviewQueryVariables>;
export const ChannelPricesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ChannelPrices($channel: String!) {
  commodities(channel: $channel) {
    ...CommodityFields
  }
  priceMovers(channel: $channel, first: 50) {
    ...PriceMoverFields
  }
  channelPriceIndex(channel: $channel) {
    base
    points {
      period
      value
    }
  }
}
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}
fragment PriceMoverFields on PriceMover {
  day
  avgFen
  previousFen
  changePercent
  commodity {
    ...CommodityFields
  }
}`) as unknown as TypedDocumentString<ChannelPricesQuery, ChannelPricesQueryVariables>;
export const MarketsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Markets {
  markets {
    ...MarketFields
  }
}
    fragment MarketFields on Market {
  id
  code
  name
  kind
  countyCode
}`) as unknown as TypedDocumentString<MarketsQuery, MarketsQueryVariables>;
export const PriceSeriesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PriceSeries($commodity: String!, $range: SeriesRange!, $interval: SeriesInterval!, $marketIds: [ID!]) {
  priceSeries(
    commodity: $commodity
    range: $range
    interval: $interval
    marketIds: $marketIds
  ) {
    commodity {
      ...CommodityFields
    }
    perUnit
    monthOnMonthPercent
    yearOnYearPercent
    sampleData
    csv
    points {
      period
      lowFen
      avgFen
      highFen
      observations
      anomaly
    }
  }
}
    fragment CommodityFields on Commodity {
  code
  nameZh
  nameEn
  channelCode
  unit
  unitQuantity
  unitLabel
}`) as unknown as TypedDocumentString<PriceSeriesQuery, PriceSeriesQueryVariables>;
export const PriceImportsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PriceImports($first: Int!) {
  priceImports(first: $first) {
    ...PriceImportFields
  }
}
    fragment PriceImportFields on PriceImport {
  id
  fileName
  mappingName
  status
  rowsRead
  rowsChecked
  rowsWritten
  errorCount
  message
  createdAt
  finishedAt
  isDemo
}`) as unknown as TypedDocumentString<PriceImportsQuery, PriceImportsQueryVariables>;
export const PriceImportProgressDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PriceImportProgress($id: ID!) {
  priceImport(id: $id) {
    ...PriceImportFields
  }
}
    fragment PriceImportFields on PriceImport {
  id
  fileName
  mappingName
  status
  rowsRead
  rowsChecked
  rowsWritten
  errorCount
  message
  createdAt
  finishedAt
  isDemo
}`) as unknown as TypedDocumentString<PriceImportProgressQuery, PriceImportProgressQueryVariables>;
export const PriceImportOutcomeDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PriceImportOutcome($id: ID!, $first: Int!) {
  priceImport(id: $id) {
    ...PriceImportFields
    errors(first: $first) {
      line
      problems
      messagesZh
      messagesEn
    }
  }
}
    fragment PriceImportFields on PriceImport {
  id
  fileName
  mappingName
  status
  rowsRead
  rowsChecked
  rowsWritten
  errorCount
  message
  createdAt
  finishedAt
  isDemo
}`) as unknown as TypedDocumentString<PriceImportOutcomeQuery, PriceImportOutcomeQueryVariables>;
export const PriceImportErrorsCsvDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PriceImportErrorsCsv($id: ID!) {
  priceImport(id: $id) {
    id
    errorsCsv
  }
}
    `) as unknown as TypedDocumentString<PriceImportErrorsCsvQuery, PriceImportErrorsCsvQueryVariables>;
export const ImportMappingsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ImportMappings {
  importMappings {
    name
    fields
  }
}
    `) as unknown as TypedDocumentString<ImportMappingsQuery, ImportMappingsQueryVariables>;
export const SaveImportMappingDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SaveImportMapping($input: SaveImportMappingInput!) {
  saveImportMapping(input: $input) {
    name
    fields
  }
}
    `) as unknown as TypedDocumentString<SaveImportMappingMutation, SaveImportMappingMutationVariables>;
export const NotificationStartDocument = /*#__PURE__*/ new TypedDocumentString(`
    query NotificationStart {
  unreadNotificationCount
  notifications(first: 1) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationStartQuery, NotificationStartQueryVariables>;
export const UnreadNotificationCountDocument = /*#__PURE__*/ new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes {
      ...NotificationFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  titleZh
  titleEn
  bodyZh
  bodyEn
  link
  readAt
  createdAt
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const NotificationPreferencesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query NotificationPreferences {
  notificationPreferences {
    ...NotificationPreferenceFields
  }
}
    fragment NotificationPreferenceFields on NotificationPreference {
  kind
  labelZh
  labelEn
  enabled
}`) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const SetNotificationPreferenceDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetNotificationPreference($kind: String!, $enabled: Boolean!) {
  setNotificationPreference(kind: $kind, enabled: $enabled) {
    ...NotificationPreferenceFields
  }
}
    fragment NotificationPreferenceFields on NotificationPreference {
  kind
  labelZh
  labelEn
  enabled
}`) as unknown as TypedDocumentString<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const NotificationAddedDocument = /*#__PURE__*/ new TypedDocumentString(`
    subscription NotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  titleZh
  titleEn
  bodyZh
  bodyEn
  link
  readAt
  createdAt
}`) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const CheckoutQuoteDocument = /*#__PURE__*/ new TypedDocumentString(`
    query CheckoutQuote($input: CartInput!) {
  checkoutQuote(input: $input) {
    ...QuoteFields
  }
}
    fragment QuoteFields on CheckoutQuote {
  goodsFen
  freightFen
  totalFen
  groups {
    sellerId
    sellerName
    goodsFen
    freightFen
    coldChainFen
    billedKg
    totalFen
    paymentMethod
    lines {
      listingId
      title
      unit
      quantity
      unitPriceFen
      pricePerKgFen
      amountFen
    }
  }
}`) as unknown as TypedDocumentString<CheckoutQuoteQuery, CheckoutQuoteQueryVariables>;
export const PlaceCheckoutDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation PlaceCheckout($input: CheckoutInput!) {
  placeCheckout(input: $input) {
    checkoutId
    replayed
    orders {
      ...OrderSummary
    }
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}`) as unknown as TypedDocumentString<PlaceCheckoutMutation, PlaceCheckoutMutationVariables>;
export const OrderDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const MyOrdersDocument = /*#__PURE__*/ new TypedDocumentString(`
    query MyOrders($status: OrderStatus, $first: Int, $after: String) {
  myOrders(status: $status, first: $first, after: $after) {
    nodes {
      ...OrderSummary
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}`) as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const SellerOrdersDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SellerOrders($organisationId: ID!, $status: OrderStatus, $first: Int, $after: String) {
  sellerOrders(
    organisationId: $organisationId
    status: $status
    first: $first
    after: $after
  ) {
    nodes {
      ...OrderSummary
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}`) as unknown as TypedDocumentString<SellerOrdersQuery, SellerOrdersQueryVariables>;
export const PartnerOrdersDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PartnerOrders($organisationId: ID!, $status: OrderStatus, $first: Int, $after: String) {
  partnerOrders(
    organisationId: $organisationId
    status: $status
    first: $first
    after: $after
  ) {
    nodes {
      ...PartnerOrder
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment PartnerOrder on Order {
  ...OrderSummary
  address
  recipientPhone
  shipment {
    carrier
    trackingNumber
    ownDelivery
  }
}`) as unknown as TypedDocumentString<PartnerOrdersQuery, PartnerOrdersQueryVariables>;
export const SellerSalesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SellerSales($organisationId: ID!) {
  sellerSales(organisationId: $organisationId) {
    orders
    amountFen
  }
}
    `) as unknown as TypedDocumentString<SellerSalesQuery, SellerSalesQueryVariables>;
export const ServiceStationsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ServiceStations($countyCode: String) {
  serviceStations(countyCode: $countyCode) {
    id
    name
    address
    countyCode
  }
}
    `) as unknown as TypedDocumentString<ServiceStationsQuery, ServiceStationsQueryVariables>;
export const CancelOrderDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation CancelOrder($orderId: ID!, $reason: String!) {
  cancelOrder(orderId: $orderId, reason: $reason) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const ConfirmTransferDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ConfirmTransfer($orderId: ID!, $reference: String) {
  confirmTransfer(orderId: $orderId, reference: $reference) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<ConfirmTransferMutation, ConfirmTransferMutationVariables>;
export const ShipOrderDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ShipOrder($input: ShipOrderInput!) {
  shipOrder(input: $input) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<ShipOrderMutation, ShipOrderMutationVariables>;
export const AddTrackingEventDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation AddTrackingEvent($orderId: ID!, $description: String!, $location: String) {
  addTrackingEvent(
    orderId: $orderId
    description: $description
    location: $location
  ) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<AddTrackingEventMutation, AddTrackingEventMutationVariables>;
export const MarkArrivedAtStationDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation MarkArrivedAtStation($orderId: ID!) {
  markArrivedAtStation(orderId: $orderId) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<MarkArrivedAtStationMutation, MarkArrivedAtStationMutationVariables>;
export const HandOverOrderDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation HandOverOrder($orderId: ID!, $pickupCode: String!) {
  handOverOrder(orderId: $orderId, pickupCode: $pickupCode) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<HandOverOrderMutation, HandOverOrderMutationVariables>;
export const MarkDeliveredDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation MarkDelivered($orderId: ID!) {
  markDelivered(orderId: $orderId) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<MarkDeliveredMutation, MarkDeliveredMutationVariables>;
export const ConfirmReceiptDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ConfirmReceipt($orderId: ID!) {
  confirmReceipt(orderId: $orderId) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<ConfirmReceiptMutation, ConfirmReceiptMutationVariables>;
export const RequestRefundDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RequestRefund($orderId: ID!, $reason: String!) {
  requestRefund(orderId: $orderId, reason: $reason) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<RequestRefundMutation, RequestRefundMutationVariables>;
export const DecideRefundDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation DecideRefund($orderId: ID!, $approve: Boolean!, $note: String) {
  decideRefund(orderId: $orderId, approve: $approve, note: $note) {
    ...OrderDetail
  }
}
    fragment OrderSummary on Order {
  id
  number
  status
  paymentMethod
  goodsFen
  freightFen
  totalFen
  placedAt
  deliveryKind
  recipientName
  actions
  seller {
    id
    name
  }
  station {
    id
    name
  }
  lines {
    listingId
    title
    quantity
    unit
  }
}
fragment OrderDetail on Order {
  ...OrderSummary
  sellerId
  address
  countyCode
  recipientPhone
  buyerNote
  cancelReason
  expiresAt
  paidAt
  shippedAt
  deliveredAt
  completedAt
  pickupCode
  lines {
    listingId
    title
    quantity
    unit
    unitPriceFen
    amountFen
  }
  station {
    id
    name
    address
    countyCode
  }
  bankTransfer {
    accountName
    bankName
    accountNumber
    reference
  }
  shipment {
    carrier
    trackingNumber
    ownDelivery
    events {
      occurredAt
      description
      location
      source
    }
  }
  timeline {
    action
    actorRole
    at
    fromStatus
    toStatus
    note
  }
  payments {
    kind
    method
    amountFen
    reference
    createdAt
  }
  review {
    rating
    comment
    createdAt
  }
}`) as unknown as TypedDocumentString<DecideRefundMutation, DecideRefundMutationVariables>;
export const ReviewOrderDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ReviewOrder($orderId: ID!, $rating: Int!, $comment: String) {
  reviewOrder(orderId: $orderId, rating: $rating, comment: $comment)
}
    `) as unknown as TypedDocumentString<ReviewOrderMutation, ReviewOrderMutationVariables>;
export const ShippingTemplateDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ShippingTemplate($organisationId: ID!) {
  shippingTemplate(organisationId: $organisationId) {
    isDefault
    rules {
      ...ShippingRules
    }
  }
}
    fragment ShippingRules on ShippingTemplate {
  coldChainFenPerKg
  excluded
  freeAboveFen
  pieceWeightGrams
  zones {
    regions
    firstKg
    firstFen
    additionalKg
    additionalFen
  }
}`) as unknown as TypedDocumentString<ShippingTemplateQuery, ShippingTemplateQueryVariables>;
export const SetShippingTemplateDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetShippingTemplate($organisationId: ID!, $input: ShippingTemplateInput!) {
  setShippingTemplate(organisationId: $organisationId, input: $input) {
    ...ShippingRules
  }
}
    fragment ShippingRules on ShippingTemplate {
  coldChainFenPerKg
  excluded
  freeAboveFen
  pieceWeightGrams
  zones {
    regions
    firstKg
    firstFen
    additionalKg
    additionalFen
  }
}`) as unknown as TypedDocumentString<SetShippingTemplateMutation, SetShippingTemplateMutationVariables>;
export const BankAccountDocument = /*#__PURE__*/ new TypedDocumentString(`
    query BankAccount($organisationId: ID!) {
  bankAccount(organisationId: $organisationId) {
    ...BankAccountFields
  }
}
    fragment BankAccountFields on BankAccount {
  accountName
  bankName
  accountNumber
}`) as unknown as TypedDocumentString<BankAccountQuery, BankAccountQueryVariables>;
export const SetBankAccountDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetBankAccount($organisationId: ID!, $input: BankAccountInput!) {
  setBankAccount(organisationId: $organisationId, input: $input) {
    ...BankAccountFields
  }
}
    fragment BankAccountFields on BankAccount {
  accountName
  bankName
  accountNumber
}`) as unknown as TypedDocumentString<SetBankAccountMutation, SetBankAccountMutationVariables>;
export const PaymentOptionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PaymentOptions {
  paymentOptions {
    alipay
  }
}
    `) as unknown as TypedDocumentString<PaymentOptionsQuery, PaymentOptionsQueryVariables>;
export const PayOrderWithAlipayDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation PayOrderWithAlipay($orderId: ID!, $channel: AlipayChannel!) {
  payOrderWithAlipay(orderId: $orderId, channel: $channel) {
    outTradeNo
    channel
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<PayOrderWithAlipayMutation, PayOrderWithAlipayMutationVariables>;
export const SellerDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Seller($id: ID!) {
  organisation(id: $id) {
    id
    name
    kind
    verificationStatus
    description
    verifiedAt
    createdAt
    isDemo
    certifications
    county {
      ...CountyFields
    }
  }
}
    fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`) as unknown as TypedDocumentString<SellerQuery, SellerQueryVariables>;
export const SellerContactDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SellerContact($id: ID!) {
  organisation(id: $id) {
    id
    contact {
      name
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<SellerContactQuery, SellerContactQueryVariables>;
export const OrganisationCountyDocument = /*#__PURE__*/ new TypedDocumentString(`
    query OrganisationCounty($id: ID!) {
  organisation(id: $id) {
    id
    county {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationCountyQuery, OrganisationCountyQueryVariables>;
export const OrganisationDetailDocument = /*#__PURE__*/ new TypedDocumentString(`
    query OrganisationDetail($id: ID!) {
  organisation(id: $id) {
    ...OrganisationProfile
    members {
      ...MemberFields
    }
  }
}
    fragment OrganisationProfile on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  description
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  myRole
  county {
    ...CountyFields
  }
  contact {
    name
    phone
  }
}
fragment MemberFields on Member {
  userId
  displayName
  phoneMasked
  role
}
fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`) as unknown as TypedDocumentString<OrganisationDetailQuery, OrganisationDetailQueryVariables>;
export const CreateOrganisationDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateOrganisationMutation, CreateOrganisationMutationVariables>;
export const UpdateOrganisationDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) {
    ...OrganisationProfile
  }
}
    fragment OrganisationProfile on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  description
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  myRole
  county {
    ...CountyFields
  }
  contact {
    name
    phone
  }
}
fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`) as unknown as TypedDocumentString<UpdateOrganisationMutation, UpdateOrganisationMutationVariables>;
export const AddMemberDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation AddMember($input: AddMemberInput!) {
  addMember(input: $input) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  userId
  displayName
  phoneMasked
  role
}`) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const ChangeMemberRoleDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  userId
  displayName
  phoneMasked
  role
}`) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RemoveMember($organisationId: ID!, $userId: ID!) {
  removeMember(organisationId: $organisationId, userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const PendingOrganisationsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PendingOrganisations($first: Int, $after: String) {
  pendingOrganisations(first: $first, after: $after) {
    nodes {
      ...PendingOrganisation
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment PendingOrganisation on Organisation {
  id
  name
  kind
  uscc
  createdAt
  county {
    name
    prefectureName
  }
}`) as unknown as TypedDocumentString<PendingOrganisationsQuery, PendingOrganisationsQueryVariables>;
export const VerifyOrganisationDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation VerifyOrganisation($input: VerifyOrganisationInput!) {
  verifyOrganisation(input: $input) {
    id
    verificationStatus
  }
}
    `) as unknown as TypedDocumentString<VerifyOrganisationMutation, VerifyOrganisationMutationVariables>;
export const AdminOrganisationDocument = /*#__PURE__*/ new TypedDocumentString(`
    query AdminOrganisation($id: ID!) {
  organisation(id: $id) {
    ...AdminOrganisation
  }
}
    fragment AdminOrganisation on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  county {
    name
    prefectureName
  }
}`) as unknown as TypedDocumentString<AdminOrganisationQuery, AdminOrganisationQueryVariables>;
export const SuspendOrganisationDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SuspendOrganisation($organisationId: ID!, $reason: String!) {
  suspendOrganisation(organisationId: $organisationId, reason: $reason) {
    ...AdminOrganisation
  }
}
    fragment AdminOrganisation on Organisation {
  id
  name
  kind
  verificationStatus
  uscc
  rejectionReason
  verifiedAt
  createdAt
  isDemo
  county {
    name
    prefectureName
  }
}`) as unknown as TypedDocumentString<SuspendOrganisationMutation, SuspendOrganisationMutationVariables>;
export const PricesByPlaceDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PricesByPlace($commodity: String!) {
  pricesByPlace(commodity: $commodity) {
    marketId
    marketCode
    name
    kind
    countyCode
    countyName
    day
    avgFen
    changePercent
    trade
  }
}
    `) as unknown as TypedDocumentString<PricesByPlaceQuery, PricesByPlaceQueryVariables>;
export const ChannelsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Channels {
  channels {
    code
    nameZh
    nameEn
    descriptionZh
    descriptionEn
    sortOrder
    attributeSchema
    categories {
      id
      slug
      nameZh
      nameEn
      parentId
    }
  }
}
    `) as unknown as TypedDocumentString<ChannelsQuery, ChannelsQueryVariables>;
export const ReferenceDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Reference {
  units {
    ...UnitFields
  }
  certifications {
    code
    nameZh
    nameEn
  }
}
    fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}`) as unknown as TypedDocumentString<ReferenceQuery, ReferenceQueryVariables>;
export const CountiesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Counties {
  counties {
    ...CountyFields
  }
}
    fragment CountyFields on County {
  code
  name
  prefectureCode
  prefectureName
  isPovertyCounty
}`) as unknown as TypedDocumentString<CountiesQuery, CountiesQueryVariables>;
export const PurchaseRequestsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PurchaseRequests($channel: String, $q: String, $commodity: String, $prefectureCode: String, $first: Int, $after: String) {
  purchaseRequests(
    channel: $channel
    q: $q
    commodity: $commodity
    prefectureCode: $prefectureCode
    first: $first
    after: $after
  ) {
    nodes {
      ...RequestSummary
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}`) as unknown as TypedDocumentString<PurchaseRequestsQuery, PurchaseRequestsQueryVariables>;
export const BuyerRequestsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query BuyerRequests($first: Int, $after: String) {
  purchaseRequests(first: $first, after: $after) {
    nodes {
      ...RequestSummary
      quotes {
        ...RequestQuoteFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}
fragment RequestQuoteFields on RequestQuote {
  id
  sellerId
  listingId
  unitPriceFen
  quantity
  deliveryDate
  note
  status
  createdAt
}`) as unknown as TypedDocumentString<BuyerRequestsQuery, BuyerRequestsQueryVariables>;
export const PurchaseRequestDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PurchaseRequest($id: ID!) {
  purchaseRequest(id: $id) {
    ...RequestSummary
    quotes {
      ...RequestQuoteFields
    }
    suggestions {
      listingId
      sellerId
      title
      score
      pricePerKgFen
      reasons
    }
  }
}
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}
fragment RequestQuoteFields on RequestQuote {
  id
  sellerId
  listingId
  unitPriceFen
  quantity
  deliveryDate
  note
  status
  createdAt
}`) as unknown as TypedDocumentString<PurchaseRequestQuery, PurchaseRequestQueryVariables>;
export const QuoteListingsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query QuoteListings($organisationId: ID!) {
  organisationListings(organisationId: $organisationId, first: 50) {
    nodes {
      id
      title
      status
      unit
    }
  }
}
    `) as unknown as TypedDocumentString<QuoteListingsQuery, QuoteListingsQueryVariables>;
export const SellerNameDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SellerName($id: ID!) {
  organisation(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<SellerNameQuery, SellerNameQueryVariables>;
export const PostPurchaseRequestDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation PostPurchaseRequest($input: PostPurchaseRequestInput!) {
  postPurchaseRequest(input: $input) {
    ...RequestSummary
  }
}
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}`) as unknown as TypedDocumentString<PostPurchaseRequestMutation, PostPurchaseRequestMutationVariables>;
export const ClosePurchaseRequestDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ClosePurchaseRequest($id: ID!) {
  closePurchaseRequest(id: $id) {
    ...RequestSummary
  }
}
    fragment RequestSummary on PurchaseRequest {
  id
  buyerId
  channelCode
  categoryId
  title
  quantity
  unit
  minPriceFen
  maxPriceFen
  deliveryCountyCode
  neededBy
  validUntil
  status
  createdAt
}`) as unknown as TypedDocumentString<ClosePurchaseRequestMutation, ClosePurchaseRequestMutationVariables>;
export const QuotePurchaseRequestDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation QuotePurchaseRequest($input: QuoteRequestInput!) {
  quotePurchaseRequest(input: $input) {
    ...RequestQuoteFields
  }
}
    fragment RequestQuoteFields on RequestQuote {
  id
  sellerId
  listingId
  unitPriceFen
  quantity
  deliveryDate
  note
  status
  createdAt
}`) as unknown as TypedDocumentString<QuotePurchaseRequestMutation, QuotePurchaseRequestMutationVariables>;
export const AcceptQuoteDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation AcceptQuote($quoteId: ID!) {
  acceptQuote(quoteId: $quoteId) {
    ...RequestQuoteFields
  }
}
    fragment RequestQuoteFields on RequestQuote {
  id
  sellerId
  listingId
  unitPriceFen
  quantity
  deliveryDate
  note
  status
  createdAt
}`) as unknown as TypedDocumentString<AcceptQuoteMutation, AcceptQuoteMutationVariables>;
export const MyPriceSubscriptionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query MyPriceSubscriptions {
  myPriceSubscriptions {
    ...PriceSubscriptionFields
  }
}
    fragment PriceSubscriptionFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  marketId
  createdAt
  commodity {
    code
    nameZh
    nameEn
    unitLabel
  }
}`) as unknown as TypedDocumentString<MyPriceSubscriptionsQuery, MyPriceSubscriptionsQueryVariables>;
export const AlertCommoditiesDocument = /*#__PURE__*/ new TypedDocumentString(`
    query AlertCommodities {
  commodities {
    code
    nameZh
    nameEn
    channelCode
  }
}
    `) as unknown as TypedDocumentString<AlertCommoditiesQuery, AlertCommoditiesQueryVariables>;
export const SubscribePriceDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SubscribePrice($input: SubscribePriceInput!) {
  subscribePrice(input: $input) {
    ...PriceSubscriptionFields
  }
}
    fragment PriceSubscriptionFields on PriceSubscription {
  id
  kind
  thresholdFen
  percent
  marketId
  createdAt
  commodity {
    code
    nameZh
    nameEn
    unitLabel
  }
}`) as unknown as TypedDocumentString<SubscribePriceMutation, SubscribePriceMutationVariables>;
export const UnsubscribePriceDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UnsubscribePrice($id: ID!) {
  unsubscribePrice(id: $id)
}
    `) as unknown as TypedDocumentString<UnsubscribePriceMutation, UnsubscribePriceMutationVariables>;
export const ListingMarketPriceDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ListingMarketPrice($listingId: ID!) {
  listingMarketPrice(listingId: $listingId) {
    commodity {
      nameZh
      nameEn
    }
    listingPerKgFen
    marketAvgPerKgFen
    scope
    day
    differencePercent
  }
}
    `) as unknown as TypedDocumentString<ListingMarketPriceQuery, ListingMarketPriceQueryVariables>;
export const SearchDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Search($q: String, $filters: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
  search(q: $q, filters: $filters, sort: $sort, first: $first, after: $after) {
    nodes {
      listing {
        ...SearchListing
      }
      titleSegments {
        text
        match
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
    approximate
    query
    facets {
      ...SearchFacetFields
    }
  }
}
    fragment ListingCard on Listing {
  id
  title
  isDemo
  isPovertyProduct
  basePriceFen
  pricePerKgFen
  unitInfo {
    ...UnitFields
  }
  channel {
    code
    nameZh
    nameEn
  }
  seller {
    id
    name
  }
  originCounty {
    name
    prefectureName
  }
  images {
    url
  }
}
fragment UnitFields on UnitView {
  code
  nameZh
  nameEn
  isMass
}
fragment SearchListing on Listing {
  ...ListingCard
  certifications
}
fragment FacetValueFields on FacetValue {
  value
  labelZh
  labelEn
  count
  selected
}
fragment SearchFacetFields on SearchFacets {
  channels {
    ...FacetValueFields
  }
  categories {
    ...FacetValueFields
  }
  prefectures {
    ...FacetValueFields
  }
  counties {
    ...FacetValueFields
  }
  certifications {
    ...FacetValueFields
  }
  priceRanges {
    minFen
    maxFen
    count
  }
  poverty
  inStock
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const SearchPreviewDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SearchPreview($q: String, $filters: SearchFilterInput) {
  search(q: $q, filters: $filters, first: 1) {
    totalCount
    approximate
    facets {
      ...SearchFacetFields
    }
  }
}
    fragment FacetValueFields on FacetValue {
  value
  labelZh
  labelEn
  count
  selected
}
fragment SearchFacetFields on SearchFacets {
  channels {
    ...FacetValueFields
  }
  categories {
    ...FacetValueFields
  }
  prefectures {
    ...FacetValueFields
  }
  counties {
    ...FacetValueFields
  }
  certifications {
    ...FacetValueFields
  }
  priceRanges {
    minFen
    maxFen
    count
  }
  poverty
  inStock
}`) as unknown as TypedDocumentString<SearchPreviewQuery, SearchPreviewQueryVariables>;
export const SearchSuggestionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SearchSuggestions($q: String!) {
  searchSuggestions(q: $q) {
    text
    count
  }
}
    `) as unknown as TypedDocumentString<SearchSuggestionsQuery, SearchSuggestionsQueryVariables>;
export const ViewerDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Viewer {
  viewer {
    ...ViewerFields
  }
}
    fragment ViewerFields on Viewer {
  id
  phone
  displayName
  isPlatformAdmin
  memberships {
    role
    organisation {
      id
      name
      kind
      verificationStatus
    }
  }
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const SessionCheckDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SessionCheck {
  viewer {
    id
  }
}
    `) as unknown as TypedDocumentString<SessionCheckQuery, SessionCheckQueryVariables>;
export const SignUpDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    ...AuthFields
  }
}
    fragment ViewerFields on Viewer {
  id
  phone
  displayName
  isPlatformAdmin
  memberships {
    role
    organisation {
      id
      name
      kind
      verificationStatus
    }
  }
}
fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  accessTokenExpiresAt
  viewer {
    ...ViewerFields
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    ...AuthFields
  }
}
    fragment ViewerFields on Viewer {
  id
  phone
  displayName
  isPlatformAdmin
  memberships {
    role
    organisation {
      id
      name
      kind
      verificationStatus
    }
  }
}
fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  accessTokenExpiresAt
  viewer {
    ...ViewerFields
  }
}`) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation LogOut($refreshToken: String) {
  logOut(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const RefreshDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const TradeFlowsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query TradeFlows($commodity: String!, $months: Int!) {
  tradeFlows(commodity: $commodity, months: $months) {
    month
    direction
    volumeKg
    valueFen
    source
    sample
  }
}
    `) as unknown as TypedDocumentString<TradeFlowsQuery, TradeFlowsQueryVariables>;