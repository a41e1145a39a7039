import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { ApiError, saveTokens } from '../src/graphql';
import type { AlertWebhookDeliveryFieldsFragment, AlertWebhookFieldsFragment } from '../src/graphql/generated/graphql';
import type { Locale } from '../src/i18n';
import PriceAlertsPage from '../src/pages/PriceAlertsPage.vue';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

/** The API's webhook for one user, as the fake keeps it. */
let hook: AlertWebhookFieldsFragment | null;
let log: AlertWebhookDeliveryFieldsFragment[];
let secrets: number;
const sent: { name: string; variables: Record<string, unknown> }[] = [];

const INVALID = (reason: string) =>
  new ApiError({
    code: 'market/webhook-invalid',
    messageZh: '提醒推送地址无效：须为 https 地址（不含用户名密码，最多 500 字），且不能指向内网',
    messageEn: 'Invalid webhook address: an https URL (no credentials, at most 500 characters) that does not point into a private network',
    details: { reason },
  });
const MISSING = new ApiError({ code: 'market/webhook-missing', messageZh: '尚未设置提醒推送地址', messageEn: 'No webhook address is set' });

function delivery(id: string, patch: Partial<AlertWebhookDeliveryFieldsFragment> = {}): AlertWebhookDeliveryFieldsFragment {
  return { id, event: 'price-alert', status: 'DELIVERED', attempts: 1, responseStatus: 200, error: null, createdAt: '2026-11-30T01:00:00Z', finishedAt: '2026-11-30T01:00:01Z', ...patch };
}

