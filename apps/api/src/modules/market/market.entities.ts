import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A standard variety prices are quoted for (早籼稻, 生猪, 冰糖橙 …) with the unit it is usually
 * quoted in. Imports find it by name or alias. Its observations live in `market.price_observation`,
 * a table partitioned by month that only SQL reads and writes (see PriceObservations).
 */
@Entity({ tableName: 'commodity' })
export class Commodity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'string', length: 80 })
  nameZh!: string;

  @Property({ type: 'string', length: 80 })
  nameEn!: string;

  @Property({ type: 'string', length: 20 })
  @Index()
  channelCode!: string;

  /** the listing category it prices: listings in it (or below it) are compared with this commodity's market average */
  @Property({ type: 'integer', nullable: true })
  @Index()
  categoryId?: number | null;

  /** the usual quoting unit: `unitQuantity` × `unit`, e.g. 50 × KG for 元/50公斤 */
  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Property({ type: 'integer', default: 1 })
  unitQuantity: number & Opt = 1;

  /** other names bulletins use (早稻 for 早籼稻, 毛猪 for 生猪) */
  @Property({ type: 'text[]', default: '{}' })
  aliases: string[] & Opt = [];

  @Property({ type: 'integer', default: 0 })
  sortOrder: number & Opt = 0;
}

/** A place prices are observed: a wholesale market, a farm-gate collection point or a retail monitoring point, in a county. */
@Entity({ tableName: 'market' })
export class Market {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** WHOLESALE, FARM_GATE or RETAIL */
  @Property({ type: 'string', length: 12 })
  kind!: 'WHOLESALE' | 'FARM_GATE' | 'RETAIL';

  @Property({ type: 'string', length: 6 })
  @Index()
  countyCode!: string;
}

/** One price file brought in: its progress while it runs, then its outcome. */
@Entity({ tableName: 'price_import' })
@Index({ properties: ['createdAt'] })
export class PriceImport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 400 })
  fileName!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  @Index()
  fileSha256?: string | null;

  /** QUEUED, CHECKING, WRITING, DONE, FAILED (rows refused: nothing written) or DUPLICATE (the same file was imported before) */
  @Property({ type: 'string', length: 12 })
  status!: string;

  /** the saved header mapping used, if any */
  @Property({ type: 'string', length: 120, nullable: true })
  mappingName?: string | null;

  @Property({ type: 'integer', default: 0 })
  rowsRead: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  rowsChecked: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  rowsWritten: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  errorCount: number & Opt = 0;

  /** why the whole file was refused (unreadable, headers not understood), in Chinese and English */
  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  /** the sample history of the embedded start (示例) */
  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  /** the commodities its quotes are for */
  @Property({ type: 'integer[]', default: '{}' })
  commodityIds: number[] & Opt = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}

/** A refused row of an import: its line and what is wrong with it (the first 10,000 are kept). */
@Entity({ tableName: 'price_import_error' })
@Index({ properties: ['importId', 'line'] })
export class PriceImportError {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  importId!: string;

  @Property({ type: 'integer' })
  line!: number;

  @Property({ type: 'text[]' })
  problems!: string[];
}

/** Headers an operator mapped to fields once, to be used again for files in the same layout. */
@Entity({ tableName: 'import_mapping' })
export class ImportMapping {
  @PrimaryKey({ type: 'string', length: 120 })
  name!: string;

  /** header text → field (commodity, market, average …) */
  @Property({ type: 'jsonb' })
  fields!: Record<string, string>;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** An uploaded price file kept in the database, in pieces, until its import has run (any instance may run it). */
@Entity({ tableName: 'price_import_chunk' })
export class PriceImportChunk {
  @PrimaryKey({ type: 'uuid' })
  importId!: string;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'blob' })
  data!: Buffer;
}

/**
 * A subscriber following a commodity: an alert when its average per kg (everywhere, or at one
 * market) reaches a threshold or moves by a share in a day, or a daily digest.
 */
@Entity({ tableName: 'price_subscription' })
@Index({ properties: ['commodityId'] })
export class PriceSubscription {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  @Index()
  userId!: string;

  @Property({ type: 'integer' })
  commodityId!: number;

  /** ABOVE, BELOW (thresholdFen per kg), MOVE (percentBp over `days`) or DIGEST */
  @Property({ type: 'string', length: 8 })
  kind!: 'ABOVE' | 'BELOW' | 'MOVE' | 'DIGEST';

  @Property({ type: 'integer', nullable: true })
  thresholdFen?: number | null;

  /** a move in basis points (500 = 5 %) */
  @Property({ type: 'integer', nullable: true })
  percentBp?: number | null;

  /** MOVE: the change is measured against the latest quotes at least this many days before */
  @Property({ type: 'integer', nullable: true })
  days?: number | null;

  @Property({ type: 'integer', nullable: true })
  marketId?: number | null;

  /** a county instead of a market (neither: the province) */
  @Property({ type: 'string', length: 6, nullable: true })
  countyCode?: string | null;

  /** whether the price was beyond the rule when last evaluated: an alert goes out when this turns true */
  @Property({ type: 'boolean', default: false })
  beyond: boolean & Opt = false;

  /** the quote day of that evaluation; quotes of older days do not change the state */
  @Property({ type: 'date', nullable: true })
  stateOn?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** An alert sent: one per subscription and day at most, however often the day's quotes arrive. */
@Entity({ tableName: 'price_alert' })
export class PriceAlert {
  @PrimaryKey({ type: 'uuid' })
  subscriptionId!: string;

  @PrimaryKey({ type: 'date' })
  observedOn!: string;

  @Property({ type: 'integer' })
  avgFen!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** An organisation whose members report the day's quotes of a market (市场报价员). */
@Entity({ tableName: 'market_reporter' })
export class MarketReporter {
  @PrimaryKey({ type: 'integer' })
  marketId!: number;

  @PrimaryKey({ type: 'uuid' })
  @Index()
  organisationId!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** Where a user's price alerts are also sent, signed with the secret: one address per user. */
@Entity({ tableName: 'alert_webhook' })
export class AlertWebhook {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'string', length: 500 })
  url!: string;

  @Property({ type: 'string', length: 80 })
  secret!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One alert (or test) sent to a webhook: what was sent, each try's answer, and how it ended. */
@Entity({ tableName: 'alert_webhook_delivery' })
@Index({ properties: ['userId', 'createdAt'] })
export class AlertWebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  /** price-alert or ping */
  @Property({ type: 'string', length: 20 })
  event!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** PENDING (tries left), DELIVERED (a 2xx answer) or FAILED (no tries left, or the address was removed) */
  @Property({ type: 'string', length: 10 })
  status: ('PENDING' | 'DELIVERED' | 'FAILED') & Opt = 'PENDING';

  @Property({ type: 'smallint', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'smallint', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'string', length: 300, nullable: true })
  error?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
