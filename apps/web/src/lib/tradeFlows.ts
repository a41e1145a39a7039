/**
 * A commodity's monthly import and export figures (进出口) as the commodity page lays them out:
 * one table per source, a row per month (newest first) with 出口量 / 出口额 / 进口量 / 进口额. A
 * table's volumes share one unit, tonnes once any of them reaches 10 t, so the unit can stand in
 * the column heading; values are in 万元.
 */

export type FlowDirection = 'EXPORT' | 'IMPORT';

export interface TradeFlowFigure {
  month: string;
  direction: string;
  volumeKg: number | null;
  valueFen: number | null;
  source: string;
  sample: boolean;
}

export interface FlowCell {
  volumeKg: number | null;
  valueFen: number | null;
}

export interface TradeFlowRow {
  month: string;
  EXPORT: FlowCell | null;
  IMPORT: FlowCell | null;
}

export interface TradeFlowTable {
  source: string;
  /** Any of its figures is sample data of the embedded start. */
  sample: boolean;
  /** Directions with at least one figure, exports first: the columns the table needs. */
  directions: FlowDirection[];
  volumeUnit: 'kg' | 'tonnes';
  rows: TradeFlowRow[];
}

const DIRECTIONS: FlowDirection[] = ['EXPORT', 'IMPORT'];
const TONNES_FROM_KG = 10_000;

/** One table per source (in the order the sources first appear), rows newest month first. */
export function tradeFlowTables(figures: readonly TradeFlowFigure[]): TradeFlowTable[] {
  const bySource = new Map<string, TradeFlowFigure[]>();
  for (const f of figures) {
    if (f.direction !== 'EXPORT' && f.direction !== 'IMPORT') continue;
    if (f.volumeKg === null && f.valueFen === null) continue;
    bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  }
  return [...bySource].map(([source, list]) => {
    const months = new Map<string, TradeFlowRow>();
    for (const f of list) {
      const row = months.get(f.month) ?? { month: f.month, EXPORT: null, IMPORT: null };
      row[f.direction as FlowDirection] = { volumeKg: f.volumeKg, valueFen: f.valueFen };
      months.set(f.month, row);
    }
    const largest = Math.max(0, ...list.map((f) => f.volumeKg ?? 0));
    return {
      source,
      sample: list.some((f) => f.sample),
      directions: DIRECTIONS.filter((d) => list.some((f) => f.direction === d)),
      volumeUnit: largest >= TONNES_FROM_KG ? 'tonnes' : 'kg',
      rows: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)),
    };
  });
}

const number = (n: number, digits: number) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A volume in the table's unit: whole kilograms, or tonnes to one decimal. Null (not reported) is "—". */
export function volumeText(kg: number | null, unit: TradeFlowTable['volumeUnit']): string {
  if (kg === null) return '—';
  return unit === 'kg' ? number(Math.round(kg), 0) : number(Math.round(kg / 100) / 10, 1);
}

/** A value in 万元 to two decimals (1 万元 is 1,000,000 fen). Null (not reported) is "—". */
export function valueText(fen: number | null): string {
  if (fen === null) return '—';
  return number(Math.round(fen / 10_000) / 100, 2);
}
