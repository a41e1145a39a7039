import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { intId } from '../../common/ids';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { CERTIFICATIONS, CERTIFICATION_CODES } from '../catalog/certifications';
import { ListingReadModel } from '../catalog/listing.read-model';
import type { ListingView } from '../catalog/listing.view';
import type { County } from '../geo/county.entity';
import { GeoService } from '../geo/geo.service';
import { type FacetCount, type FacetName, PRICE_RANGES, priceRangeKey, SEARCH_ENGINE, type SearchEngine, type SearchFilters } from './search-engine';
import { type FacetValue, type SearchArgs, type SearchFilterInput, type SearchResult, SearchSort, type SearchSuggestion } from './search.models';
import { type Named, SearchLabels } from './search-labels';
import { SearchTerms } from './search-terms';
import { highlighter, MAX_QUERY_CHARACTERS, normalise, pinyinOf, prepareAnalysis, queryUnits } from './text-analysis';

const MAX_PAGE_SIZE = 50;
const DEFAULT_PAGE_SIZE = 20;
/** Results reachable by paging: beyond this, narrowing the search serves a buyer better. */
const MAX_RESULT_WINDOW = 1_000;
const MAX_FILTER_VALUES = 20;
/** 10 million yuan per kg, in fen: above any real price, below int overflow. */
const MAX_PRICE_FEN = 1_000_000_000;

const romanisedNames = new Map<string, string>();

/** A place's name in Latin letters, as maps write it: 安化县 → Anhua, 湘西土家族苗族自治州 → Xiangxi. Places are few: each is spelled once. */
function romanised(name: string): string {
  let spelled = romanisedNames.get(name);
  if (spelled === undefined) {
    const base = name.replace(/(?:(?:土家族|苗族|侗族|瑶族)+自治[县州]|自治[县州]|[县市区州])$/u, '') || name;
    const pinyin = pinyinOf(base);
    spelled = pinyin.charAt(0).toUpperCase() + pinyin.slice(1);
    romanisedNames.set(name, spelled);
  }
  return spelled;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();
const CERTIFICATION_LABELS: ReadonlyMap<string, Named> = new Map(CERTIFICATIONS.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]));

interface PlaceLabels {
  prefectures: ReadonlyMap<string, Named>;
  counties: ReadonlyMap<string, Named>;
}

/** The names of the counties and their prefectures, made once for each list of counties read. */
const placeLabelsOf = new WeakMap<ReadonlyMap<string, County>, PlaceLabels>();

function placeLabels(counties: ReadonlyMap<string, County>): PlaceLabels {
  let labels = placeLabelsOf.get(counties);
  if (!labels) {
    const all = [...counties.values()];
    labels = {
      prefectures: new Map(all.map((c) => [c.prefectureCode, { zh: c.prefectureName, en: romanised(c.prefectureName) }])),
      counties: new Map(all.map((c) => [c.code, { zh: c.name, en: romanised(c.name) }])),
    };
    placeLabelsOf.set(counties, labels);
  }
  return labels;
}

/**
 * The `search` query: checks every filter value against what exists (an unknown one is a typed
 * error, never an empty page), asks the engine for a page of ids and the facet counts, loads those
 * listings as they are now (one that stopped being public since it was indexed is left out), and
 * labels the facets for display.
 */
