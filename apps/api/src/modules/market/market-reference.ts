import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GeoService } from '../geo/geo.service';
import type { QuoteReference } from './quote-rows';

/** A name as bulletins vary it: NFKC, no spaces, lower case. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** 安化县 → 安化, 麻阳苗族自治县 → 麻阳, 宁乡市 → 宁乡: the short names people write for counties. */
export function shortCountyName(name: string): string {
  const short = name.replace(/(土家族苗族自治州|苗族侗族自治县|土家族自治县|苗族自治县|侗族自治县|瑶族自治县|自治县|特区|县|市|区)$/, '');
  return short.length >= 2 ? short : name;
}

/**
 * The commodities, markets and counties a price file is checked against, read once per import:
 * commodities by name, alias or code; markets by name or code; counties by name, short name or code.
 */
@Injectable()
export class MarketReference {
  constructor(private readonly geo: GeoService) {}

  async load(em: EntityManager, today: string): Promise<QuoteReference> {
    const commodities = new Map<string, { id: number; unit: string }>();
    for (const c of await em.getConnection().execute<{ id: number; code: string; name_zh: string; unit: string; aliases: string[] }[]>('select id, code, name_zh, unit, aliases from commodity')) {
      for (const name of [c.name_zh, c.code, ...c.aliases]) if (!commodities.has(nameKey(name))) commodities.set(nameKey(name), { id: c.id, unit: c.unit });
    }
    const markets = new Map<string, { id: number; countyCode: string }>();
    for (const m of await em.getConnection().execute<{ id: number; code: string; name: string; county_code: string }[]>('select id, code, name, county_code from market')) {
      markets.set(nameKey(m.name), { id: m.id, countyCode: m.county_code });
      markets.set(nameKey(m.code), { id: m.id, countyCode: m.county_code });
    }
    const counties = new Map<string, { code: string }>();
    const shortNames = new Map<string, string[]>();
    for (const county of (await this.geo.countyMap()).values()) {
      counties.set(county.code, { code: county.code });
      counties.set(nameKey(county.name), { code: county.code });
      const short = nameKey(shortCountyName(county.name));
      shortNames.set(short, [...(shortNames.get(short) ?? []), county.code]);
    }
    // a short name stands for a county only where it names one (岳阳 could be 岳阳县 or the city's districts)
    for (const [short, codes] of shortNames) if (codes.length === 1 && !counties.has(short)) counties.set(short, { code: codes[0]! });
    return {
      commodity: (name) => commodities.get(nameKey(name)),
      market: (name) => markets.get(nameKey(name)),
      county: (name) => counties.get(nameKey(name)),
      today,
    };
  }
}
