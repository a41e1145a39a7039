import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttributeSchema } from '@xiangnong/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';

const REFERENCE_DATA_DIR = join(__dirname, '..', '..', 'reference-data');

function readReference(name: string): string {
  return readFileSync(join(REFERENCE_DATA_DIR, name), 'utf8');
}

export interface ChannelSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  sortOrder: number;
  attributeSchema: AttributeSchema;
  categories: CategorySeed[];
}

export interface CategorySeed {
  slug: string;
  nameZh: string;
  nameEn: string;
  children?: CategorySeed[];
}

function channelSeeds(): ChannelSeed[] {
  return JSON.parse(readReference('channels.json')) as ChannelSeed[];
}

interface CommoditySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  channel: string;
  unit: string;
  unitQuantity: number;
  aliases: string[];
  category: string | null;
}

interface MarketSeed {
  code: string;
  name: string;
  kind: string;
  county: string;
}

/** Inserts a category tree, keeping categories that exist (matched by channel and slug). */
type Sql = <T>(sql: string, params: unknown[]) => Promise<T>;

async function insertCategories(
  sql: Sql,
  channelCode: string,
  categories: CategorySeed[],
  parentId: number | null,
): Promise<void> {
  for (const [i, cat] of categories.entries()) {
    await sql(
      `insert into category (channel_code, slug, name_zh, name_en, sort_order, parent_id) values (?, ?, ?, ?, ?, ?)
       on conflict (channel_code, slug) do nothing`,
      [channelCode, cat.slug, cat.nameZh, cat.nameEn, i, parentId],
    );
    if (cat.children?.length) {
      const [row] = await sql<{ id: number }[]>('select id from category where channel_code = ? and slug = ?', [channelCode, cat.slug]);
      await insertCategories(sql, channelCode, cat.children, row!.id);
    }
  }
}

/**
 * Loads Hunan's counties and the poverty-county facts, the five starting channels, and the
 * commodities and markets prices are quoted for, into the database. Idempotent: counties are upserted from the published tables; channels and categories
 * are only inserted when missing, so that an operator's later edits are kept.
 */
export async function loadReferenceData(em: EntityManager): Promise<void> {
  const counties = parseCsv(readReference('hunan-counties.csv'));
  const poverty = new Map(parseCsv(readReference('hunan-poverty-counties.csv')).filter((r) => r.code).map((r) => [r.code!, r]));
  await em.transactional(async (tx) => {
    const c = tx.getConnection();
    // every statement on the transaction's own connection, so the load is all or nothing
    const sql: Sql = <T>(text: string, params: unknown[]) => c.execute(text, params, 'all', tx.getTransactionContext()) as Promise<T>;
    for (const county of counties) {
      const p = poverty.get(county.code!);
      await sql(
        `insert into county (code, name, prefecture_code, prefecture_name, division_type, is_poverty_county,
                             poverty_national_key, poverty_contiguous_area, poverty_exit_year)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (code) do update set name = excluded.name, prefecture_code = excluded.prefecture_code,
           prefecture_name = excluded.prefecture_name, division_type = excluded.division_type,
           is_poverty_county = excluded.is_poverty_county, poverty_national_key = excluded.poverty_national_key,
           poverty_contiguous_area = excluded.poverty_contiguous_area, poverty_exit_year = excluded.poverty_exit_year`,
        [
          county.code, county.name, county.prefecture_code, county.prefecture_name, county.division_type,
          p !== undefined,
          p ? p.national_key === 'yes' : null,
          p?.contiguous_area || null,
          p?.year_exited_poverty ? Number(p.year_exited_poverty) : null,
        ],
      );
    }
    for (const channel of channelSeeds()) {
      await sql(
        `insert into channel (code, name_zh, name_en, description_zh, description_en, attribute_schema, sort_order)
         values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (code) do nothing`,
        [channel.code, channel.nameZh, channel.nameEn, channel.descriptionZh, channel.descriptionEn, JSON.stringify(channel.attributeSchema), channel.sortOrder],
      );
      await insertCategories(sql, channel.code, channel.categories, null);
    }
    for (const [i, c] of (JSON.parse(readReference('commodities.json')) as CommoditySeed[]).entries()) {
      await sql(
        `insert into commodity (code, name_zh, name_en, channel_code, category_id, unit, unit_quantity, aliases, sort_order)
         values (?, ?, ?, ?, (select id from category where channel_code = ? and slug = ?), ?, ?, ?, ?) on conflict (code) do nothing`,
        [c.code, c.nameZh, c.nameEn, c.channel, c.channel, c.category, c.unit, c.unitQuantity, `{${c.aliases.join(',')}}`, i],
      );
    }
    for (const m of JSON.parse(readReference('markets.json')) as MarketSeed[]) {
      await sql(`insert into market (code, name, kind, county_code) values (?, ?, ?, ?) on conflict (code) do nothing`, [m.code, m.name, m.kind, m.county]);
    }
  });
}
