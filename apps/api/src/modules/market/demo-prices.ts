import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, chinaToday, quotePerKgFen } from '@xiangnong/domain';
import { createHash } from 'node:crypto';
import { seededNumbers } from '../../common/seeded-numbers';
import { monthsBetween, PriceObservations } from './price-observations';
import { type Observation, quoteKey } from './quote-rows';
import { writeFlows } from './trade-flows';

/** How long the sample history reaches back. */
const DAYS = 730;

interface DemoSeries {
  commodity: string;
  markets: string[];
  /** price per quoting unit in fen around which the series moves */
  baseFen: number;
  unit: string;
  quantity: number;
  /** relative swing over the year (peak month `peakMonth`, 1–12) */
  seasonal: number;
  peakMonth: number;
  /** months with quotes (the produce is in season); all year when absent */
  months?: number[];
  specification: string;
}

/** The sample series: the demo channels' produce at the markets and collection points that trade it. */
const SERIES: DemoSeries[] = [
  { commodity: 'live-hog', markets: ['changsha-mawangdui', 'ningxiang-hog', 'changsha-hongxing'], baseFen: 1460, unit: 'KG', quantity: 1, seasonal: 0.12, peakMonth: 1, specification: '外三元' },
  { commodity: 'piglet', markets: ['ningxiang-hog'], baseFen: 3000, unit: 'KG', quantity: 1, seasonal: 0.15, peakMonth: 3, specification: '15 公斤左右' },
  { commodity: 'pork-carcass', markets: ['changsha-mawangdui', 'changsha-furong-retail'], baseFen: 2050, unit: 'KG', quantity: 1, seasonal: 0.1, peakMonth: 1, specification: '白条' },
  { commodity: 'early-indica-paddy', markets: ['yueyang-grain', 'taoyuan-paddy'], baseFen: 13600, unit: 'KG', quantity: 50, seasonal: 0.04, peakMonth: 5, specification: '三等' },
  { commodity: 'indica-rice', markets: ['changsha-hongxing', 'changsha-furong-retail'], baseFen: 420, unit: 'KG', quantity: 1, seasonal: 0.03, peakMonth: 6, specification: '一级' },
  { commodity: 'bingtang-orange', markets: ['mayang-orange', 'huaihua-hecheng', 'changsha-mawangdui'], baseFen: 380, unit: 'JIN', quantity: 1, seasonal: 0.2, peakMonth: 3, months: [11, 12, 1, 2, 3], specification: '70-75 毫米' },
  { commodity: 'navel-orange', markets: ['changsha-mawangdui'], baseFen: 450, unit: 'JIN', quantity: 1, seasonal: 0.18, peakMonth: 3, months: [11, 12, 1, 2, 3, 4], specification: '80 毫米' },
  { commodity: 'camellia-oil', markets: ['shaoyang-camellia', 'changsha-mawangdui'], baseFen: 12000, unit: 'KG', quantity: 1, seasonal: 0.05, peakMonth: 1, specification: '冷榨一级' },
  { commodity: 'camellia-seed', markets: ['shaoyang-camellia'], baseFen: 1100, unit: 'KG', quantity: 1, seasonal: 0.08, peakMonth: 8, months: [10, 11, 12], specification: '干籽' },
  { commodity: 'anhua-dark-tea', markets: ['anhua-tea'], baseFen: 18000, unit: 'KG', quantity: 1, seasonal: 0.04, peakMonth: 12, specification: '千两茶' },
  { commodity: 'fresh-tea-leaf', markets: ['guzhang-tea'], baseFen: 3000, unit: 'JIN', quantity: 1, seasonal: 0.35, peakMonth: 3, months: [3, 4, 5], specification: '一芽一叶' },
];

/** A small deterministic generator, so that every embedded start shows the same sample history. */
function random(seed: string): () => number {
  const next = seededNumbers(createHash('sha256').update(seed).digest().readUInt32LE(0));
  return () => (next() % 1_000_000) / 1_000_000;
}

const day = (today: string, back: number) => addDays(today, -back);

/** Daily low/avg/high quotes: a seasonal curve, a slow random walk, and a little daily noise. */
export function demoObservations(today: string, ids: { commodity: Map<string, { id: number }>; market: Map<string, { id: number; countyCode: string }> }): Observation[] {
  const rows: Observation[] = [];
  for (const s of SERIES) {
    const commodity = ids.commodity.get(s.commodity);
    if (!commodity) continue;
    for (const code of s.markets) {
      const market = ids.market.get(code);
      if (!market) continue;
      const next = random(`${s.commodity}:${code}`);
      const marketLevel = 1 + (next() - 0.5) * 0.08;
      let walk = 0;
      for (let back = DAYS; back >= 1; back--) {
        const date = day(today, back);
        const month = Number(date.slice(5, 7));
        walk = walk * 0.98 + (next() - 0.5) * 0.02;
        if (s.months && !s.months.includes(month)) continue;
        const season = Math.cos(((month - s.peakMonth) / 12) * 2 * Math.PI) * s.seasonal;
        const avg = Math.max(1, Math.round(s.baseFen * marketLevel * (1 + season + walk + (next() - 0.5) * 0.01)));
        const spread = Math.max(1, Math.round(avg * (0.02 + next() * 0.02)));
        const unit = { unit: s.unit, quantity: s.quantity };
        const [low, high] = [avg - spread, avg + spread];
        rows.push({
          commodityId: commodity.id,
          marketId: market.id,
          countyCode: market.countyCode,
          observedOn: date,
          lowFen: low,
          avgFen: avg,
          highFen: high,
          unit: s.unit,
          unitQuantity: s.quantity,
          lowPerKgFen: quotePerKgFen(low, unit),
          avgPerKgFen: quotePerKgFen(avg, unit),
          highPerKgFen: quotePerKgFen(high, unit),
          specification: s.specification,
          origin: '',
          key: quoteKey(commodity.id, { marketId: market.id, countyCode: market.countyCode }, date, s.specification),
        });
      }
    }
  }
  return rows;
}

