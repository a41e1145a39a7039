import { chinaToday } from '@xiangnong/domain';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookSignature } from '../src/common/webhook-signature';
import { isPrivateAddress } from '../src/modules/market/alert-webhooks';
import { PriceImportService } from '../src/modules/market/price-import.service';
import { startTestApp, type TestApp } from './harness';
import { makeAdmin, signUp, type Session } from './fixtures';
import { collect, liveClient } from './live-client';
import { freePort } from './net';
import { until } from './waiting';

const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const ADDED = `subscription { notificationAdded { kind titleZh link } }`;

/** A receiver on loopback that answers each delivery's first try with 503 and later tries with 204. */
async function receiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const tried = new Set<string>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const id = String(req.headers['x-xn-delivery']);
      res.statusCode = tried.has(id) ? 204 : 503;
      tried.add(id);
      res.end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/hooks/prices`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('price alerts on two instances, and to a webhook', () => {
  let importer: TestApp;
  let web: TestApp;
  let admin: Session;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    // two instances on one database: the operator imports on one, the subscriber's page is open on the other
    importer = await startTestApp({ alertWebhookPrivateHosts: true });
    web = await startTestApp({ alertWebhookPrivateHosts: true }, { databaseUrl: importer.databaseUrl });
    admin = await makeAdmin(importer);
    hooks = await receiver();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await hooks.close();
    await web.close();
    await importer.close();
  });

  it('refuses webhook addresses that are not http(s), carry credentials or are too long', async () => {
    const user = await signUp(web, '推送测试');
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/x', `https://example.com/${'x'.repeat(500)}`, 'not a url', '']) {
      const result = await web.gql(`mutation($url: String!) { setAlertWebhook(url: $url) { url } }`, { url }, user.token);
      expect(result.errors?.[0]?.extensions.code, url).toBe('market/webhook-invalid');
    }
    expect((await web.gql(`mutation { pingAlertWebhook { id } }`, {}, user.token)).errors?.[0]?.extensions.code).toBe('market/webhook-missing');
    expect((await web.gql(`query { myAlertWebhook { url } }`, {}, user.token)).data!.myAlertWebhook).toBeNull();
    expect(await web.sql('select 1 from alert_webhook')).toEqual([]);
    expect((await web.gql(`query { myAlertWebhook { url } }`)).errors?.[0]?.extensions.code).toBe('auth/unauthenticated');
  });

  it('knows loopback, private and link-local addresses from public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'not-an-ip']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('delivers an alert made on one instance live to a page open on the other, and to the webhook, signed, tried again until answered', async () => {
    const subscriber = await signUp(web, '两地订阅者');
    const set = await web.gql(`mutation($url: String!) { setAlertWebhook(url: $url) { url secret } }`, { url: hooks.url }, subscriber.token);
    expect(set.errors).toBeUndefined();
    const secret = set.data!.setAlertWebhook.secret as string;
    expect(secret).toMatch(/^whsec_[\w-]{32}$/);
    expect((await web.gql(`mutation($input: SubscribePriceInput!) { subscribePrice(input: $input) { id } }`, { input: { commodity: 'live-hog', kind: 'BELOW', thresholdFen: 1300 } }, subscriber.token)).errors).toBeUndefined();

    const port = await freePort();
    await web.app.listen({ port, host: '127.0.0.1' });
    const { client } = liveClient(`ws://127.0.0.1:${port}/graphql`, subscriber.token);
    clients.push(client);
    const live = collect(client, ADDED);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // the operator's import, on the other instance, brings 生猪 at 12.60 元/kg
    const service = importer.app.get(PriceImportService);
    const row = await service.create('生猪 跌价.csv', null, admin.userId);
    await service.run(row.id, () => Readable.from([Buffer.from(`品名,市场,平均价,单位,日期\n生猪,长沙马王堆农产品批发市场,6.30,元/斤,${daysAgo(1)}\n`)]));

    const got = await until('the live alert', () => live.results[0]);
    expect(got.data.notificationAdded).toEqual({ kind: 'price-alert', titleZh: '生猪 均价 ¥12.60/千克，低于您设定的 ¥13.00', link: '/prices/live-hog' });

    // the webhook: refused once (503), then delivered; the same delivery id, each try signed
    await until('the second try', () => hooks.received.length >= 2, 20_000);
    const [first, second] = hooks.received;
    expect(second!.headers['x-xn-delivery']).toBe(first!.headers['x-xn-delivery']);
    for (const { headers, body } of [first!, second!]) {
      expect(headers['x-xn-event']).toBe('price-alert');
      expect(checkWebhookSignature(secret, String(headers['x-xn-signature']), body)).toBe('ok');
      expect(checkWebhookSignature(`${secret}x`, String(headers['x-xn-signature']), body)).toBe('wrong');
    }
    expect(JSON.parse(second!.body)).toMatchObject({
      event: 'price-alert',
      data: { commodity: 'live-hog', kind: 'BELOW', avgPerKgFen: 1260, thresholdFen: 1300, day: daysAgo(1), titleZh: '生猪 均价 ¥12.60/千克，低于您设定的 ¥13.00' },
    });
    const log = await until('the delivery to be logged as delivered', async () => {
      const found = (await web.gql(`query { myAlertWebhookDeliveries { event status attempts responseStatus error } }`, {}, subscriber.token)).data!.myAlertWebhookDeliveries;
      return found[0]?.status === 'DELIVERED' && found;
    });
    expect(log).toEqual([{ event: 'price-alert', status: 'DELIVERED', attempts: 2, responseStatus: 204, error: null }]);

    // one alert per crossing, however many instances: the subscriber was told once
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(live.results).toHaveLength(1);
    expect(await web.sql(`select 1 from notification where user_id = $1 and kind = 'price-alert'`, [subscriber.userId])).toHaveLength(1);

    // removed: a test delivery has nowhere to go
    expect((await web.gql(`mutation { removeAlertWebhook }`, {}, subscriber.token)).data!.removeAlertWebhook).toBe(true);
    expect((await web.gql(`mutation { pingAlertWebhook { id } }`, {}, subscriber.token)).errors?.[0]?.extensions.code).toBe('market/webhook-missing');
  });
});
