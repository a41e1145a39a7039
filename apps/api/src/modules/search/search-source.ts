import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isMassUnit, pricePerKgFen, type AttributeSchema } from '@xiangnong/domain';
import { sqlIn } from '../../common/sql';
import { CERTIFICATIONS } from '../catalog/certifications';
import { ListingReadModel } from '../catalog/listing.read-model';
import { GeoService } from '../geo/geo.service';
import type { IndexedListing } from './search-engine';

interface SourceRow {
  id: string;
  public: boolean;
  channel_code: string;
  channel_name_en: string;
  attribute_schema: AttributeSchema;
  category_id: number;
  category_name: string;
  category_name_en: string;
  parent_id: number | null;
  parent_name: string | null;
  parent_name_en: string | null;
  title: string;
  description: string;
  attributes: Record<string, string | number | boolean>;
  origin_county_code: string;
  unit: string;
  base_price_fen: number;
  stock: number;
  certifications: string[];
  published_at: Date | string | null;
  seller_id: string;
  seller_name: string;
}

const CERTIFICATION_NAMES = new Map(CERTIFICATIONS.map((c) => [c.code, c.nameZh]));
const CERTIFICATION_NAMES_EN = new Map(CERTIFICATIONS.map((c) => [c.code, c.nameEn]));

/** The words an attribute contributes: an option's label, a text value, a true flag's label, a year. */
function attributeWords(schema: AttributeSchema, attributes: Record<string, string | number | boolean>): string[] {
  const out: string[] = [];
  for (const def of schema.attributes ?? []) {
    const value = attributes[def.key];
    if (value === undefined || value === null || value === '') continue;
    switch (def.type) {
      case 'enum':
        out.push(def.options?.find((o) => o.value === value)?.labelZh ?? String(value));
        break;
      case 'text':
        out.push(String(value));
        break;
      case 'boolean':
        if (value === true) out.push(def.labelZh);
        break;
      case 'year':
        out.push(`${value}年`);
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Reads listings as the search engines index them, always from their current state in the
 * database (an event only says which listings to look at). A listing that is not public (draft,
 * paused, archived, or its seller not verified) comes back as a removal.
 */
@Injectable()
export class SearchSource {
  constructor(
    private readonly geo: GeoService,
    private readonly reads: ListingReadModel,
  ) {}

  async load(em: EntityManager, ids: readonly string[]): Promise<{ upserts: IndexedListing[]; removals: string[] }> {
    if (!ids.length) return { upserts: [], removals: [] };
    const rows = await sqlIn(em)<SourceRow>(
      `select l.id, (l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED') as public,
              l.channel_code, ch.name_en as channel_name_en, ch.attribute_schema,
              l.category_id, c.name_zh as category_name, c.name_en as category_name_en, c.parent_id, p.name_zh as parent_name, p.name_en as parent_name_en,
              l.title, l.description, l.attributes, l.origin_county_code, l.unit, l.base_price_fen, l.stock,
              l.certifications, l.published_at, o.id as seller_id, o.name as seller_name
         from listing l
         join organisation o on o.id = l.organisation_id
         join channel ch on ch.code = l.channel_code
         join category c on c.id = l.category_id
         left join category p on p.id = c.parent_id
        where l.id in (?)`,
      [[...ids]],
    );
    const counties = await this.geo.countyMap();
    const cards = new Map((await this.reads.cardRows(em, rows.filter((row) => row.public).map((row) => row.id))).map((card) => [card.id, card]));
    const upserts: IndexedListing[] = [];
    for (const row of rows) {
      if (!row.public) continue;
      const county = counties.get(row.origin_county_code)!;
      const certificationNames = row.certifications.map((code) => CERTIFICATION_NAMES.get(code) ?? code);
      upserts.push({
        id: row.id,
        text: {
          title: row.title,
          names: [
            row.category_name,
            ...(row.parent_name ? [row.parent_name] : []),
            ...attributeWords(row.attribute_schema, row.attributes),
            row.seller_name,
            county.name,
            county.prefectureName,
            ...certificationNames,
            ...(county.isPovertyCounty ? ['扶贫产品'] : []),
            // English names, for buyers who search in English (black tea, camellia oil, organic)
            row.channel_name_en,
            row.category_name_en,
            ...(row.parent_name_en ? [row.parent_name_en] : []),
            ...row.certifications.map((code) => CERTIFICATION_NAMES_EN.get(code) ?? code),
          ],
          description: row.description,
          attributes: row.attributes,
        },
        names: [row.category_name, ...(row.parent_name ? [row.parent_name] : []), row.seller_name],
        channelCode: row.channel_code,
        categoryIds: row.parent_id ? [row.category_id, row.parent_id] : [row.category_id],
        prefectureCode: county.prefectureCode,
        countyCode: county.code,
        poverty: county.isPovertyCounty,
        certifications: row.certifications,
        pricePerKgFen: isMassUnit(row.unit) ? pricePerKgFen(row.base_price_fen, row.unit) : null,
        inStock: row.stock > 0,
        publishedAt: new Date(row.published_at ?? 0),
        sellerId: row.seller_id,
        card: cards.get(row.id)!,
      });
    }
    const indexed = new Set(upserts.map((u) => u.id));
    return { upserts, removals: ids.filter((id) => !indexed.has(id)) };
  }

  /** Ids of an organisation's listings, for re-reading them all when the organisation changes. */
  async idsOfOrganisation(em: EntityManager, organisationId: string): Promise<string[]> {
    const rows = await sqlIn(em)<{ id: string }>('select id from listing where organisation_id = ? order by id', [organisationId]);
    return rows.map((r) => r.id);
  }

  /** Ids of public listings after `after` in id order, for a rebuild. */
  async publicIdsAfter(em: EntityManager, after: string | undefined, limit: number): Promise<string[]> {
    const rows = await sqlIn(em)<{ id: string }>(
      `select l.id from listing l join organisation o on o.id = l.organisation_id
        where l.id > ?::uuid and l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED'
        order by l.id limit ?`,
      [after ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map((r) => r.id);
  }
}
