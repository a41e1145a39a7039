import { chinaToday } from '@xiangnong/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { loadDemoPrices } from '../src/modules/market/demo-prices';
import { PriceImportService } from '../src/modules/market/price-import.service';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, makeAdmin, signUp, teaCategoryId, verifiedSeller, type Session } from './fixtures';
import { until } from './waiting';

/** A day `n` days before today in China, YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function multipart(file: Buffer, filename: string) {
  const boundary = '----xiangnong-price-file';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A bulletin of 生猪 and 早籼稻 quotes for the last `days` days, as the province's price bureau publishes it. */
function bulletin(days: number, { pigBase = 1460 } = {}): string {
  const lines = ['品名,规格,产地,市场,最低价,平均价,最高价,单位,发布日期'];
  for (let d = days; d >= 1; d--) {
    const pig = pigBase + ((d * 7) % 40);
    lines.push(`生猪,外三元,宁乡,长沙马王堆农产品批发市场,${((pig - 30) / 100).toFixed(2)},${(pig / 100).toFixed(2)},${((pig + 30) / 100).toFixed(2)},元/公斤,${daysAgo(d)}`);
    lines.push(`早稻,三等,,岳阳粮食批发市场,135,136,138,元/50公斤,${daysAgo(d).replace(/-/g, '/')}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('price imports', () => {
  let t: TestApp;
  let admin: Session;
  let service: PriceImportService;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
    service = t.app.get(PriceImportService);
  });
  afterAll(() => t.close());

  async function importBytes(bytes: Buffer, name: string, mapping: string | null = null) {
    const row = await service.create(name, mapping, admin.userId);
    return service.run(row.id, () => Readable.from([bytes]));
  }
  const observations = () => count(t, 'market.price_observation');

  it('imports a bulletin whole, converts units exactly, and adds nothing when the same file comes again', async () => {
    const file = Buffer.from(bulletin(60));
    const before = await observations();
    const done = await importBytes(file, '湖南省农产品价格 60 天.csv');
    expect(done).toMatchObject({ status: 'DONE', rowsRead: 120, rowsChecked: 120, rowsWritten: 120, errorCount: 0 });
    expect(await observations()).toBe(before + 120);
    const [rice] = await t.sql<{ avg_fen: number; unit_quantity: number; avg_per_kg_fen: number }>(
      `select o.avg_fen, o.unit_quantity, o.avg_per_kg_fen from market.price_observation o join commodity c on c.id = o.commodity_id where c.code = 'early-indica-paddy' limit 1`,
    );
    expect(rice).toEqual({ avg_fen: 13600, unit_quantity: 50, avg_per_kg_fen: 272 });
    const again = await importBytes(file, '湖南省农产品价格 60 天（重发）.csv');
    expect(again.status).toBe('DUPLICATE');
    expect(await observations()).toBe(before + 120);
    // an overlapping file adds only its new quotes
    const overlapping = await importBytes(Buffer.from(bulletin(61)), '湖南省农产品价格 61 天.csv');
    expect(overlapping).toMatchObject({ status: 'DONE', rowsRead: 122, rowsWritten: 2 });
  });

  it('refuses a file with bad rows whole, naming each row by its line, in GBK as in UTF-8', async () => {
    const csv =
      '品名,市场,最低价,平均价,最高价,单位,日期\n' +
      `生猪,长沙马王堆农产品批发市场,14.2,14.6,15.0,元/公斤,${daysAgo(3)}\n` +
      `土豆,长沙马王堆农产品批发市场,1,2,3,元/斤,${daysAgo(3)}\n` +
      `生猪,不知名市场,14.2,14.6,15.0,元/公斤,${daysAgo(3)}\n` +
      `生猪,长沙马王堆农产品批发市场,15.2,14.6,14.0,元/公斤,${daysAgo(2)}\n` +
      `生猪,长沙马王堆农产品批发市场,14.2,14.6,15.0,元/亩,${daysAgo(1)}\n` +
      `生猪,长沙马王堆农产品批发市场,14.2,14.6,15.0,元/公斤,2099-01-01\n` +
      `生猪,长沙马王堆农产品批发市场,-1,14.6,15.0,元/公斤,${daysAgo(4)}\n` +
      `生猪,长沙马王堆农产品批发市场,14.2,14.6,15.0,元/公斤,${daysAgo(3)}\n`;
    const before = await observations();
    const failed = await importBytes(iconv.encode(csv, 'gbk'), '价格（GBK）.csv');
    expect(failed).toMatchObject({ status: 'FAILED', rowsRead: 8, errorCount: 7, rowsWritten: 0 });
    expect(await observations()).toBe(before);
    const errors = await service.errors(failed.id, 100);
    expect(errors.map((e) => [e.line, e.problems])).toEqual([
      [3, ['commodity-unknown']],
      [4, ['market-unknown']],
      [5, ['low-above-high']],
      [6, ['unit-unknown']],
      [7, ['date-future']],
      [8, ['price-negative']],
      [9, ['duplicate']],
    ]);
    const report = await t.gql(`query($id: ID!) { priceImport(id: $id) { status message errors(first: 2) { line messagesZh } errorsCsv } }`, { id: failed.id }, admin.token);
    expect(report.data!.priceImport.errors).toEqual([{ line: 3, messagesZh: [expect.stringContaining('未知的品名')] }, { line: 4, messagesZh: ['未知的市场'] }]);
    expect(report.data!.priceImport.errorsCsv.split('\n')[1]).toMatch(/^3,"commodity-unknown","未知的品名/);
  });

  it('keeps specifications as written, backslashes and tabs included, and tells its progress as it checks and writes', async () => {
    const csv = `品名,规格,市场,平均价,单位,日期\n生猪,"外三元\\特级\t散养",长沙马王堆农产品批发市场,15.5,元/公斤,${daysAgo(7)}\n`;
    const row = await service.create('规格.csv', null, admin.userId);
    const told: { status: string; rowsWritten: number }[] = [];
    const done = await service.run(row.id, () => Readable.from([Buffer.from(csv)]), (p) => told.push({ status: p.status, rowsWritten: p.rowsWritten }));
    expect(done).toMatchObject({ status: 'DONE', rowsWritten: 1 });
    const [stored] = await t.sql<{ specification: string }>(`select specification from market.price_observation where import_id = $1`, [done.id]);
    expect(stored!.specification).toBe('外三元\\特级\t散养');
    expect(told[0]).toEqual({ status: 'CHECKING', rowsWritten: 0 });
    expect(told).toContainEqual({ status: 'WRITING', rowsWritten: 1 });
  });

  it('writes nothing when the file cannot be read to its end, and the next import goes through', async () => {
    const csv = bulletin(5, { pigBase: 1900 }).replace(/外三元/g, '半截');
    async function* brokenOff() {
      yield Buffer.from(csv);
      throw new Error('the disk went away');
    }
    const before = await observations();
    const row = await service.create('半截.csv', null, admin.userId);
    let opened = 0;
    // the first read only looks at the file's first bytes
    const failed = await service.run(row.id, () => (++opened === 1 ? Readable.from([Buffer.from(csv)]) : Readable.from(brokenOff())));
    expect(failed).toMatchObject({ status: 'FAILED', rowsWritten: 0 });
    expect(await observations()).toBe(before);
    // its 早稻 quotes are there already (the first test): only the 生猪 ones are new
    expect(await importBytes(Buffer.from(csv), '半截（重发）.csv')).toMatchObject({ status: 'DONE', rowsRead: 10, rowsWritten: 5 });
  });

  it('refuses what is no price file, and headers it cannot place until a mapping says what they are', async () => {
    expect((await importBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.xls')).message).toMatch(/\.xls/);
    expect((await importBytes(Buffer.from('\x00\x01\x02binary'), 'photo.png')).status).toBe('FAILED');
    const odd = `货品,今日均价,地点,日子,单位\n生猪,15.1,宁乡,${daysAgo(5)},元/公斤\n`;
    const unmapped = await importBytes(Buffer.from(odd), '县里的表.csv');
    expect(unmapped.status).toBe('FAILED');
    expect(unmapped.message).toMatch(/品名.*日期/);
    const saved = await t.gql(
      `mutation($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { name fields } }`,
      { input: { name: '宁乡县报表', fields: { 货品: 'commodity', 今日均价: 'average', 地点: 'county', 日子: 'date' } } },
      admin.token,
    );
    expect(saved.errors).toBeUndefined();
    const bad = await t.gql(`mutation($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { name } }`, { input: { name: 'x', fields: { 货品: 'colour' } } }, admin.token);
    expect(bad.errors?.[0]?.extensions.code).toBe('market/mapping-invalid');
    const mapped = await importBytes(Buffer.from(odd), '县里的表.csv', '宁乡县报表');
    expect(mapped).toMatchObject({ status: 'DONE', rowsWritten: 1 });
  });

  it('reads Excel workbooks, dates and formulas included', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('价格');
    sheet.addRow(['品名', '市场', '均价（元/斤）', '日期']);
    sheet.addRow(['冰糖橙', '麻阳冰糖橙产地收购点', 3.8, new Date(`${daysAgo(2)}T00:00:00Z`)]);
    sheet.addRow(['冰糖橙', '麻阳冰糖橙产地收购点', { formula: 'C2+0.1', result: 3.9 }, new Date(`${daysAgo(1)}T00:00:00Z`)]);
    const done = await importBytes(Buffer.from(await book.xlsx.writeBuffer()), '麻阳收购价.xlsx');
    expect(done).toMatchObject({ status: 'DONE', rowsWritten: 2 });
    const rows = await t.sql<{ avg_fen: number; avg_per_kg_fen: number; unit: string }>(
      `select avg_fen, avg_per_kg_fen, unit from market.price_observation where import_id = $1 order by observed_on`,
      [done.id],
    );
    expect(rows).toEqual([{ avg_fen: 380, avg_per_kg_fen: 760, unit: 'JIN' }, { avg_fen: 390, avg_per_kg_fen: 780, unit: 'JIN' }]);
  });

  it('takes uploads from admins only, runs them as a task, and shows the progress and outcome', async () => {
    const file = Buffer.from(bulletin(10, { pigBase: 1700 }).replace(/外三元/g, '内三元'));
    const body = multipart(file, '上传的价格.csv');
    const someone = await signUp(t);
    const refused = await t.app.inject({ method: 'POST', url: '/api/market/imports', headers: { ...body.headers, authorization: `Bearer ${someone.token}` }, payload: body.payload });
    expect(refused.statusCode).toBe(403);
    const accepted = await t.app.inject({ method: 'POST', url: '/api/market/imports', headers: { ...body.headers, authorization: `Bearer ${admin.token}` }, payload: body.payload });
    expect(accepted.statusCode).toBe(202);
    const { id } = accepted.json() as { id: string };
    const read = async () => (await t.gql(`query($id: ID!) { priceImport(id: $id) { status rowsRead rowsWritten } }`, { id }, admin.token)).data!.priceImport;
    const finished = await until('the import to finish', async () => {
      const state = await read();
      return ['DONE', 'FAILED', 'DUPLICATE'].includes(state.status) && state;
    });
    // the 早稻 quotes of those days are there already (first test): only the 内三元 生猪 ones are new
    expect(finished).toEqual({ status: 'DONE', rowsRead: 20, rowsWritten: 10 });
    expect(await count(t, 'price_import_chunk')).toBe(0);
    const list = await t.gql(`query { priceImports(first: 50) { id status } }`, {}, admin.token);
    expect(list.data!.priceImports.map((i: { id: string }) => i.id)).toContain(id);
    expect((await t.gql(`query { priceImports { id } }`, {}, someone.token)).errors?.[0]?.extensions.code).toBe('auth/forbidden');
  });

  it('gives the series by day, week and month per kg, with changes, movers, an index and a CSV', async () => {
    const series = await t.gql(
      `query { priceSeries(commodity: "early-indica-paddy", range: DAYS_30, interval: DAY) { perUnit points { period avgFen observations anomaly } csv monthOnMonthPercent } }`,
    );
    expect(series.errors).toBeUndefined();
    const { points, csv, perUnit } = series.data!.priceSeries;
    expect(perUnit).toBe('KG');
    expect(points).toHaveLength(30);
    expect(points.every((p: { avgFen: number }) => p.avgFen === 272)).toBe(true);
    expect(csv.split('\n')[1]).toBe(`${daysAgo(30)},2.70,2.72,2.76,1,0`);
    const monthly = await t.gql(`query { priceSeries(commodity: "live-hog", range: ALL, interval: MONTH) { points { period observations } } }`);
    expect(monthly.data!.priceSeries.points.reduce((n: number, p: { observations: number }) => n + p.observations, 0)).toBeGreaterThanOrEqual(61);
    const movers = await t.gql(`query { priceMovers(channel: "hog") { commodity { code } changePercent } }`);
    expect(movers.data!.priceMovers.map((m: { commodity: { code: string } }) => m.commodity.code)).toContain('live-hog');
    const index = await t.gql(`query { channelPriceIndex(channel: "rice") { base points { value } } }`);
    expect(index.data!.channelPriceIndex.points[0].value).toBe(100);
    const unknown = await t.gql(`query { priceSeries(commodity: "durian") { csv } }`);
    expect(unknown.errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
  });

  it('narrows a series to some markets or a county, still per kg, and says which filter is wrong', async () => {
    const markets: { id: string; name: string; countyCode: string }[] = (await t.gql(`query { markets { id name countyCode } }`)).data!.markets;
    const yueyang = markets.find((m) => m.name === '岳阳粮食批发市场')!;
    const changsha = markets.find((m) => m.name === '长沙马王堆农产品批发市场')!;
    const series = async (filter = '') =>
      (await t.gql(`query { priceSeries(commodity: "early-indica-paddy", range: DAYS_30, interval: WEEK, ${filter}) { perUnit points { period lowFen avgFen highFen observations } csv } }`)).data!
        .priceSeries;
    const everywhere = await series();
    const atYueyang = await series(`marketIds: ["${yueyang.id}"]`);
    // the paddy is quoted per 50 kg at 岳阳 only: the same weeks, per kg, from the quotes as from the daily figures
    expect(atYueyang).toEqual(everywhere);
    expect(atYueyang.perUnit).toBe('KG');
    expect(atYueyang.points.reduce((n: number, p: { observations: number }) => n + p.observations, 0)).toBe(30);
    expect(atYueyang.points.every((p: { lowFen: number; avgFen: number; highFen: number }) => p.lowFen === 270 && p.avgFen === 272 && p.highFen === 276)).toBe(true);
    expect(await series(`countyCode: "${yueyang.countyCode}"`)).toEqual(everywhere);
    const elsewhere = await series(`marketIds: ["${changsha.id}"]`);
    expect(elsewhere.points).toEqual([]);
    const wrong = await t.gql(`query { priceSeries(commodity: "early-indica-paddy", marketIds: ["not-a-market"]) { perUnit } }`);
    expect(wrong.errors?.[0]?.extensions.code).toBe('market/market-unknown');
    const bothWrong = await t.gql(`query { priceSeries(commodity: "durian", marketIds: ["not-a-market"]) { perUnit } }`);
    expect(bothWrong.errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
  });
});

describe('the sample price history of the embedded start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads two years of daily quotes once, marked as sample data, and the series read them', async () => {
    const em = t.app.get(MikroORM).em.fork() as EntityManager;
    const loaded = await loadDemoPrices(em);
    expect(loaded).toBeGreaterThan(10_000);
    expect(await loadDemoPrices(t.app.get(MikroORM).em.fork() as EntityManager)).toBe(0);
    const series = await t.gql(`query { priceSeries(commodity: "live-hog", range: ALL, interval: MONTH) { sampleData points { period } yearOnYearPercent } }`);
    expect(series.data!.priceSeries.sampleData).toBe(true);
    expect(series.data!.priceSeries.points.length).toBeGreaterThanOrEqual(24);
    expect(series.data!.priceSeries.yearOnYearPercent).not.toBeNull();
    const movers = await t.gql(`query { priceMovers(first: 50) { commodity { code } } }`);
    expect(movers.data!.priceMovers.length).toBeGreaterThan(3);
    const index = await t.gql(`query { channelPriceIndex(channel: "hog") { base points { value } } }`);
    expect(index.data!.channelPriceIndex.points.length).toBeGreaterThanOrEqual(20);

    // a seller's 安化黑茶 (天尖, in 安化) against the 黑茶 quotes of its prefecture
    const { owner, orgId } = await verifiedSeller(t);
    const listingId = await createListing(t, owner, orgId, { categoryId: await teaCategoryId(t, 'tianjian') });
    const compared = await t.gql(`query($id: ID!) { listingMarketPrice(listingId: $id) { commodity { code } listingPerKgFen marketAvgPerKgFen scope differencePercent } }`, { id: listingId });
    const [week] = await t.sql<{ avg: number }>(
      `select round(avg(avg_per_kg_fen))::int as avg from market.price_observation o join commodity c on c.id = o.commodity_id
        where c.code = 'anhua-dark-tea' and left(o.county_code, 4) = '4309' and o.observed_on > (select max(observed_on) from market.price_observation) - 7`,
    );
    expect(compared.data!.listingMarketPrice).toEqual({
      commodity: { code: 'anhua-dark-tea' },
      listingPerKgFen: 19600,
      marketAvgPerKgFen: week!.avg,
      scope: 'PREFECTURE',
      differencePercent: Math.round(((19600 - week!.avg) / week!.avg) * 1000) / 10,
    });
    // a listing no commodity prices has no comparison
    const other = await createListing(t, owner, orgId, { categoryId: await teaCategoryId(t, 'black-tea') });
    expect((await t.gql(`query($id: ID!) { listingMarketPrice(listingId: $id) { scope } }`, { id: other })).data!.listingMarketPrice).toBeNull();
  });
});
