import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isMassUnit, pricePerKgFen, unitInfo, type PriceTier } from '@xiangnong/domain';
import { pooledQuery, sqlIn } from '../../common/sql';
import { GeoService } from '../geo/geo.service';
import type { Organisation, OrganisationKind, VerificationStatus } from '../identity/organisation.entity';
import type { ListingStatus } from './listing.entity';
import type { ListingView } from './listing.view';
import { unitView } from './reference.view';

/** One row of the listing read query: the listing, its seller and its images. */
interface ListingRow {
  id: string;
  channel_code: string;
  category_id: number;
  title: string;
  description?: string;
  attributes?: Record<string, string | number | boolean>;
  origin_county_code: string;
  unit: string;
  price_tiers?: PriceTier[];
  base_price_fen: number;
  min_order_quantity: number;
  stock: number;
  certifications?: string[];
  status: ListingStatus;
  is_demo: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  published_at: Date | string | null;
  seller_id: string;
  seller_name: string;
  seller_kind: OrganisationKind;
  seller_uscc?: string;
  seller_county_code: string;
  seller_description?: string | null;
  seller_status: VerificationStatus;
  seller_verified_at?: Date | string | null;
  seller_rejection_reason?: string | null;
  seller_contact_name?: string | null;
  seller_contact_phone?: string | null;
  seller_is_demo: boolean;
  seller_created_at?: Date | string;
  images?: { id: string; key: string }[];
}

/** Columns every read needs (identity, visibility, cursors, county, price); the rest only when asked for. */
const BASE_COLUMNS = [
  'l.id', 'l.channel_code', 'l.category_id', 'l.title', 'l.origin_county_code', 'l.unit', 'l.base_price_fen',
  'l.min_order_quantity', 'l.stock', 'l.status', 'l.is_demo', 'l.created_at', 'l.updated_at', 'l.published_at',
  'o.id as seller_id', 'o.name as seller_name', 'o.kind as seller_kind', 'o.county_code as seller_county_code',
  'o.verification_status as seller_status', 'o.is_demo as seller_is_demo',
];

/** GraphQL field (as selectedFields names it) → the column it needs. */
const OPTIONAL_COLUMNS: Record<string, string> = {
  description: 'l.description',
  attributes: 'l.attributes',
  priceTiers: 'l.price_tiers',
  certifications: 'l.certifications',
  'seller.uscc': 'o.uscc as seller_uscc',
  'seller.description': 'o.description as seller_description',
  'seller.verifiedAt': 'o.verified_at as seller_verified_at',
  'seller.rejectionReason': 'o.rejection_reason as seller_rejection_reason',
  'seller.createdAt': 'o.created_at as seller_created_at',
  'seller.contact': 'o.contact_name as seller_contact_name, o.contact_phone as seller_contact_phone',
  images: `coalesce((select json_agg(json_build_object('id', i.id, 'key', i.storage_key) order by i.position)
                       from listing_image i where i.listing_id = l.id), '[]'::json) as images`,
};

/** Fields a listing card holds besides the base columns: what search results show (see cardRows). */
const CARD_FIELDS: ReadonlySet<string> = new Set(['certifications']);

function selectList(fields: ReadonlySet<string> | undefined): string {
  const optional = Object.entries(OPTIONAL_COLUMNS)
    .filter(([field]) => !fields || fields.has(field))
    .map(([, column]) => column);
  return [...BASE_COLUMNS, ...optional].join(', ');
}

export interface ListingQuery {
  /** SQL conditions on `l` (listing) and `o` (seller), joined with `and`; `?` placeholders */
  where: string[];
  params: unknown[];
  orderBy: string;
  limit: number;
  /** GraphQL fields asked for (see selectedFields); all columns when absent */
  fields?: ReadonlySet<string>;
}

/**
 * Reads listings for display. Writes go through the ORM (ListingService); reads come from one SQL
 * query that brings the seller and images along, mapped to plain view objects that GraphQL resolves
 * without any per-field work. Counties come from the in-memory county table.
 */