@Injectable()
export class SearchService implements OnModuleInit {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly labels: SearchLabels,
    private readonly geo: GeoService,
    private readonly reads: ListingReadModel,
    private readonly terms: SearchTerms,
  ) {}

  onModuleInit(): void {
    prepareAnalysis();
  }

  async search(args: SearchArgs, fields?: ReadonlySet<string>): Promise<SearchResult> {
    const limit = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new DomainError('search/page-size');
    const offset = args.after ? decodeCursor(args.after, ['int'])[0] : 0;
    if (offset < 0 || offset + limit > MAX_RESULT_WINDOW) throw new DomainError('search/page-too-deep');

    const text = [...normalise(args.q ?? '').trim()].slice(0, MAX_QUERY_CHARACTERS).join('');
    const units = queryUnits(text);
    const filters = await this.validFilters(args.filters ?? {});
    const sort = args.sort ?? (units.length ? SearchSort.RELEVANCE : SearchSort.NEWEST);
    const found = await this.engine.search({ text, units, filters, sort, offset, limit });

    // the engine's cards when they hold every field asked for, else the listings as they are now
    const listings = found.cards && this.reads.cardsHold(fields) ? this.reads.fromCards(found.cards) : this.load(found.ids, fields);
    const [nodes, facets] = await Promise.all([listings, this.facets(found.facets, filters)]);
    const total = Math.min(found.total, MAX_RESULT_WINDOW);
    const next = offset + limit;
    const segments = highlighter(units);
    return {
      nodes: nodes.map((listing) => ({ listing, titleSegments: segments(listing.title) })),
      pageInfo: { hasNextPage: next < total, endCursor: next < total ? encodeCursor([next]) : null },
      totalCount: found.total,
      approximate: found.approximate,
      query: text,
      facets,
    };
  }

  suggestions(q: string): Promise<SearchSuggestion[]> {
    return this.terms.suggest(q);
  }

  /** The listings of a page as they are now, in the engine's order; any no longer public is left out. */
  private async load(ids: string[], fields?: ReadonlySet<string>): Promise<ListingView[]> {
    if (!ids.length) return [];
    const rows = await this.reads.find({
      where: [`l.id = any(?::uuid[])`, `l.status in ('ACTIVE', 'SOLD_OUT')`, `o.verification_status = 'VERIFIED'`],
      params: [ids],
      orderBy: 'l.id',
      limit: ids.length,
      fields,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is ListingView => !!row);
  }

  private async validFilters(input: SearchFilterInput): Promise<SearchFilters> {
    const unknown = (filter: string) => new DomainError('search/filter-unknown', { filter });
    const list = (values: string[] | undefined | null) => {
      const unique = [...new Set((values ?? []).map((v) => v.trim()))];
      if (unique.length > MAX_FILTER_VALUES) throw new DomainError('search/filter-too-many');
      return unique;
    };
    const filters: SearchFilters = {
      countyCodes: list(input.countyCodes),
      certifications: list(input.certifications),
      povertyOnly: input.povertyOnly === true,
      inStockOnly: input.inStockOnly === true,
    };
    const { channels, categories } = await this.labels.get();
    if (input.channel) {
      if (!channels.has(input.channel)) throw unknown('channel');
      filters.channel = input.channel;
    }
    if (input.categoryId) {
      const id = intId(input.categoryId);
      const category = id ? categories.get(id) : undefined;
      if (!category || (filters.channel && category.channel !== filters.channel)) throw unknown('categoryId');
      filters.categoryId = id;
    }
    const counties = await this.geo.countyMap();
    if (input.prefectureCode) {
      if (![...counties.values()].some((c) => c.prefectureCode === input.prefectureCode)) throw unknown('prefectureCode');
      filters.prefectureCode = input.prefectureCode;
    }
    if (filters.countyCodes.some((code) => !counties.has(code))) throw unknown('countyCodes');
    if (filters.certifications.some((code) => !CERTIFICATION_CODES.has(code))) throw unknown('certifications');
    for (const bound of ['minPricePerKgFen', 'maxPricePerKgFen'] as const) {
      const value = input[bound];
      if (value === undefined || value === null) continue;
      if (!Number.isInteger(value) || value < 0 || value > MAX_PRICE_FEN) throw new DomainError('search/price-range-invalid');
      filters[bound] = value;
    }
    if (filters.minPricePerKgFen !== undefined && filters.maxPricePerKgFen !== undefined && filters.minPricePerKgFen > filters.maxPricePerKgFen) {
      throw new DomainError('search/price-range-invalid');
    }
    return filters;
  }

  /** Facet counts with names to show; a chosen value stays listed (with its count, perhaps 0) so that it can be unchosen. */
  private async facets(counts: FacetCount[], filters: SearchFilters): Promise<SearchResult['facets']> {
    const byFacet = new Map<FacetName, Map<string, number>>();
    for (const c of counts) {
      let values = byFacet.get(c.facet);
      if (!values) byFacet.set(c.facet, (values = new Map()));
      values.set(c.value, c.count);
    }
    const of = (facet: FacetName) => byFacet.get(facet) ?? NO_COUNTS;
    const places = placeLabels(await this.geo.countyMap());
    const { channels, categories } = await this.labels.get();

    const values = (counted: ReadonlyMap<string, number>, selected: readonly string[], label: (value: string) => Named | undefined): FacetValue[] => {
      const out: FacetValue[] = [];
      const push = (value: string, count: number) => {
        const name = label(value);
        if (name) out.push({ value, labelZh: name.zh, labelEn: name.en, count, selected: selected.includes(value) });
      };
      for (const [value, count] of counted) push(value, count);
      for (const value of selected) if (!counted.has(value)) push(value, 0);
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    };
    const priceCounts = of('price');
    return {
      channels: values(of('channel'), filters.channel ? [filters.channel] : [], (v) => channels.get(v)),
      categories: values(of('category'), filters.categoryId ? [String(filters.categoryId)] : [], (v) => categories.get(Number(v))),
      prefectures: values(of('prefecture'), filters.prefectureCode ? [filters.prefectureCode] : [], (v) => places.prefectures.get(v)),
      counties: values(of('county'), filters.countyCodes, (v) => places.counties.get(v)),
      certifications: values(of('certification'), filters.certifications, (v) => CERTIFICATION_LABELS.get(v)),
      priceRanges: PRICE_RANGES.map((r) => ({ minFen: r.from, maxFen: r.to, count: priceCounts.get(priceRangeKey(r)) ?? 0 })),
      poverty: of('poverty').get('true') ?? 0,
      inStock: of('inStock').get('true') ?? 0,
    };
  }
}