/**
 * Two years of daily sample quotes for the demo commodities, written once as an import marked as
 * sample data (示例), so a newcomer sees charts, movers and an index at once. Returns how many rows.
 */
export async function loadDemoPrices(em: EntityManager): Promise<number> {
  const c = em.getConnection();
  const [done] = await c.execute<{ n: number }[]>(`select count(*)::int as n from price_import where is_demo`);
  if (done!.n > 0) return 0;
  const commodity = new Map((await c.execute<{ id: number; code: string }[]>('select id, code from commodity')).map((r) => [r.code, { id: r.id }]));
  const market = new Map((await c.execute<{ id: number; code: string; county_code: string }[]>('select id, code, county_code from market')).map((r) => [r.code, { id: r.id, countyCode: r.county_code }]));
  const today = chinaToday();
  const rows = demoObservations(today, { commodity, market });
  const observations = new PriceObservations();
  await em.transactional((tx) => observations.ensureMonths(tx, monthsBetween(day(today, DAYS), day(today, 1))));
  return em.transactional(async (tx) => {
    const [row] = await tx.getConnection().execute<{ id: string }[]>(
      `insert into price_import (id, file_name, status, rows_read, rows_checked, rows_written, error_count, is_demo, commodity_ids, created_at, finished_at)
       values (gen_random_uuid(), '示例：近两年日价（演示数据） / Sample: two years of daily quotes', 'DONE', ?, ?, 0, 0, true, ?::int[], now(), now()) returning id`,
      [rows.length, rows.length, `{${[...new Set(rows.map((r) => r.commodityId))].join(',')}}`],
      'all',
      tx.getTransactionContext(),
    );
    let written = 0;
    for (let i = 0; i < rows.length; i += 5000) written += await observations.write(tx, rows.slice(i, i + 5000), 'IMPORT', row!.id);
    await tx.getConnection().execute('update price_import set rows_written = ? where id = ?', [written, row!.id], 'run', tx.getTransactionContext());
    return written;
  });
}

/** Sample import/export figures: monthly tonnes and 万元 around which the two years move, by direction. */
const FLOWS: { commodity: string; direction: 'IMPORT' | 'EXPORT'; tonnes: number; yuanPerKg: number; months?: number[] }[] = [
  { commodity: 'anhua-dark-tea', direction: 'EXPORT', tonnes: 420, yuanPerKg: 62 },
  { commodity: 'green-tea', direction: 'EXPORT', tonnes: 1800, yuanPerKg: 38 },
  { commodity: 'bingtang-orange', direction: 'EXPORT', tonnes: 900, yuanPerKg: 9, months: [11, 12, 1, 2, 3] },
  { commodity: 'camellia-oil', direction: 'EXPORT', tonnes: 60, yuanPerKg: 140 },
  { commodity: 'pork-carcass', direction: 'IMPORT', tonnes: 2600, yuanPerKg: 17 },
  { commodity: 'indica-rice', direction: 'IMPORT', tonnes: 5200, yuanPerKg: 4 },
];

/** Two years of monthly sample figures to last month, marked as sample data; deterministic like the prices. */
export function demoFlows(today: string, commodity: Map<string, { id: number }>): { commodityId: number; month: string; direction: 'IMPORT' | 'EXPORT'; volumeKg: bigint; valueFen: bigint; source: string }[] {
  const rows = [];
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  for (const f of FLOWS) {
    const id = commodity.get(f.commodity)?.id;
    if (!id) continue;
    const next = random(`flow:${f.commodity}:${f.direction}`);
    for (let back = 24; back >= 1; back--) {
      const index = year * 12 + (month - 1) - back;
      const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
      if (f.months && !f.months.includes(m)) continue;
      const tonnes = f.tonnes * (0.75 + next() * 0.5);
      const volumeKg = BigInt(Math.round(tonnes * 1000));
      const valueFen = BigInt(Math.round(tonnes * 1000 * f.yuanPerKg * (0.9 + next() * 0.2) * 100));
      rows.push({ commodityId: id, month: `${y}-${String(m).padStart(2, '0')}-01`, direction: f.direction, volumeKg, valueFen, source: '示例数据 / Sample' });
    }
  }
  return rows;
}

/** Sample import/export figures, once (when none are there yet); returns how many months were written. */
export async function loadDemoFlows(em: EntityManager): Promise<number> {
  const c = em.getConnection();
  const [done] = await c.execute<{ n: number }[]>('select count(*)::int as n from "market"."trade_flow" where is_demo');
  if (done!.n > 0) return 0;
  const commodity = new Map((await c.execute<{ id: number; code: string }[]>('select id, code from commodity')).map((r) => [r.code, { id: r.id }]));
  return em.transactional((tx) => writeFlows(tx, demoFlows(chinaToday(), commodity), true));
}
