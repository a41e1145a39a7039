import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { FreightRules } from './freight';

/** A seller's shipping template (one per seller). Sellers without one deliver within Hunan free (see DEFAULT_FREIGHT_RULES). */
@Entity({ tableName: 'shipping_template' })
export class ShippingTemplate {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'jsonb' })
  rules!: FreightRules;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** A village service station (村级服务站) where parcels wait for buyers, run by a service-station organisation. */
@Entity({ tableName: 'service_station' })
@Index({ properties: ['countyCode'] })
export class ServiceStation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  @Index()
  organisationId!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 6 })
  countyCode!: string;

  /** township, village and how to find it */
  @Property({ type: 'string', length: 400 })
  address!: string;

  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** How an order's goods travel: a carrier with a tracking number, or the seller's own delivery; optionally to a station. */
@Entity({ tableName: 'shipment' })
@Index({ properties: ['carrier', 'trackingNumber'] })
export class Shipment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', unique: true })
  orderId!: string;

  /** express company code (e.g. SF, YTO, EMS); null for the seller's own delivery */
  @Property({ type: 'string', length: 20, nullable: true })
  carrier?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  trackingNumber?: string | null;

  /** the logistics partner that carries it, if one does */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  logisticsOrganisationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  stationId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One step of a parcel's journey, from the seller, a logistics partner, a station or a carrier's webhook. */
@Entity({ tableName: 'tracking_event' })
@Index({ properties: ['shipmentId', 'occurredAt'] })
@Unique({ properties: ['shipmentId', 'externalId'] })
export class TrackingEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  shipmentId!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 400 })
  description!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  location?: string | null;

  /** SELLER, LOGISTICS, STATION, CARRIER or SYSTEM */
  @Property({ type: 'string', length: 12 })
  source!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** the carrier's id for the event, so that a repeated push adds nothing */
  @Property({ type: 'string', length: 64, nullable: true })
  externalId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** Signed webhook deliveries already accepted, so that a replayed one is refused. */
@Entity({ tableName: 'webhook_delivery' })
export class WebhookDelivery {
  /** sha-256 of the signature header */
  @PrimaryKey({ type: 'string', length: 64 })
  digest!: string;

  @Property({ type: 'timestamptz' })
  @Index()
  receivedAt: Date & Opt = new Date();
}
