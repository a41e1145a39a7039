import { type DateProblem, parsePriceFen, parseQuoteUnit, parseReportDate, type PriceProblem, type QuoteUnit, quotePerKgFen, unitInfo } from '@xiangnong/domain';
import { createHash } from 'node:crypto';
import type { FileRow } from './quote-file';

/** What a column of a price file can hold. */
export const QUOTE_FIELDS = ['commodity', 'specification', 'origin', 'market', 'county', 'low', 'average', 'high', 'price', 'unit', 'date'] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** Headers as Chinese bulletins and spreadsheets write them (compared without spaces, case or brackets). */
const HEADER_WORDS: Record<QuoteField, readonly string[]> = {
  commodity: ['品名', '商品名称', '产品名称', '品种', '品种名称', '名称', '商品', '农产品', '产品', 'commodity', 'product'],
  specification: ['规格', '等级', '规格等级', '品级', 'specification', 'grade'],
  origin: ['产地', 'origin'],
  market: ['市场', '市场名称', '采价点', '监测点', '批发市场', '报价单位', 'market'],
  county: ['县', '区县', '县市区', '县区', '所在县', '地区', 'county'],
  low: ['最低价', '最低价格', '最低', 'low', 'min'],
  average: ['平均价', '均价', '平均价格', '中间价', '主流价', 'average', 'avg'],
  high: ['最高价', '最高价格', '最高', 'high', 'max'],
  price: ['价格', '单价', '报价', '今日价格', 'price'],
  unit: ['单位', '计价单位', '价格单位', 'unit'],
  date: ['日期', '发布日期', '采价日期', '报价日期', '时间', '发布时间', 'date'],
};

/** A header as compared: NFKC, no spaces, lower case, and any bracketed unit taken off (最低价（元/斤） → 最低价). */
export function headerKey(header: string): { key: string; unit: QuoteUnit | null } {
  const text = header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const bracket = /[([{](.*?)[)\]}]$/.exec(text);
  return { key: bracket ? text.slice(0, bracket.index) : text, unit: bracket ? parseQuoteUnit(bracket[1]!) : null };
}

export interface ColumnMap {
  columns: Partial<Record<QuoteField, number>>;
  /** the unit a header carried, e.g. 平均价（元/公斤）, for files without a unit column */
  headerUnit: QuoteUnit | null;
  /** headers that name no field; an operator can map them once (a saved mapping) */
  unknown: string[];
}

export type MappingProblem = 'missing-commodity' | 'missing-date' | 'missing-place' | 'missing-price' | 'missing-unit';

/**
 * Which column holds what, from the header row, with a saved mapping (header → field) taking
 * precedence over the usual words. Refused when a field every quote needs has no column.
 */
export function mapColumns(headers: readonly (string | number | Date | null)[], saved: Readonly<Record<string, QuoteField>> = {}): ColumnMap | { problems: MappingProblem[]; unknown: string[] } {
  const columns: Partial<Record<QuoteField, number>> = {};
  const unknown: string[] = [];
  let headerUnit: QuoteUnit | null = null;
  const savedByKey = new Map(Object.entries(saved).map(([header, field]) => [headerKey(header).key, field]));
  headers.forEach((raw, index) => {
    const header = String(raw ?? '').trim();
    if (!header) return;
    const { key, unit } = headerKey(header);
    const field = savedByKey.get(key) ?? QUOTE_FIELDS.find((f) => HEADER_WORDS[f].includes(key));
    if (!field) {
      unknown.push(header);
      return;
    }
    if (columns[field] === undefined) columns[field] = index;
    if (unit && ['low', 'average', 'high', 'price'].includes(field)) headerUnit ??= unit;
  });
  const problems: MappingProblem[] = [];
  if (columns.commodity === undefined) problems.push('missing-commodity');
  if (columns.date === undefined) problems.push('missing-date');
  if (columns.market === undefined && columns.county === undefined) problems.push('missing-place');
  if (columns.average === undefined && columns.price === undefined && (columns.low === undefined || columns.high === undefined)) problems.push('missing-price');
  if (columns.unit === undefined && !headerUnit) problems.push('missing-unit');
  return problems.length ? { problems, unknown } : { columns, headerUnit, unknown };
}

/** What the import knows to check a row against. */
export interface QuoteReference {
  /** by name or alias (as headerKey compares them) */
  commodity(name: string): { id: number; unit: string } | undefined;
  market(name: string): { id: number; countyCode: string } | undefined;
  /** by name (安化县, 安化) or GB/T 2260 code */
  county(nameOrCode: string): { code: string } | undefined;
  /** today's date in China, YYYY-MM-DD */
  today: string;
}