@Injectable()
export class ListingReadModel {
  constructor(
    private readonly em: EntityManager,
    private readonly geo: GeoService,
  ) {}

  async find(query: ListingQuery): Promise<ListingView[]> {
    const sql = `select ${selectList(query.fields)} from listing l join organisation o on o.id = l.organisation_id
      where ${query.where.join(' and ')} order by ${query.orderBy} limit ?`;
    return this.views(await this.query(sql, [...query.params, query.limit]));
  }

  /**
   * The cards of these listings, within `em`'s transaction: the row a read of the fields search
   * results show gives, to be kept with their search documents (as JSON) and turned into views by
   * `fromCards` when a search asks for nothing more (`cardsHold`).
   */
  async cardRows(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    if (!ids.length) return [];
    return sqlIn(em)(`select ${selectList(CARD_FIELDS)} from listing l join organisation o on o.id = l.organisation_id where l.id in (?)`, [[...ids]]);
  }

  /** Whether cards hold every field asked for (GraphQL fields as selectedFields names them). */
  cardsHold(fields: ReadonlySet<string> | undefined): boolean {
    return !!fields && Object.keys(OPTIONAL_COLUMNS).every((field) => CARD_FIELDS.has(field) || !fields.has(field));
  }

  /** Stored cards (JSON) as views, in their order. */
  fromCards(cards: readonly string[]): Promise<ListingView[]> {
    return this.views(cards.map((card) => JSON.parse(card) as ListingRow));
  }

  private async views(rows: ListingRow[]): Promise<ListingView[]> {
    const counties = await this.geo.countyMap();
    // Columns that were not asked for leave their fields undefined; GraphQL never reads those.
    return rows.map((row) => {
      const county = counties.get(row.origin_county_code)!;
      // a plain object: constructing entities would attach ORM machinery we do not need for display
      const seller = {
        id: row.seller_id,
        name: row.seller_name,
        kind: row.seller_kind,
        uscc: row.seller_uscc,
        county: counties.get(row.seller_county_code)!,
        description: row.seller_description ?? undefined,
        verificationStatus: row.seller_status,
        verifiedAt: row.seller_verified_at ? new Date(row.seller_verified_at) : undefined,
        rejectionReason: row.seller_rejection_reason ?? undefined,
        contactName: row.seller_contact_name,
        contactPhone: row.seller_contact_phone,
        isDemo: row.seller_is_demo,
        createdAt: row.seller_created_at ? new Date(row.seller_created_at) : undefined,
      } as Organisation;
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        attributes: row.attributes,
        unit: row.unit,
        unitInfo: unitView(unitInfo(row.unit)!),
        priceTiers: row.price_tiers?.map((t) => ({ ...t, pricePerKgFen: pricePerKgFen(t.unitPriceFen, row.unit) })),
        basePriceFen: row.base_price_fen,
        pricePerKgFen: isMassUnit(row.unit) ? pricePerKgFen(row.base_price_fen, row.unit) : null,
        minOrderQuantity: row.min_order_quantity,
        stock: row.stock,
        certifications: row.certifications,
        status: row.status,
        isDemo: row.is_demo,
        isPovertyProduct: county.isPovertyCounty,
        originCounty: county,
        seller,
        images: row.images?.map((img) => ({ id: img.id, url: `/files/${img.key}` })),
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
        publishedAt: row.published_at ? new Date(row.published_at) : null,
        channelCode: row.channel_code,
        categoryId: row.category_id,
      } as ListingView;
    });
  }

  private query(sql: string, params: unknown[]): Promise<ListingRow[]> {
    return pooledQuery<ListingRow>(this.em, sql, params, { prepare: true });
  }

  async byId(id: string): Promise<ListingView | undefined> {
    const [view] = await this.find({ where: ['l.id = ?'], params: [id], orderBy: 'l.id', limit: 1 });
    return view;
  }
}
