import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { chinaToday } from '@xiangnong/domain';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceAlertsService } from '../src/modules/market/price-alerts.service';
import { PriceImportService } from '../src/modules/market/price-import.service';
import { startTestApp, type TestApp } from './harness';
import { count, createOrganisation, makeAdmin, signUp, type Session } from './fixtures';
import { settled, until } from './waiting';

const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const SUBSCRIBE = `mutation($input: SubscribePriceInput!) { subscribePrice(input: $input) { id kind thresholdFen percent commodity { code } } }`;

describe('price alerts', () => {
  let t: TestApp;
  let admin: Session;
  let subscriber: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
    subscriber = await signUp(t, '订阅者');
  });
  afterAll(() => t.close());

  /** Imports 生猪 quotes (元/公斤) for the given days back, one a day at a market (长沙马王堆 unless named). */
  async function importHogs(prices: [daysBack: number, yuan: string][], market = '长沙马王堆农产品批发市场') {
    const csv = ['品名,市场,平均价,单位,日期', ...prices.map(([d, p]) => `生猪,${market},${p},元/公斤,${daysAgo(d)}`)].join('\n');
    const service = t.app.get(PriceImportService);
    const row = await service.create(`生猪 ${market} ${prices.length} 天.csv`, null, admin.userId);
    return service.run(row.id, () => Readable.from([Buffer.from(csv)]));
  }
  const alertsOf = async (user: Session) => (await t.sql<{ title_zh: string }>(`select title_zh from notification where user_id = $1 and kind = 'price-alert' order by id`, [user.userId])).map((r) => r.title_zh);

  it('refuses alerts that could never make sense, and writes none of them', async () => {
    const before = await count(t, 'price_subscription');
    const bad = [
      { commodity: 'live-hog', kind: 'ABOVE' },
      { commodity: 'live-hog', kind: 'ABOVE', thresholdFen: -100 },
      { commodity: 'live-hog', kind: 'BELOW', thresholdFen: 0 },
      { commodity: 'live-hog', kind: 'MOVE', percent: 0 },
      { commodity: 'live-hog', kind: 'MOVE', percent: 5000 },
      { commodity: 'live-hog', kind: 'MOVE', percent: 1.234 },
      { commodity: 'live-hog', kind: 'MOVE', percent: 5, days: 0 },
      { commodity: 'live-hog', kind: 'MOVE', percent: 5, days: 366 },
      { commodity: 'live-hog', kind: 'ABOVE', thresholdFen: 1500, marketId: '999999' },
    ];
    for (const input of bad) {
      const result = await t.gql(SUBSCRIBE, { input }, subscriber.token);
      expect(result.errors?.[0]?.extensions.code, JSON.stringify(input)).toBe('market/subscription-invalid');
    }
    expect((await t.gql(SUBSCRIBE, { input: { commodity: 'durian', kind: 'DIGEST' } }, subscriber.token)).errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
    expect((await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'DIGEST' } })).errors?.[0]?.extensions.code).toBe('auth/unauthenticated');
    expect(await count(t, 'price_subscription')).toBe(before);
    // alert webhooks may not point into the installation's own networks, nor go out unencrypted
    for (const url of ['https://127.0.0.1/hook', 'https://[::1]/hook', 'https://10.0.0.8/hook', 'https://169.254.169.254/latest', 'http://8.8.8.8/hook']) {
      const set = await t.gql(`mutation($url: String!) { setAlertWebhook(url: $url) { url } }`, { url }, subscriber.token);
      expect(set.errors?.[0]?.extensions.code, url).toBe('market/webhook-invalid');
    }
    expect(await count(t, 'alert_webhook')).toBe(0);
    // percentages with two decimals are taken as written, whatever their binary form (1.1 × 100 is 110.00000000000001)
    const mover = await signUp(t, '涨跌幅');
    for (const percent of [1.1, 2.2, 4.6, 0.29, 12.35]) {
      const made = await t.gql(SUBSCRIBE, { input: { commodity: 'fresh-tea-leaf', kind: 'MOVE', percent } }, mover.token);
      expect(made.data?.subscribePrice.percent, String(percent)).toBe(percent);
    }
  });

  it('alerts once when an import crosses a threshold or moves a price, and not for what stays inside', async () => {
    const above = await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'ABOVE', thresholdFen: 1600 } }, subscriber.token);
    expect(above.data!.subscribePrice).toMatchObject({ kind: 'ABOVE', thresholdFen: 1600, commodity: { code: 'live-hog' } });
    await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'MOVE', percent: 5 } }, subscriber.token);
    const quiet = await signUp(t, '只关心跌价');
    await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'BELOW', thresholdFen: 1200 } }, quiet.token);

    await importHogs([[3, '15.00'], [2, '15.20']]);
    // 15.20 is below 16.00 and 1.3 % above 15.00: nothing
    await settled(t);
    expect(await alertsOf(subscriber)).toEqual([]);

    await importHogs([[1, '16.40']]);
    const alerts = await until('two alerts', async () => {
      const found = await alertsOf(subscriber);
      return found.length >= 2 && found;
    });
    expect(alerts.sort()).toEqual([expect.stringMatching(/^生猪 .* 上涨 7\.9%$/), expect.stringMatching(/^生猪 均价 ¥16\.40\/千克，高于您设定的 ¥16\.00$/)].sort());
    // the same day's quotes again (another file with the day) do not alert twice
    await importHogs([[1, '16.40'], [5, '14.00']]);
    await settled(t);
    expect(await alertsOf(subscriber)).toHaveLength(2);
    expect(await alertsOf(quiet)).toEqual([]);
  });

  it('lets a market reporter enter the day’s quotes from a form, correct them, and alerts follow', async () => {
    const reporter = await signUp(t, '报价员');
    const orgId = await createOrganisation(t, reporter, { name: '马王堆市场信息站', kind: 'ENTERPRISE', countyCode: '430102' });
    const [market] = await t.sql<{ id: number }>(`select id from market where code = 'changsha-mawangdui'`);
    const report = (quotes: unknown[], token = reporter.token, date?: string) =>
      t.gql(`mutation($input: ReportPricesInput!) { reportPrices(input: $input) { status rowsWritten } }`, { input: { marketId: String(market!.id), date, quotes } }, token);
    // not a reporter yet
    expect((await report([{ commodity: 'live-hog', avgFen: 1700 }])).errors?.[0]?.extensions.code).toBe('auth/forbidden');
    const assigned = await t.gql(`mutation($m: ID!, $o: ID!) { assignMarketReporter(marketId: $m, organisationId: $o) }`, { m: String(market!.id), o: orgId }, admin.token);
    expect(assigned.data!.assignMarketReporter).toBe(true);
    const markets = await t.gql(`query { myReportingMarkets { code } }`, {}, reporter.token);
    expect(markets.data!.myReportingMarkets).toEqual([{ code: 'changsha-mawangdui' }]);
    // bad quotes are named by their place in the form, and nothing is written
    const before = await count(t, 'market.price_observation');
    const bad = await report([{ commodity: 'live-hog', lowFen: 1800, avgFen: 1700, highFen: 1750 }, { commodity: 'durian', avgFen: 100 }]);
    expect(bad.errors?.[0]?.extensions.code).toBe('market/report-invalid');
    expect(bad.errors![0]!.extensions.details.problems.map((p: { index: number; problems: string[] }) => [p.index, p.problems])).toEqual([[0, ['low-above-high']], [1, ['commodity-unknown']]]);
    expect((await report([{ commodity: 'live-hog', avgFen: 1700 }], reporter.token, '2020-01-01')).errors?.[0]?.extensions.code).toBe('market/report-invalid');
    expect(await count(t, 'market.price_observation')).toBe(before);
    // today's quote, then a correction of it: one quote, the corrected one
    expect((await report([{ commodity: 'live-hog', lowFen: 1680, avgFen: 1700, highFen: 1720, specification: '外三元' }, { commodity: 'early-indica-paddy', avgFen: 13700 }])).data!.reportPrices).toEqual({ status: 'DONE', rowsWritten: 2 });
    expect((await report([{ commodity: 'live-hog', lowFen: 1690, avgFen: 1710, highFen: 1730, specification: '外三元' }])).data!.reportPrices.rowsWritten).toBe(1);
    const today = await t.sql<{ avg_fen: number; source: string }>(
      `select o.avg_fen, o.source from market.price_observation o join commodity c on c.id = o.commodity_id where c.code = 'live-hog' and o.observed_on = $1 and o.specification = '外三元'`,
      [chinaToday()],
    );
    expect(today).toEqual([{ avg_fen: 1710, source: 'REPORTER' }]);
    // the price stays above 16.00: the subscriber who was told hears nothing new; one who subscribes now hears once
    const latecomer = await signUp(t, '新订阅者');
    await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'ABOVE', thresholdFen: 1600 } }, latecomer.token);
    expect((await report([{ commodity: 'live-hog', avgFen: 1720, specification: '外三元' }])).data!.reportPrices.rowsWritten).toBe(1);
    await until('the latecomer’s alert', async () => (await alertsOf(latecomer)).length === 1);
    await settled(t);
    expect(await alertsOf(subscriber)).toHaveLength(2);
  });

  it('alerts once per crossing at a market, again only after the price came back, and measures moves over N days', async () => {
    const watcher = await signUp(t, '湘潭盯盘');
    const [market] = await t.sql<{ id: number }>(`select id from market where code = 'changsha-hongxing'`);
    const subscribe = (input: object) => t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', marketId: String(market!.id), ...input } }, watcher.token);
    expect((await subscribe({ kind: 'ABOVE', thresholdFen: 1600 })).errors).toBeUndefined();
    const move = await t.gql(`mutation($input: SubscribePriceInput!) { subscribePrice(input: $input) { days beyond } }`, { input: { commodity: 'live-hog', marketId: String(market!.id), kind: 'MOVE', percent: 10, days: 2 } }, watcher.token);
    expect(move.data!.subscribePrice).toEqual({ days: 2, beyond: false });
    // one day at a time, old days (every other subscription has seen today's quotes, so these change nothing for them)
    const days: [number, string][] = [[20, '15.00'], [19, '17.00'], [18, '17.50'], [17, '15.00'], [16, '16.50']];
    for (const day of days) {
      await importHogs([day], '长沙红星农副产品大市场');
      await settled(t);
    }
    const alerts = await alertsOf(watcher);
    // above at 17.00 (crossing), not at 17.50 (still above), again at 16.50 after 15.00; up 16.7 % over two days at 17.50, not again at 15.00 (still a 10 % move, down)
    expect(alerts.filter((a) => a.includes('高于'))).toEqual([
      '生猪（长沙红星农副产品大市场） 均价 ¥17.00/千克，高于您设定的 ¥16.00',
      '生猪（长沙红星农副产品大市场） 均价 ¥16.50/千克，高于您设定的 ¥16.00',
    ]);
    expect(alerts.filter((a) => !a.includes('高于'))).toEqual([`生猪（长沙红星农副产品大市场） ${daysAgo(18)} 2 天内上涨 16.7%`]);
    expect(await alertsOf(subscriber)).toHaveLength(2);
  });

  it('follows a county: the average of the quotes given in it, and no other county’s', async () => {
    const watcher = await signUp(t, '安化盯价');
    const subscribe = (input: object) =>
      t.gql(`mutation($input: SubscribePriceInput!) { subscribePrice(input: $input) { countyCode marketId } }`, { input: { commodity: 'live-hog', kind: 'BELOW', thresholdFen: 1300, ...input } }, watcher.token);
    expect((await subscribe({ countyCode: '999999' })).errors?.[0]?.extensions.code).toBe('market/subscription-invalid');
    expect((await subscribe({ countyCode: '430923', marketId: '1' })).errors?.[0]?.extensions.code).toBe('market/subscription-invalid');
    expect((await subscribe({ countyCode: '430923' })).data!.subscribePrice).toEqual({ countyCode: '430923', marketId: null });
    // another county's low quote is not this county's
    await importHogs([[25, '11.00']], '宁乡市');
    await settled(t);
    expect(await alertsOf(watcher)).toEqual([]);
    await importHogs([[24, '12.50']], '安化县');
    await until('the county’s alert', async () => (await alertsOf(watcher)).length > 0);
    expect(await alertsOf(watcher)).toEqual(['生猪（安化县） 均价 ¥12.50/千克，低于您设定的 ¥13.00']);
  });

  it('sends each digest subscriber one morning summary, and lets users stop alerts of their own only', async () => {
    const reader = await signUp(t, '看摘要');
    await t.gql(SUBSCRIBE, { input: { commodity: 'live-hog', kind: 'DIGEST' } }, reader.token);
    await t.gql(SUBSCRIBE, { input: { commodity: 'early-indica-paddy', kind: 'DIGEST' } }, reader.token);
    const sent = await t.app.get(MikroORM).em.fork().transactional((em) => t.app.get(PriceAlertsService).digest(em as EntityManager));
    expect(sent).toBe(1);
    const [digest] = await t.sql<{ title_zh: string; body_zh: string }>(`select title_zh, body_zh from notification where user_id = $1 and kind = 'price-digest'`, [reader.userId]);
    expect(digest!.title_zh).toBe('今日行情：2 个品种');
    expect(digest!.body_zh).toMatch(/^早籼稻 ¥2\.74\/千克；生猪 ¥17\.\d\d\/千克 ↑/);
    const mine = await t.gql(`query { myPriceSubscriptions { id kind } }`, {}, reader.token);
    expect(mine.data!.myPriceSubscriptions).toHaveLength(2);
    const id = mine.data!.myPriceSubscriptions[0].id;
    expect((await t.gql(`mutation($id: ID!) { unsubscribePrice(id: $id) }`, { id }, subscriber.token)).data!.unsubscribePrice).toBe(false);
    expect((await t.gql(`mutation($id: ID!) { unsubscribePrice(id: $id) }`, { id }, reader.token)).data!.unsubscribePrice).toBe(true);
  });
});
