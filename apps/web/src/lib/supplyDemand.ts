/**
 * A commodity's weekly supply (listings' stock) and demand (open 求购) in kg, as the commodity page
 * draws them: newest week first, each figure with a bar on one scale for both, so a week where
 * demand outruns supply shows at a glance without a chart library.
 */

export interface SupplyDemandWeek {
  week: string;
  supplyKg: number;
  demandKg: number;
}

export interface SupplyDemandRow extends SupplyDemandWeek {
  /** Bar lengths in percent of the largest figure of either kind. */
  supplyBar: number;
  demandBar: number;
}

/** Newest week first, with bar lengths; empty when every figure is 0 (nothing to draw). */
export function supplyDemandRows(weeks: readonly SupplyDemandWeek[]): SupplyDemandRow[] {
  const largest = Math.max(0, ...weeks.flatMap((w) => [w.supplyKg, w.demandKg]));
  if (largest <= 0) return [];
  const bar = (kg: number) => Math.round((Math.max(0, kg) / largest) * 1000) / 10;
  return [...weeks].sort((a, b) => b.week.localeCompare(a.week)).map((w) => ({ ...w, supplyBar: bar(w.supplyKg), demandBar: bar(w.demandKg) }));
}

/** A weight as people read it: kilograms below 10 tonnes ("8,500" kg), tonnes with at most one decimal above ("12.5" t). */
export function weightText(kg: number): { unit: 'kg' | 'tonnes'; n: string } {
  if (Math.abs(kg) < 10_000) return { unit: 'kg', n: Math.round(kg).toLocaleString('en-US') };
  return { unit: 'tonnes', n: (Math.round(kg / 100) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 }) };
}