/** One checked price observation, ready to write. Prices in integer fen per quoting unit. */
export interface Observation {
  commodityId: number;
  marketId: number | null;
  countyCode: string;
  observedOn: string;
  lowFen: number;
  avgFen: number;
  highFen: number;
  unit: string;
  unitQuantity: number;
  lowPerKgFen: number | null;
  avgPerKgFen: number | null;
  highPerKgFen: number | null;
  specification: string;
  origin: string;
  /** identifies the quote (commodity, place, day, specification) across files: the same quote twice is one */
  key: string;
}

export type RowProblem =
  | 'commodity-unknown'
  | 'market-unknown'
  | 'county-unknown'
  | 'place-missing'
  | 'unit-unknown'
  | 'unit-mismatch'
  | `date-${DateProblem}`
  | `price-${PriceProblem}`
  | 'price-missing'
  | 'low-above-high'
  | 'average-outside'
  | 'text-too-long'
  | 'duplicate';

/**
 * What identifies a quote across files and sources: commodity, place (a market, else a county),
 * day and specification. The same quote twice is one observation.
 */
export function quoteKey(commodityId: number, place: { marketId: number | null; countyCode: string }, day: string, specification: string): string {
  const where = place.marketId !== null ? `m${place.marketId}` : `c${place.countyCode}`;
  return createHash('sha1').update(`${commodityId}|${where}|${day}|${specification}`).digest('base64').slice(0, 20);
}

/** What each problem says, in Chinese and English, for the error report. */
export const ROW_PROBLEM_TEXT: Record<string, readonly [string, string]> = {
  'commodity-unknown': ['未知的品名（可在管理后台添加品种或别名）', 'Unknown commodity (add it or an alias in the admin area)'],
  'market-unknown': ['未知的市场', 'Unknown market'],
  'county-unknown': ['未知的县市区', 'Unknown county'],
  'place-missing': ['缺少市场或县市区', 'Neither a market nor a county'],
  'unit-unknown': ['无法识别的单位（如 元/斤、元/公斤、元/50公斤、元/吨、元/头）', 'Unknown unit (e.g. 元/斤, 元/公斤, 元/50公斤, 元/吨, 元/头)'],
  'unit-mismatch': ['单位与该品种不符（按重量计价的品种不能用按个数的单位，反之亦然）', 'The unit does not fit the commodity (by weight versus by count)'],
  'date-notADate': ['日期无法识别', 'Not a date'],
  'date-future': ['日期晚于今天', 'The date is in the future'],
  'date-tooOld': ['日期早于 2000 年', 'The date is before 2000'],
  'price-empty': ['价格为空', 'A price is empty'],
  'price-notANumber': ['价格不是数字', 'A price is not a number'],
  'price-tooPrecise': ['价格最多两位小数', 'Prices have at most two decimals'],
  'price-negative': ['价格不能为负', 'Prices cannot be negative'],
  'price-tooLarge': ['价格过大', 'A price is too large'],
  'price-missing': ['缺少价格', 'No price'],
  'low-above-high': ['最低价高于最高价', 'The low price is above the high price'],
  'average-outside': ['平均价不在最低价与最高价之间', 'The average is not between the low and the high'],
  'text-too-long': ['规格或产地超过 50 个字', 'Specification or origin longer than 50 characters'],
  duplicate: ['与文件中前面一行重复（同一品名、市场、日期、规格）', 'Repeats an earlier row of the file (same commodity, place, date, specification)'],
};

type Cell = string | number | Date | null | undefined;

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFKC').trim();
}

/** Excel keeps dates as days since 1899-12-30; a date column holding such a number is read as that day. */
function dateCell(cell: Cell): string | Date {
  if (typeof cell === 'number' && cell > 20_000 && cell < 80_000) return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
  return cell instanceof Date ? cell : text(cell);
}

/** Distinct texts a checker remembers per column before it starts afresh (a file of ever new texts gains nothing, and keeps little). */
const REMEMBERED = 10_000;

/** `work` done once per distinct text: a price file repeats its names, units, dates and most prices row after row. */
function remembered<T>(work: (cell: Cell) => T): (cell: Cell) => T {
  let known = new Map<string, T>();
  return (cell) => {
    if (typeof cell !== 'string') return work(cell);
    const result = known.get(cell);
    if (result !== undefined || known.has(cell)) return result as T;
    if (known.size >= REMEMBERED) known = new Map();
    const fresh = work(cell);
    known.set(cell, fresh);
    return fresh;
  };
}

export type RowCheck = { observation: Observation } | { problems: RowProblem[] };

/** Checks one row and gives the observation, or every problem it has (see `rowChecker`). */
export function checkRow(row: FileRow, map: ColumnMap, ref: QuoteReference): RowCheck {
  return rowChecker(map, ref)(row);
}

/**
 * The check of the rows of one file: each row gives the observation, or every problem it has. A
 * single price column stands for low, average and high; with only low and high, the average is
 * their midpoint (to the fen, half up).
 */