beforeEach(() => {
  hook = null;
  log = [];
  secrets = 0;
  sent.length = 0;
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    switch (name) {
      case 'MyPriceSubscriptions':
        return { myPriceSubscriptions: [] };
      case 'AlertCommodities':
        return { commodities: [{ code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog' }] };
      case 'AlertWebhook':
        return { myAlertWebhook: hook, myAlertWebhookDeliveries: log };
      case 'AlertWebhookDeliveries':
        return { myAlertWebhookDeliveries: log };
      case 'SetAlertWebhook': {
        const url = String(variables.url);
        if (url.includes('192.168.')) throw INVALID('private');
        if (!url.startsWith('https://')) throw INVALID('url');
        hook = { url, secret: `whsec_${++secrets}`, createdAt: '2026-11-30T02:00:00Z' };
        return { setAlertWebhook: hook };
      }
      case 'RemoveAlertWebhook': {
        const had = hook !== null;
        hook = null;
        return { removeAlertWebhook: had };
      }
      case 'PingAlertWebhook': {
        if (!hook) throw MISSING;
        const ping = delivery(`p${log.length + 1}`, { event: 'ping', status: 'PENDING', attempts: 0, responseStatus: null, finishedAt: null });
        log = [ping, ...log];
        return { pingAlertWebhook: ping };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  saveTokens(null);
});

async function mountPage(locale: Locale = 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  saveTokens({ accessToken: 'A1', refreshToken: 'R1' });
  const session = useSessionStore();
  session.viewer = { id: 'u1', phone: '13900000002', displayName: '王采购', isPlatformAdmin: false, memberships: [] };
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/settings/price-alerts', component: PriceAlertsPage }, { path: '/:rest(.*)*', component: { render: () => null } }] });
  await router.push('/settings/price-alerts');
  const page = mount(RouterView, { global: { plugins: [pinia, i18nPlugin(locale), router] } });
  await flushPromises();
  return page;
}

const byId = (id: string) => `[data-testid="${id}"]`;
const asked = (name: string) => sent.filter((s) => s.name === name).map((s) => s.variables);

describe('the alert webhook on the price alerts page', () => {
  it('sets an address and shows its new secret at once, with a copy button and how a receiver checks a delivery', async () => {
    const page = await mountPage();
    expect(page.get(byId('alert-webhook-none')).text()).toBe('尚未设置推送地址。');
    expect(page.find(byId('alert-webhook-ping')).exists()).toBe(false);
    await page.get(byId('alert-webhook-url-input')).setValue(' https://hooks.example.com/xn ');
    await page.get(byId('alert-webhook-form')).trigger('submit');
    await flushPromises();
    expect(asked('SetAlertWebhook')).toEqual([{ url: 'https://hooks.example.com/xn' }]);
    expect(page.get(byId('alert-webhook-url')).text()).toBe('https://hooks.example.com/xn');
    const secret = page.get(byId('alert-webhook-secret'));
    expect(secret.text()).toBe('whsec_1');
    expect(page.get(byId('alert-webhook-secret-new')).text()).toContain('新的签名密钥');
    expect(page.get(byId('alert-webhook-secret-copy')).text()).toBe('复制');
    expect(page.get(byId('alert-webhook-done')).text()).toBe('已保存，并生成了新的签名密钥');
    const verify = page.get(byId('alert-webhook-verify'));
    expect(verify.attributes('open')).toBeDefined();
    expect(verify.get(byId('alert-webhook-verify-signature')).text()).toBe(
      '每次推送都带请求头 x-xn-signature，格式为 t=<t>,v1=<v1>：t 是发送时间（Unix 秒），v1 是用上面的密钥对 "<t>.<body>"（t、英文句点、原始请求体）计算的 HMAC-SHA256，十六进制。',
    );
    expect(verify.get(byId('alert-webhook-verify-repeat')).text()).toBe('同一条推送可能送达不止一次，请按请求头 x-xn-delivery 去掉重复的。');
  });

  it('copies the secret', async () => {
    const copied: string[] = [];
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void copied.push(text) } });
    hook = { url: 'https://hooks.example.com/xn', secret: 'whsec_kept', createdAt: '2026-11-29T02:00:00Z' };
    const page = await mountPage();
    await page.get(byId('alert-webhook-secret-copy')).trigger('click');
    await flushPromises();
    expect(copied).toEqual(['whsec_kept']);
    expect(page.get(byId('alert-webhook-secret-copy')).text()).toBe('已复制');
  });

  it('keeps a saved secret hidden until asked, and makes a new one when the address is saved again', async () => {
    hook = { url: 'https://hooks.example.com/xn', secret: 'whsec_kept', createdAt: '2026-11-29T02:00:00Z' };
    const page = await mountPage();
    expect(page.get(byId('alert-webhook-secret')).text()).not.toContain('whsec_kept');
    expect(page.find(byId('alert-webhook-secret-new')).exists()).toBe(false);
    expect((page.get(byId('alert-webhook-url-input')).element as HTMLInputElement).value).toBe('https://hooks.example.com/xn');
    await page.get(byId('alert-webhook-secret-toggle')).trigger('click');
    expect(page.get(byId('alert-webhook-secret')).text()).toBe('whsec_kept');

    await page.get(byId('alert-webhook-url-input')).setValue('https://hooks.example.com/other');
    await page.get(byId('alert-webhook-form')).trigger('submit');
    await flushPromises();
    expect(page.get(byId('alert-webhook-secret')).text()).toBe('whsec_1');
    expect(page.get(byId('alert-webhook-url')).text()).toBe('https://hooks.example.com/other');
  });

  it('says what is wrong with a refused address, in Chinese and in English', async () => {
    for (const [locale, url, text] of [
      ['zh-CN', 'http://hooks.example.com', '请填写以 https:// 开头的完整地址（不含用户名和密码，最多 500 个字符）'],
      ['zh-CN', 'https://192.168.1.5/hook', '这个地址指向内网或本机，不能使用'],
      ['en', 'https://192.168.1.5/hook', 'This address points into a private network or this machine and cannot be used'],
      ['zh-CN', '   ', '请填写推送地址'],
    ] as const) {
      const page = await mountPage(locale);
      await page.get(byId('alert-webhook-url-input')).setValue(url);
      await page.get(byId('alert-webhook-form')).trigger('submit');
      await flushPromises();
      expect(page.get(byId('alert-webhook-url-note')).text()).toBe(text);
      expect(page.get(byId('alert-webhook-url-input')).attributes('aria-invalid')).toBe('true');
      expect(page.find(byId('alert-webhook-current')).exists()).toBe(false);
    }
    // the empty address was never sent
    expect(asked('SetAlertWebhook').map((v) => v.url)).toEqual(['http://hooks.example.com', 'https://192.168.1.5/hook', 'https://192.168.1.5/hook']);
  });

  it('sends a test delivery that joins the top of the log, and a refresh shows how it went', async () => {
    hook = { url: 'https://hooks.example.com/xn', secret: 'whsec_kept', createdAt: '2026-11-29T02:00:00Z' };
    log = [delivery('d1', { status: 'FAILED', attempts: 8, responseStatus: 500, error: 'HTTP 500' }), delivery('d0', { status: 'FAILED', attempts: 8, responseStatus: null, error: 'fetch failed' })];
    const page = await mountPage();
    const entries = () => page.findAll(byId('alert-webhook-delivery'));
    expect(entries().map((e) => [e.get(byId('alert-webhook-delivery-status')).text(), e.get(byId('alert-webhook-delivery-event')).text()])).toEqual([
      ['失败', '价格提醒'],
      ['失败', '价格提醒'],
    ]);
    // the status once, and what went wrong when the receiver did not answer at all
    expect(entries().map((e) => e.findAll(`${byId('alert-webhook-delivery-detail')} span`).map((s) => s.text()))).toEqual([
      ['已尝试 8 次', 'HTTP 500'],
      ['已尝试 8 次', 'fetch failed'],
    ]);

    await page.get(byId('alert-webhook-ping')).trigger('click');
    await flushPromises();
    expect(page.get(byId('alert-webhook-done')).text()).toBe('测试推送已排队，结果见下方推送记录');
    expect(entries().map((e) => [e.attributes('data-status'), e.get(byId('alert-webhook-delivery-event')).text()])).toEqual([
      ['PENDING', '测试推送'],
      ['FAILED', '价格提醒'],
      ['FAILED', '价格提醒'],
    ]);
    expect(entries()[0]!.get(byId('alert-webhook-delivery-status')).text()).toBe('待发送');

    log = [delivery('p2', { event: 'ping', status: 'DELIVERED', attempts: 1, responseStatus: 204 }), ...log.slice(1)];
    await page.get(byId('alert-webhook-refresh')).trigger('click');
    await flushPromises();
    expect(asked('AlertWebhookDeliveries')).toEqual([{ first: 20 }]);
    expect(entries().map((e) => e.get(byId('alert-webhook-delivery-status')).text())).toEqual(['已送达', '失败', '失败']);
    expect(entries()[0]!.findAll(`${byId('alert-webhook-delivery-detail')} span`).map((s) => s.text())).toEqual(['已尝试 1 次', 'HTTP 204']);
  });

  it('a test with no address set (removed in another tab) says so and shows none', async () => {
    hook = { url: 'https://hooks.example.com/xn', secret: 'whsec_kept', createdAt: '2026-11-29T02:00:00Z' };
    const page = await mountPage('en');
    hook = null;
    await page.get(byId('alert-webhook-ping')).trigger('click');
    await flushPromises();
    expect(page.get(byId('alert-webhook-error')).text()).toBe('No webhook address is set yet; save one first');
    expect(page.get(byId('alert-webhook-none')).text()).toBe('No webhook address yet.');
  });

  it('removes the address only once confirmed', async () => {
    hook = { url: 'https://hooks.example.com/xn', secret: 'whsec_kept', createdAt: '2026-11-29T02:00:00Z' };
    const page = await mountPage();
    await page.get(byId('alert-webhook-remove')).trigger('click');
    await page.get(byId('alert-webhook-remove-cancel')).trigger('click');
    expect(asked('RemoveAlertWebhook')).toEqual([]);
    expect(page.find(byId('alert-webhook-current')).exists()).toBe(true);

    await page.get(byId('alert-webhook-remove')).trigger('click');
    await page.get(byId('alert-webhook-remove-confirm')).trigger('click');
    await flushPromises();
    expect(asked('RemoveAlertWebhook')).toEqual([{}]);
    expect(page.get(byId('alert-webhook-done')).text()).toBe('已删除推送地址');
    expect(page.find(byId('alert-webhook-current')).exists()).toBe(false);
    expect(page.find(byId('alert-webhook-ping')).exists()).toBe(false);
    expect((page.get(byId('alert-webhook-url-input')).element as HTMLInputElement).value).toBe('');
  });

  it('says when the webhook could not be loaded, and loads it again on retry', async () => {
    const base = gql.getMockImplementation()!;
    let fail = true;
    gql.mockImplementation((document: { toString(): string }, variables?: Record<string, unknown>) =>
      operationName(document) === 'AlertWebhook' && fail ? Promise.reject(new Error('offline')) : base(document, variables),
    );
    const page = await mountPage();
    expect(page.get(byId('alert-webhook-load-error')).text()).toContain('加载失败');
    fail = false;
    await page.get(`${byId('alert-webhook-load-error')} button`).trigger('click');
    await flushPromises();
    expect(page.get(byId('alert-webhook-none')).text()).toBe('尚未设置推送地址。');
    expect(page.get(byId('alert-webhook-log-empty')).text()).toBe('暂无推送记录');
  });
});
