import { chinaToday } from '@xiangnong/domain';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceImportService } from '../src/modules/market/price-import.service';
import { startTestApp, type TestApp } from './harness';
import { makeAdmin } from './fixtures';

const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('prices by place', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await makeAdmin(t);
    const rows = [
      // two markets and one county, each with a quote four weeks before its latest
      ['长沙马王堆农产品批发市场', '', '16.00', 30], ['长沙马王堆农产品批发市场', '', '17.60', 2],
      ['宁乡生猪收购点', '', '15.00', 31], ['宁乡生猪收购点', '', '14.25', 1],
      ['', '安化县', '15.50', 1],
      // too old to compare
      ['长沙红星农副产品大市场', '', '30.00', 200],
    ];
    const csv = ['品名,市场,县市区,平均价,单位,日期', ...rows.map(([m, c, p, d]) => `生猪,${m},${c},${p},元/公斤,${daysAgo(d as number)}`)].join('\n');
    const service = t.app.get(PriceImportService);
    const row = await service.create('生猪 各地.csv', null, admin.userId);
    expect((await service.run(row.id, () => Readable.from([Buffer.from(csv)]))).status).toBe('DONE');
  });
  afterAll(() => t.close());

  it('lists each place’s latest average, dearest first, with its change over four weeks', async () => {
    const result = await t.gql(`query { pricesByPlace(commodity: "live-hog") { marketCode name kind countyName day avgFen changePercent trade } }`);
    expect(result.data!.pricesByPlace).toEqual([
      { marketCode: 'changsha-mawangdui', name: '长沙马王堆农产品批发市场', kind: 'WHOLESALE', countyName: '芙蓉区', day: daysAgo(2), avgFen: 1760, changePercent: 10, trade: false },
      { marketCode: null, name: '安化县', kind: null, countyName: '安化县', day: daysAgo(1), avgFen: 1550, changePercent: null, trade: false },
      { marketCode: 'ningxiang-hog', name: '宁乡生猪收购点', kind: 'FARM_GATE', countyName: '宁乡市', day: daysAgo(1), avgFen: 1425, changePercent: -5, trade: false },
    ]);
    expect((await t.gql(`query { pricesByPlace(commodity: "durian") { name } }`)).errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
  });
});
