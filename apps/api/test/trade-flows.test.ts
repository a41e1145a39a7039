import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, makeAdmin, multipartFile, signUp, type Session } from './fixtures';

describe('import and export figures', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
  });
  afterAll(() => t.close());

  const upload = async (file: Buffer, name: string, token = admin.token, source?: string) => {
    const body = multipartFile(file, name);
    const res = await t.app.inject({ method: 'POST', url: `/api/market/trade-flows${source ? `?source=${encodeURIComponent(source)}` : ''}`, headers: { ...body.headers, authorization: `Bearer ${token}` }, payload: body.payload });
    return { status: res.statusCode, body: res.json() };
  };
  const FLOWS = `query($c: String!) { tradeFlows(commodity: $c) { month direction volumeKg valueFen source sample } }`;

  it('imports a customs table in GBK, both directions per row, in kg and fen, and again adds nothing', async () => {
    const csv = ['商品名称,统计月份,出口数量(吨),出口金额(万元),进口数量(吨),进口金额(万元)', '安化黑茶,2025年1月,420.5,"2,610.37",,', '安化黑茶,2025年2月,380,2400,1.2,15', '白条猪肉,2025-02,,,2600,4420'].join('\r\n');
    const first = await upload(iconv.encode(csv, 'gbk'), '长沙海关 2025 年 1-2 月.csv');
    expect(first).toEqual({ status: 201, body: { rowsRead: 3, rowsWritten: 4 } });
    const tea = await t.gql(FLOWS, { c: 'anhua-dark-tea' });
    expect(tea.data!.tradeFlows).toEqual([
      { month: '2025-01', direction: 'EXPORT', volumeKg: 420_500, valueFen: 2_610_370_000, source: '长沙海关 2025 年 1-2 月', sample: false },
      { month: '2025-02', direction: 'EXPORT', volumeKg: 380_000, valueFen: 2_400_000_000, source: '长沙海关 2025 年 1-2 月', sample: false },
      { month: '2025-02', direction: 'IMPORT', volumeKg: 1_200, valueFen: 15_000_000, source: '长沙海关 2025 年 1-2 月', sample: false },
    ]);
    expect(await upload(iconv.encode(csv, 'gbk'), '长沙海关 2025 年 1-2 月.csv')).toEqual({ status: 201, body: { rowsRead: 3, rowsWritten: 0 } });
    // a correction from the same source replaces its month; another source stands beside it
    const corrected = ['品名,月份,进出口,数量（吨）,金额（万元）', '安化黑茶,2025-02,出口,390,2450'].join('\n');
    expect((await upload(Buffer.from(corrected), 'x.csv', admin.token, '长沙海关 2025 年 1-2 月')).body).toEqual({ rowsRead: 1, rowsWritten: 1 });
    expect((await upload(Buffer.from(corrected), '湖南省统计局.csv')).body).toEqual({ rowsRead: 1, rowsWritten: 1 });
    const after = (await t.gql(FLOWS, { c: 'anhua-dark-tea' })).data!.tradeFlows.filter((f: { month: string; direction: string }) => f.month === '2025-02' && f.direction === 'EXPORT');
    expect(after.map((f: { source: string; volumeKg: number }) => [f.source, f.volumeKg])).toEqual([['湖南省统计局', 390_000], ['长沙海关 2025 年 1-2 月', 390_000]]);
  });

  it('refuses a file with any bad row, naming each by line, and writes nothing; only admins import', async () => {
    const before = await count(t, 'market.trade_flow');
    const csv = ['品名,月份,进出口,数量（吨）,金额（万元）', '安化黑茶,2025-03,出口,10,60', '榴莲,2025-03,出口,1,1', '安化黑茶,2099-01,转口,-1,1', '安化黑茶,2025-03,出口,11,61'].join('\n');
    const refused = await upload(Buffer.from(csv), 'bad.csv');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('market/flows-invalid');
    expect(refused.body.details.errors.map((e: { line: number; problems: string[] }) => [e.line, e.problems])).toEqual([
      [3, ['commodity-unknown']],
      [4, ['month-future', 'direction-invalid', 'volume-invalid']],
      [5, ['duplicate']],
    ]);
    expect((await upload(Buffer.from('品名,月份,出口金额（万美元）\n安化黑茶,2025-03,10'), 'usd.csv')).body.code).toBe('market/flows-invalid');
    expect((await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).body.code).toBe('market/file-unreadable');
    expect(await upload(Buffer.alloc(6 * 1024 * 1024, '安化黑茶,2025-03,出口,1,1\n'), 'big.csv')).toMatchObject({ status: 413, body: { code: 'market/flows-too-large' } });
    const someone = await signUp(t, '普通用户');
    expect((await upload(Buffer.from(csv), 'x.csv', someone.token)).status).toBe(403);
    expect(await count(t, 'market.trade_flow')).toBe(before);
    expect((await t.gql(FLOWS, { c: 'durian' })).errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
  });
});
