import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { optionalText, requireText } from '../../common/text-input';
import { GeoService } from '../geo/geo.service';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationKind, VerificationStatus } from '../identity/organisation.entity';
import { OrganisationService } from '../identity/organisation.service';
import { DEFAULT_FREIGHT_RULES, type FreightRules, freightRulesProblem } from './freight';
import { ServiceStation, Shipment, ShippingTemplate, TrackingEvent } from './logistics.entities';

export interface NewStation {
  organisationId: string;
  name: string;
  countyCode: string;
  address: string;
}

export interface NewTrackingEvent {
  description: string;
  location?: string | null;
  source: 'SELLER' | 'LOGISTICS' | 'STATION' | 'CARRIER' | 'SYSTEM';
  actorId?: string | null;
  externalId?: string | null;
  occurredAt?: Date;
}

/** Shipping templates and freight, village service stations, shipments and their tracking. */
@Injectable()
export class LogisticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    private readonly geo: GeoService,
  ) {}

  async template(ctx: RequestContext, organisationId: string): Promise<{ rules: FreightRules; isDefault: boolean }> {
    await this.organisations.requireSeller(ctx, organisationId);
    const row = await this.em.findOne(ShippingTemplate, { organisationId });
    return { rules: row?.rules ?? DEFAULT_FREIGHT_RULES, isDefault: !row };
  }

  async setTemplate(ctx: RequestContext, organisationId: string, input: FreightRules): Promise<FreightRules> {
    await this.organisations.requireSeller(ctx, organisationId);
    const rules: FreightRules = {
      zones: (input.zones ?? []).map((z) => ({
        regions: [...new Set(z.regions ?? [])],
        firstKg: z.firstKg,
        firstFen: z.firstFen,
        additionalKg: z.additionalKg,
        additionalFen: z.additionalFen,
      })),
      excluded: [...new Set(input.excluded ?? [])],
      coldChainFenPerKg: input.coldChainFenPerKg ?? 0,
      freeAboveFen: input.freeAboveFen ?? null,
      pieceWeightGrams: input.pieceWeightGrams ?? DEFAULT_FREIGHT_RULES.pieceWeightGrams,
    };
    const problem = freightRulesProblem(rules);
    if (problem) throw new DomainError('logistics/template-invalid', { problem });
    const counties = await this.geo.countyMap();
    const known = (code: string) => code === '430000' || counties.has(code) || [...counties.values()].some((c) => c.prefectureCode === code);
    const unknown = [...rules.zones.flatMap((z) => z.regions), ...rules.excluded].find((code) => !known(code));
    if (unknown) throw new DomainError('logistics/template-invalid', { problem: `unknown region ${unknown}` });
    await this.em.getConnection().execute(
      `insert into shipping_template (organisation_id, rules, updated_at) values (?, ?::jsonb, now())
       on conflict (organisation_id) do update set rules = excluded.rules, updated_at = now()`,
      [organisationId, JSON.stringify(rules)],
    );
    return rules;
  }

  async createStation(ctx: RequestContext, input: NewStation): Promise<ServiceStation> {
    await this.organisations.requireRole(ctx, input.organisationId, MemberRole.MANAGER);
    const org = await this.organisations.byId(input.organisationId);
    if (org.kind !== OrganisationKind.SERVICE_STATION) throw new DomainError('auth/forbidden', { reason: 'not a service-station organisation' });
    const name = requireText(input.name, 'stationName', 'logistics/station-invalid');
    const address = requireText(input.address, 'stationAddress', 'logistics/station-invalid');
    const county = await this.geo.requireCounty(input.countyCode);
    const station = this.em.create(ServiceStation, { organisationId: org.id, name, countyCode: county.code, address });
    await this.em.flush();
    return station;
  }

  /** Stations buyers can choose: those of verified operators, optionally in one county or prefecture. */
  async stations(filter: { countyCode?: string; organisationId?: string }): Promise<ServiceStation[]> {
    const where = ['o.verification_status = ?'];
    const params: unknown[] = [VerificationStatus.VERIFIED];
    if (filter.countyCode) {
      where.push(filter.countyCode.endsWith('00') ? 's.county_code like ?' : 's.county_code = ?');
      params.push(filter.countyCode.endsWith('00') ? `${filter.countyCode.slice(0, 4)}%` : filter.countyCode);
    }
    if (filter.organisationId) {
      if (!isUuid(filter.organisationId)) return [];
      where.push('s.organisation_id = ?');
      params.push(filter.organisationId);
    }
    const rows = await this.em.getConnection().execute<{ id: string }[]>(
      `select s.id from service_station s join organisation o on o.id = s.organisation_id where ${where.join(' and ')} order by s.county_code, s.name limit 500`,
      params,
    );
    if (!rows.length) return [];
    const stations = await this.em.find(ServiceStation, { id: { $in: rows.map((r) => r.id) } });
    return rows.map((r) => stations.find((s) => s.id === r.id)!);
  }

  /** A station a buyer may send parcels to (its operator verified), or a typed error. */
  async requireStation(em: EntityManager, id: string): Promise<ServiceStation> {
    const station = isUuid(id) ? await em.findOne(ServiceStation, id) : null;
    if (!station) throw new DomainError('logistics/station-unknown');
    const operator = await this.organisations.byId(station.organisationId);
    if (operator.verificationStatus !== VerificationStatus.VERIFIED) throw new DomainError('logistics/station-unknown');
    return station;
  }

  async stationsByIds(ids: readonly string[], em: EntityManager = this.em): Promise<ServiceStation[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? em.find(ServiceStation, { id: { $in: valid } }) : [];
  }

  /** Verified logistics partners, for a seller choosing who carries a parcel. */
  async partners(): Promise<{ id: string; name: string; countyCode: string }[]> {
    return this.em.getConnection().execute(
      `select id, name, county_code as "countyCode" from organisation where kind = 'LOGISTICS' and verification_status = 'VERIFIED' order by name limit 200`,
    );
  }

  /** A verified logistics partner, for a seller handing a parcel to it. */
  async requirePartner(organisationId: string): Promise<void> {
    const org = isUuid(organisationId) ? await this.organisations.byId(organisationId).catch(() => null) : null;
    if (!org || org.kind !== OrganisationKind.LOGISTICS || org.verificationStatus !== VerificationStatus.VERIFIED) {
      throw new DomainError('logistics/partner-unknown');
    }
  }

  async createShipment(em: EntityManager, shipment: Omit<Shipment, 'id' | 'createdAt'>): Promise<Shipment> {
    const row = em.create(Shipment, shipment);
    await em.flush();
    return row;
  }

  async shipmentsOf(orderIds: readonly string[]): Promise<Shipment[]> {
    return orderIds.length ? this.em.find(Shipment, { orderId: { $in: [...orderIds] } }) : [];
  }

  async shipmentOf(em: EntityManager, orderId: string): Promise<Shipment | null> {
    return em.findOne(Shipment, { orderId });
  }

  /** Adds a tracking event; one with an external id already recorded for the shipment adds nothing. Returns whether it was new. */
  async track(em: EntityManager, shipmentId: string, event: NewTrackingEvent): Promise<boolean> {
    const description = requireText(event.description, 'trackingDescription', 'logistics/tracking-invalid');
    const location = optionalText(event.location, 'trackingLocation', 'logistics/tracking-invalid') ?? null;
    const rows = await sqlIn(em)(
      `insert into tracking_event (shipment_id, occurred_at, description, location, source, actor_id, external_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, now()) on conflict (shipment_id, external_id) do nothing returning id`,
      [shipmentId, event.occurredAt ?? new Date(), description, location, event.source, event.actorId ?? null, event.externalId ?? null],
    );
    return rows.length > 0;
  }

  async trackingOf(shipmentIds: readonly string[]): Promise<TrackingEvent[]> {
    return shipmentIds.length
      ? this.em.find(TrackingEvent, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { occurredAt: 'asc', id: 'asc' } })
      : [];
  }
}
