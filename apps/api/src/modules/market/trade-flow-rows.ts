import type { FileRow } from './quote-file';

/**
 * Import and export figures (进出口) as customs and statistics bureaus publish them: per commodity
 * and month, a volume and a value, either one direction per row (a 进出口 column saying 进口 or 出口)
 * or both in one row (出口数量, 出口金额, 进口数量, 进口金额). Volumes are kept in kg, values in fen
 * (renminbi only: there is no exchange rate to convert dollars exactly).
 */
export type FlowDirection = 'IMPORT' | 'EXPORT';

export interface TradeFlow {
  commodityId: number;
  /** YYYY-MM-01 */
  month: string;
  direction: FlowDirection;
  volumeKg: bigint | null;
  valueFen: bigint | null;
  source: string;
}

type Measure = 'volume' | 'value';
type FlowField = 'commodity' | 'month' | 'direction' | 'source' | 'volumeUnit' | 'valueUnit' | Measure | `${Measure}:${FlowDirection}`;

/** kg per unit and fen per unit, as powers of ten */
const VOLUME_UNITS: Record<string, number> = { 千克: 0, 公斤: 0, kg: 0, 吨: 3, t: 3, 万吨: 7 };
const VALUE_UNITS: Record<string, number> = { 元: 2, 万元: 6, 亿元: 10, 千元: 5 };
const FOREIGN = /美元|usd|\$|欧元|eur/i;

const HEADERS: [RegExp, FlowField][] = [
  [/^(品名|品种|商品|商品名称|名称)$/, 'commodity'],
  [/^(月份|统计月份|日期|时间|年月)$/, 'month'],
  [/^(进出口|类别|方向|贸易方向|进口或出口)$/, 'direction'],
  [/^(来源|数据来源|出处)$/, 'source'],
  [/^(数量单位|单位)$/, 'volumeUnit'],
  [/^(金额单位|币种)$/, 'valueUnit'],
  [/^(数量|重量|进出口量)$/, 'volume'],
  [/^(金额|价值|进出口额)$/, 'value'],
  [/^(出口数量|出口量)$/, 'volume:EXPORT'],
  [/^(出口金额|出口额)$/, 'value:EXPORT'],
  [/^(进口数量|进口量)$/, 'volume:IMPORT'],
  [/^(进口金额|进口额)$/, 'value:IMPORT'],
];

export interface FlowColumns {
  columns: Partial<Record<FlowField, number>>;
  /** units written in headers, e.g. 数量（吨）, by field */
  units: Partial<Record<FlowField, string>>;
}

export type FlowMappingProblem = 'missing-commodity' | 'missing-month' | 'missing-figures' | 'missing-direction' | 'foreign-currency';

function splitHeader(raw: unknown): { key: string; unit: string | null } {
  const text = String(raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  const match = /^(.*?)[(（[]([^)）\]]+)[)）\]]$/.exec(text);
  return match ? { key: match[1]!, unit: match[2]! } : { key: text, unit: null };
}

export function mapFlowColumns(headers: readonly unknown[]): FlowColumns | { problems: FlowMappingProblem[] } {
  const columns: FlowColumns['columns'] = {};
  const units: FlowColumns['units'] = {};
  headers.forEach((raw, index) => {
    const { key, unit } = splitHeader(raw);
    const field = HEADERS.find(([pattern]) => pattern.test(key))?.[1];
    if (!field || columns[field] !== undefined) return;
    columns[field] = index;
    if (unit) units[field] = unit;
  });
  const problems: FlowMappingProblem[] = [];
  if (columns.commodity === undefined) problems.push('missing-commodity');
  if (columns.month === undefined) problems.push('missing-month');
  const single = columns.volume !== undefined || columns.value !== undefined;
  const paired = (['volume:EXPORT', 'value:EXPORT', 'volume:IMPORT', 'value:IMPORT'] as const).some((f) => columns[f] !== undefined);
  if (!single && !paired) problems.push('missing-figures');
  if (single && columns.direction === undefined) problems.push('missing-direction');
  if (Object.values(units).some((u) => FOREIGN.test(u!))) problems.push('foreign-currency');
  return problems.length ? { problems } : { columns, units };
}

export type FlowRowProblem =
  | 'commodity-unknown'
  | 'month-invalid'
  | 'month-future'
  | 'direction-invalid'
  | 'volume-invalid'
  | 'value-invalid'
  | 'unit-unknown'
  | 'foreign-currency'
  | 'figures-missing'
  | 'source-too-long'
  | 'duplicate';

export const FLOW_PROBLEM_TEXT: Record<FlowRowProblem | FlowMappingProblem, readonly [string, string]> = {
  'commodity-unknown': ['未知的品名', 'Unknown commodity'],
  'month-invalid': ['月份无法识别（如 2025-03、2025年3月、202503）', 'Unreadable month (e.g. 2025-03, 2025年3月, 202503)'],
  'month-future': ['月份在将来', 'The month is in the future'],
  'direction-invalid': ['进出口须为“进口”或“出口”', 'Direction must be 进口 (import) or 出口 (export)'],
  'volume-invalid': ['数量须为非负数字', 'The volume must be a number of at least 0'],
  'value-invalid': ['金额须为非负数字', 'The value must be a number of at least 0'],
  'unit-unknown': ['单位无法识别（数量：千克、公斤、吨、万吨；金额：元、千元、万元、亿元）', 'Unknown unit (volume: kg, 吨, 万吨; value: 元, 千元, 万元, 亿元)'],
  'foreign-currency': ['金额须以人民币计（元、万元、亿元）', 'Values must be in renminbi (元, 万元, 亿元)'],
  'figures-missing': ['没有数量也没有金额', 'Neither a volume nor a value'],
  'source-too-long': ['来源最多 60 个字', 'The source is at most 60 characters'],
  duplicate: ['与文件中前面的行重复（同一品名、月份、进出口）', 'Repeats an earlier row (same commodity, month and direction)'],
  'missing-commodity': ['缺少“品名”列', 'No 品名 (commodity) column'],
  'missing-month': ['缺少“月份”列', 'No 月份 (month) column'],
  'missing-figures': ['缺少“数量”或“金额”列（或出口数量、进口金额等）', 'No 数量/金额 columns (or 出口数量, 进口金额 …)'],
  'missing-direction': ['有“数量/金额”列时须有“进出口”列', 'A 进出口 (direction) column is needed with 数量/金额'],
};