export function rowChecker(map: ColumnMap, ref: QuoteReference): (row: FileRow) => RowCheck {
  const at = (field: QuoteField) => map.columns[field];
  const [commodityAt, marketAt, countyAt, unitAt, dateAt, specificationAt, originAt] = (['commodity', 'market', 'county', 'unit', 'date', 'specification', 'origin'] as const).map(at);
  const priceAt = { low: at('low'), average: at('average'), high: at('high'), price: at('price') };
  const textOf = remembered(text);
  const commodityOf = remembered((cell) => ref.commodity(text(cell)));
  const marketOf = remembered((cell) => ref.market(text(cell)));
  const countyOf = remembered((cell) => ref.county(text(cell)));
  const unitOf = remembered((cell) => {
    const written = text(cell);
    return written ? parseQuoteUnit(written) : map.headerUnit;
  });
  const dateOf = remembered((cell) => parseReportDate(dateCell(cell), ref.today));
  const priceOf = remembered((cell) => (cell === undefined || cell === null || cell === '' ? undefined : parsePriceFen(cell instanceof Date ? 'x' : cell)));

  return (row) => {
    const cell = (index: number | undefined) => (index === undefined ? undefined : row.cells[index]);
    const problems: RowProblem[] = [];
    const commodity = commodityOf(cell(commodityAt));
    if (!commodity) problems.push('commodity-unknown');
    const marketName = textOf(cell(marketAt));
    const countyName = textOf(cell(countyAt));
    const market = marketName ? marketOf(cell(marketAt)) : undefined;
    // bulletins often give a county or city where the market would be: that is the place then
    const countyInMarket = marketName && !market && !countyName ? countyOf(cell(marketAt)) : undefined;
    if (marketName && !market && !countyInMarket) problems.push('market-unknown');
    const county = countyName ? countyOf(cell(countyAt)) : countyInMarket;
    if (countyName && !county) problems.push('county-unknown');
    if (!marketName && !countyName) problems.push('place-missing');
    const unit = unitOf(cell(unitAt));
    if (!unit) problems.push('unit-unknown');
    else if (commodity && Boolean(unitInfo(unit.unit)?.mass) !== Boolean(unitInfo(commodity.unit)?.mass)) problems.push('unit-mismatch');
    const date = dateOf(cell(dateAt));
    if ('problem' in date) problems.push(`date-${date.problem}`);
    const prices = pricesOf({ low: priceOf(cell(priceAt.low)), average: priceOf(cell(priceAt.average)), high: priceOf(cell(priceAt.high)), price: priceOf(cell(priceAt.price)) }, problems);
    const specification = textOf(cell(specificationAt));
    const origin = textOf(cell(originAt));
    if ([...specification].length > 50 || [...origin].length > 50) problems.push('text-too-long');
    if (problems.length || !commodity || !unit || !prices || 'problem' in date) return { problems: problems.length ? problems : ['price-missing'] };
    const countyCode = market?.countyCode ?? county!.code;
    return {
      observation: {
        commodityId: commodity.id,
        marketId: market?.id ?? null,
        countyCode,
        observedOn: date.date,
        ...prices,
        unit: unit.unit,
        unitQuantity: unit.quantity,
        lowPerKgFen: quotePerKgFen(prices.lowFen, unit),
        avgPerKgFen: quotePerKgFen(prices.avgFen, unit),
        highPerKgFen: quotePerKgFen(prices.highFen, unit),
        specification,
        origin,
        key: quoteKey(commodity.id, { marketId: market?.id ?? null, countyCode }, date.date, specification),
      },
    };
  };
}

type ParsedPrice = ReturnType<typeof parsePriceFen> | undefined;

function pricesOf(parsed: Record<'low' | 'average' | 'high' | 'price', ParsedPrice>, problems: RowProblem[]): { lowFen: number; avgFen: number; highFen: number } | null {
  const read = (field: 'low' | 'average' | 'high' | 'price'): number | null | undefined => {
    const price = parsed[field];
    if (price === undefined) return undefined;
    if ('problem' in price) {
      if (!problems.includes(`price-${price.problem}`)) problems.push(`price-${price.problem}`);
      return null;
    }
    return price.fen;
  };
  const [low, average, high, price] = [read('low'), read('average'), read('high'), read('price')];
  if (low === null || average === null || high === null || price === null) return null;
  const avg = average ?? price ?? (low !== undefined && high !== undefined ? Math.floor((low + high + 1) / 2) : undefined);
  if (avg === undefined) {
    problems.push('price-missing');
    return null;
  }
  const lowFen = low ?? avg;
  const highFen = high ?? avg;
  if (lowFen > highFen) problems.push('low-above-high');
  else if (avg < lowFen || avg > highFen) problems.push('average-outside');
  if (avg === 0 && lowFen === 0 && highFen === 0) problems.push('price-empty');
  return problems.length ? null : { lowFen, avgFen: avg, highFen };
}
