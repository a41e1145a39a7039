import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import TradeFlowUpload from '../src/components/admin/TradeFlowUpload.vue';
import { saveTokens } from '../src/graphql';
import type { Locale } from '../src/i18n';
import PriceImportPage from '../src/pages/PriceImportPage.vue';
import { useSessionStore } from '../src/stores/session';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

interface Sent {
  url: string;
  method: string;
  authorization: string | null;
  file: File | null;
}
const sent: Sent[] = [];
let answer: { status: number; body: unknown };

beforeEach(() => {
  sent.length = 0;
  answer = { status: 201, body: { rowsRead: 24, rowsWritten: 48 } };
  saveTokens({ accessToken: 'ADMIN-TOKEN', refreshToken: 'R1' });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const form = init.body as FormData;
    sent.push({ url, method: String(init.method), authorization: new Headers(init.headers).get('authorization'), file: form.get('file') as File | null });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  gql.mockReset();
  gql.mockImplementation(async (document: { toString(): string }) => {
    const name = operationName(document);
    if (name === 'PriceImports') return { priceImports: [] };
    if (name === 'ImportMappings') return { importMappings: [] };
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  saveTokens(null);
});

function mountForm(locale: Locale = 'zh-CN') {
  return mount(TradeFlowUpload, { global: { plugins: [i18nPlugin(locale)] } });
}

async function choose(form: ReturnType<typeof mountForm>, file: File): Promise<void> {
  const input = form.get('[data-testid="flow-file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}

const csv = (text: string, name = '进出口-2026.csv') => new File([text], name, { type: 'text/csv' });

describe('uploading import/export figures', () => {
  it('posts the file as multipart field file to the figures endpoint with the admin’s token and the source, and says what was written', async () => {
    const form = mountForm();
    await choose(form, csv('品名,月份,出口数量（吨）,出口金额（万元）\n安化黑茶,2026-10,420,2604\n'));
    await form.get('[data-testid="flow-source"]').setValue(' 长沙海关 ');
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`/api/market/trade-flows?source=${encodeURIComponent('长沙海关')}`);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.authorization).toBe('Bearer ADMIN-TOKEN');
    expect(sent[0]!.file?.name).toBe('进出口-2026.csv');
    expect(await sent[0]!.file?.text()).toContain('安化黑茶,2026-10,420,2604');
    const done = form.get('[data-testid="flow-done"]');
    expect(done.text()).toBe('已导入：读取 24 行，新增或更新 48 条月度数据');
    expect(form.find('[data-testid="flow-error"]').exists()).toBe(false);
  });

  it('leaves the source out when none is given, and says when nothing changed', async () => {
    answer = { status: 201, body: { rowsRead: 24, rowsWritten: 0 } };
    const form = mountForm();
    await choose(form, csv('x'));
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(sent.map((s) => s.url)).toEqual(['/api/market/trade-flows']);
    expect(form.get('[data-testid="flow-done"]').text()).toBe('已导入：读取 24 行，与已有数据相同，没有变化');
  });

  it('lists a refused file’s rows by line with their reasons, in the UI language', async () => {
    answer = {
      status: 400,
      body: {
        code: 'market/flows-invalid',
        messageZh: '进出口数据有误，未导入任何数据：请按各行提示修改后重新上传',
        messageEn: 'Some import/export rows are wrong and nothing was imported: correct the rows shown and upload again',
        details: {
          errorCount: 250,
          errors: [
            { line: 3, problems: ['commodity-unknown'], messagesZh: ['未知的品名'], messagesEn: ['Unknown commodity'] },
            { line: 7, problems: ['month-invalid', 'foreign-currency'], messagesZh: ['月份无法识别', '金额须以人民币计'], messagesEn: ['Unreadable month', 'Values must be in renminbi'] },
          ],
        },
      },
    };
    for (const [locale, message, reasons, some] of [
      ['zh-CN', '进出口数据有误，未导入任何数据：请按各行提示修改后重新上传', ['未知的品名', '月份无法识别；金额须以人民币计'], '共 250 行有错误，下面列出前 2 行。'],
      ['en', 'Some import/export rows are wrong and nothing was imported: correct the rows shown and upload again', ['Unknown commodity', 'Unreadable month；Values must be in renminbi'], '250 rows have problems; the first 2 are listed below.'],
    ] as const) {
      const form = mountForm(locale);
      await choose(form, csv('bad'));
      await form.get('form').trigger('submit');
      await flushPromises();
      expect(form.get('[data-testid="flow-error"]').text()).toBe(message);
      const rows = form.findAll('[data-testid="flow-error-row"]');
      expect(rows.map((r) => r.get('[data-testid="flow-error-line"]').text())).toEqual(['3', '7']);
      expect(rows.map((r) => r.get('[data-testid="flow-error-reasons"]').text())).toEqual(reasons);
      expect(form.get('[data-testid="flow-errors-some"]').text()).toBe(some);
      expect(form.find('[data-testid="flow-done"]').exists()).toBe(false);
    }
  });

  it('says when a file has too many rows, and shows other refusals as the API words them', async () => {
    answer = { status: 400, body: { code: 'market/flows-invalid', messageZh: '进出口数据有误', messageEn: 'wrong', details: { tooManyRows: 50000 } } };
    const form = mountForm();
    await choose(form, csv('big'));
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(form.get('[data-testid="flow-too-many"]').text()).toBe('文件最多 50,000 行，请拆分后再上传');
    expect(form.find('[data-testid="flow-error-row"]').exists()).toBe(false);

    answer = { status: 400, body: { code: 'market/file-unreadable', messageZh: '无法读取文件：请上传 CSV 或 XLSX', messageEn: 'Cannot read the file' } };
    await choose(form, csv('?'));
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(form.get('[data-testid="flow-error"]').text()).toBe('无法读取文件：请上传 CSV 或 XLSX');
    expect(form.find('[data-testid="flow-too-many"]').exists()).toBe(false);
    expect(form.find('[data-testid="flow-errors"]').exists()).toBe(false);
  });

  it('asks for a file, and refuses one over 5 MB without sending it', async () => {
    const form = mountForm();
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(form.get('[data-testid="flow-error"]').text()).toBe('请选择要上传的文件');
    await choose(form, csv('x'.repeat(5 * 1024 * 1024 + 1), 'huge.csv'));
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(form.get('[data-testid="flow-error"]').text()).toBe('文件超过 5 MB，请拆分后再上传');
    expect(sent).toEqual([]);
  });

  it('explains the accepted layout', () => {
    const text = mountForm().get('[data-testid="flow-layout"]').text();
    for (const part of ['品名、月份、进出口', '出口数量、出口金额、进口数量、进口金额', '数量（吨）、金额（万元）', '人民币']) expect(text).toContain(part);
  });
});

describe('the price import page', () => {
  async function mountPage(isPlatformAdmin: boolean) {
    const pinia = createPinia();
    setActivePinia(pinia);
    const session = useSessionStore();
    session.viewer = { id: 'u1', phone: '13800000000', displayName: '平台管理员', isPlatformAdmin, memberships: [] };
    session.loaded = true;
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/admin/imports', component: PriceImportPage }, { path: '/:rest(.*)*', component: { render: () => null } }] });
    await router.push('/admin/imports');
    const page = mount(RouterView, { global: { plugins: [pinia, i18nPlugin(), router] } });
    await flushPromises();
    return page;
  }

  it('offers admins the figures form beside the price upload, and others neither', async () => {
    const admin = await mountPage(true);
    expect(admin.find('[data-testid="import-upload"]').exists()).toBe(true);
    expect(admin.get('[data-testid="flow-upload"] h2').text()).toBe('导入进出口数据');
    const visitor = await mountPage(false);
    expect(visitor.find('[data-testid="admin-forbidden"]').exists()).toBe(true);
    expect(visitor.find('[data-testid="flow-upload"]').exists()).toBe(false);
  });
});