/** A non-negative decimal (commas allowed) times 10^scale, half up, exactly; null when it is not one. */
export function scaledDecimal(raw: string, scale: number): bigint | null {
  const text = raw.replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const digits = BigInt(match[1]! + fraction);
  const shift = scale - fraction.length;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return (digits * 2n + divisor) / (2n * divisor);
}

/** 2025-03, 2025/3, 2025.03, 2025年3月, 202503, or a date (its month): YYYY-MM-01. */
export function parseMonth(cell: string | number | Date | null | undefined): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : `${cell.toISOString().slice(0, 7)}-01`;
  const text = String(cell ?? '').normalize('NFKC').trim();
  const match = /^(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.]\d{1,2}日?)?|(\d{2}))$/.exec(text);
  if (!match) return null;
  const month = Number(match[2] ?? match[3]);
  if (month < 1 || month > 12 || Number(match[1]) < 1990) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-01`;
}

export function parseDirection(cell: unknown): FlowDirection | null {
  const text = String(cell ?? '').normalize('NFKC').trim().toLowerCase();
  if (['进口', 'import', 'imports', '进'].includes(text)) return 'IMPORT';
  if (['出口', 'export', 'exports', '出'].includes(text)) return 'EXPORT';
  return null;
}

function unitScale(unit: string | undefined, table: Record<string, number>, fallback: number): number | 'foreign' | null {
  if (!unit) return fallback;
  const key = unit.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (FOREIGN.test(key)) return 'foreign';
  return table[key] ?? null;
}

/**
 * Checks one row and gives its flows (one or two), or every problem it has. Volumes without a unit
 * are in 吨 and values without one in 万元, as customs statistics print them.
 */
export function checkFlowRow(
  row: FileRow,
  map: FlowColumns,
  ref: { commodity: (name: string) => { id: number } | undefined; thisMonth: string; defaultSource: string },
): { flows: TradeFlow[] } | { problems: FlowRowProblem[] } {
  const cell = (field: FlowField) => (map.columns[field] === undefined ? undefined : row.cells[map.columns[field]!]);
  const text = (field: FlowField) => String(cell(field) ?? '').normalize('NFKC').trim();
  const problems = new Set<FlowRowProblem>();
  const commodity = ref.commodity(text('commodity'));
  if (!commodity) problems.add('commodity-unknown');
  const month = parseMonth(cell('month'));
  if (!month) problems.add('month-invalid');
  else if (month > ref.thisMonth) problems.add('month-future');
  const source = text('source') || ref.defaultSource;
  if ([...source].length > 60) problems.add('source-too-long');

  const rowVolumeUnit = text('volumeUnit') || undefined;
  const rowValueUnit = text('valueUnit') || undefined;
  let figures = 0;
  const measure = (field: FlowField, kind: Measure): bigint | null => {
    const raw = text(field);
    if (raw === '' || raw === '-' || raw === '—') return null;
    const scale = kind === 'volume' ? unitScale(map.units[field] ?? rowVolumeUnit, VOLUME_UNITS, 3) : unitScale(map.units[field] ?? rowValueUnit, VALUE_UNITS, 6);
    if (scale === 'foreign') return problems.add('foreign-currency'), null;
    if (scale === null) return problems.add('unit-unknown'), null;
    const value = scaledDecimal(raw, scale);
    if (value === null) problems.add(kind === 'volume' ? 'volume-invalid' : 'value-invalid');
    else figures++;
    return value;
  };

  const flows: Omit<TradeFlow, 'commodityId' | 'month' | 'source'>[] = [];
  if (map.columns.volume !== undefined || map.columns.value !== undefined) {
    const direction = parseDirection(cell('direction'));
    if (!direction) problems.add('direction-invalid');
    const volumeKg = measure('volume', 'volume');
    const valueFen = measure('value', 'value');
    if (direction) flows.push({ direction, volumeKg, valueFen });
  } else {
    for (const direction of ['EXPORT', 'IMPORT'] as const) {
      const volumeKg = measure(`volume:${direction}`, 'volume');
      const valueFen = measure(`value:${direction}`, 'value');
      if (volumeKg !== null || valueFen !== null) flows.push({ direction, volumeKg, valueFen });
    }
  }
  if (!figures && !['volume-invalid', 'value-invalid', 'unit-unknown', 'foreign-currency'].some((p) => problems.has(p as FlowRowProblem))) problems.add('figures-missing');
  if (problems.size || !commodity || !month) return { problems: [...problems] };
  return { flows: flows.filter((f) => f.volumeKg !== null || f.valueFen !== null).map((f) => ({ ...f, commodityId: commodity.id, month, source })) };
}
