import { unitInfo } from '@xiangnong/domain';

/** One priced zone of a shipping template: where it applies and what a parcel costs there. */
export interface FreightZone {
  /** county codes (430923), prefecture codes (430900) or the whole province (430000) */
  regions: string[];
  /** the first `firstKg` kilograms cost `firstFen` */
  firstKg: number;
  firstFen: number;
  /** each further `additionalKg` kilograms (or part of them) cost `additionalFen` */
  additionalKg: number;
  additionalFen: number;
}

/** How a seller charges for delivery. Money in fen, weights in whole kilograms. */
export interface FreightRules {
  zones: FreightZone[];
  /** counties or prefectures the seller does not deliver to, even where a zone would match */
  excluded: string[];
  /** added per (started) kilogram of fresh produce, for the cold chain */
  coldChainFenPerKg: number;
  /** goods worth at least this much travel free; null when never */
  freeAboveFen: number | null;
  /** what one piece of a count unit (头, 箱, 瓶…) weighs for freight, in grams */
  pieceWeightGrams: number;
}

/**
 * What a seller that has set nothing charges: delivery anywhere in Hunan included in the price (包邮),
 * as the province's poverty-alleviation sales channels usually sell. A seller who charges freight
 * or serves less sets a template.
 */
export const DEFAULT_FREIGHT_RULES: FreightRules = {
  zones: [{ regions: ['430000'], firstKg: 1, firstFen: 0, additionalKg: 1, additionalFen: 0 }],
  excluded: [],
  coldChainFenPerKg: 0,
  freeAboveFen: null,
  pieceWeightGrams: 1000,
};

/** Channels whose produce travels chilled (fruit, pork). */
export const COLD_CHAIN_CHANNELS: ReadonlySet<string> = new Set(['fruit', 'hog']);

export interface FreightLine {
  quantity: number;
  unit: string;
  channel: string;
}

export interface FreightQuote {
  /** null when the seller does not deliver there */
  freightFen: number | null;
  billedKg: number;
  coldChainFen: number;
  free: boolean;
}

/** The code of the province, prefecture and county a county code lies in, most specific first. */
function regionsOf(countyCode: string): string[] {
  return [countyCode, `${countyCode.slice(0, 4)}00`, `${countyCode.slice(0, 2)}0000`];
}

/** Weight of a line in grams, exactly: mass units by their ratio, count units by the template's piece weight. */
export function lineGrams(line: FreightLine, pieceWeightGrams: number): bigint {
  const mass = unitInfo(line.unit)?.mass;
  if (!mass) return BigInt(line.quantity) * BigInt(pieceWeightGrams);
  // quantity × numerator / denominator kg, in grams; every unit's ratio gives whole grams
  return (BigInt(line.quantity) * BigInt(mass.numerator) * 1000n) / BigInt(mass.denominator);
}

const ceilKg = (grams: bigint): bigint => (grams + 999n) / 1000n;

/** The zone that serves a county: the most specific region wins; none when the county is excluded. */
export function zoneFor(rules: FreightRules, countyCode: string): FreightZone | undefined {
  const regions = regionsOf(countyCode);
  if (rules.excluded.some((code) => regions.includes(code))) return undefined;
  for (const region of regions) {
    const zone = rules.zones.find((z) => z.regions.includes(region));
    if (zone) return zone;
  }
  return undefined;
}

/**
 * Freight for one seller's parcel to a county: first weight, then each started step of additional
 * weight, plus the cold-chain surcharge on fresh produce; free above the template's amount. Whole
 * fen, computed in integers.
 */
export function quoteFreight(rules: FreightRules, countyCode: string, lines: readonly FreightLine[], goodsFen: number): FreightQuote {
  const zone = zoneFor(rules, countyCode);
  let grams = 0n;
  let freshGrams = 0n;
  for (const line of lines) {
    const g = lineGrams(line, rules.pieceWeightGrams);
    grams += g;
    if (COLD_CHAIN_CHANNELS.has(line.channel)) freshGrams += g;
  }
  const billedKg = ceilKg(grams);
  if (!zone) return { freightFen: null, billedKg: Number(billedKg), coldChainFen: 0, free: false };
  const coldChainFen = freshGrams > 0n ? ceilKg(freshGrams) * BigInt(rules.coldChainFenPerKg) : 0n;
  if (rules.freeAboveFen !== null && goodsFen >= rules.freeAboveFen) {
    return { freightFen: 0, billedKg: Number(billedKg), coldChainFen: 0, free: true };
  }
  const extraKg = billedKg > BigInt(zone.firstKg) ? billedKg - BigInt(zone.firstKg) : 0n;
  const steps = (extraKg + BigInt(zone.additionalKg) - 1n) / BigInt(zone.additionalKg);
  const fen = BigInt(zone.firstFen) + steps * BigInt(zone.additionalFen) + coldChainFen;
  return { freightFen: Number(fen), billedKg: Number(billedKg), coldChainFen: Number(coldChainFen), free: fen === 0n };
}

const REGION = /^43\d{4}$/;
const MAX_FEN = 100_000_000;

/** What is wrong with rules a seller typed, or null. Bounded so that no quote can overflow. */
export function freightRulesProblem(rules: FreightRules): string | null {
  if (!Array.isArray(rules.zones) || rules.zones.length === 0 || rules.zones.length > 50) return 'zones: 1 to 50';
  const smallInt = (n: unknown, min: number, max: number) => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
  for (const [i, zone] of rules.zones.entries()) {
    if (!Array.isArray(zone.regions) || zone.regions.length === 0 || zone.regions.length > 200) return `zones[${i}].regions: 1 to 200`;
    if (!zone.regions.every((r) => REGION.test(r))) return `zones[${i}].regions: Hunan county, prefecture or province codes`;
    if (!smallInt(zone.firstKg, 1, 1000) || !smallInt(zone.additionalKg, 1, 1000)) return `zones[${i}]: weights are 1 to 1000 kg`;
    if (!smallInt(zone.firstFen, 0, MAX_FEN) || !smallInt(zone.additionalFen, 0, MAX_FEN)) return `zones[${i}]: prices are 0 to ${MAX_FEN} fen`;
  }
  if (!Array.isArray(rules.excluded) || rules.excluded.length > 200 || !rules.excluded.every((r) => REGION.test(r))) return 'excluded: up to 200 Hunan codes';
  if (!smallInt(rules.coldChainFenPerKg, 0, 100_000)) return 'coldChainFenPerKg: 0 to 100000';
  if (rules.freeAboveFen !== null && !smallInt(rules.freeAboveFen, 1, 2_000_000_000)) return 'freeAboveFen: positive, or null';
  if (!smallInt(rules.pieceWeightGrams, 1, 2_000_000)) return 'pieceWeightGrams: 1 to 2000000';
  return null;
}
