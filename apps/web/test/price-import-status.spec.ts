import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PriceImportStatus from '../src/components/admin/PriceImportStatus.vue';
import { ApiError } from '../src/graphql/client';
import type { PriceImportFieldsFragment } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

function run(status: string, figures: Partial<PriceImportFieldsFragment> = {}): PriceImportFieldsFragment {
  return {
    id: 'i1',
    fileName: '生猪报价.csv',
    mappingName: null,
    status,
    rowsRead: 0,
    rowsChecked: 0,
    rowsWritten: 0,
    errorCount: 0,
    message: null,
    createdAt: '2026-11-30T08:00:00Z',
    finishedAt: null,
    isDemo: false,
    ...figures,
  };
}

/** What the API says on each ask for the import's progress, the last one repeated. */
let progress: (PriceImportFieldsFragment | Error)[];
const asked: string[] = [];

function serve() {
  gql.mockImplementation(async (document: { toString(): string }) => {
    const name = operationName(document);
    asked.push(name);
    if (name === 'PriceImportProgress') {
      const next = progress.length > 1 ? progress.shift()! : progress[0]!;
      if (next instanceof Error) throw next;
      return { priceImport: next };
    }
    if (name === 'PriceImportOutcome') {
      return {
        priceImport: {
          ...run('FAILED', { rowsRead: 41, rowsChecked: 40, errorCount: 1 }),
          errors: [{ line: 2, problems: ['low-above-high'], messagesZh: ['最低价高于最高价'], messagesEn: ['The low price is above the high price'] }],
        },
      };
    }
    if (name === 'PriceImportErrorsCsv') return { priceImport: { id: 'i1', errorsCsv: '\uFEFF行号 line,问题 problems,原因,reason\n2,"low-above-high","最低价高于最高价","The low price is above the high price"\n' } };
    throw new Error(`unexpected ${name}`);
  });
}

const mountStatus = (locale: 'zh-CN' | 'en' = 'zh-CN') => mount(PriceImportStatus, { props: { id: 'i1' }, global: { plugins: [i18nPlugin(locale)] } });
const figure = (wrapper: ReturnType<typeof mountStatus>, key: string) => wrapper.get(`[data-testid="import-${key}"]`).attributes('data-value');
const polls = () => asked.filter((n) => n === 'PriceImportProgress').length;

describe('an import followed live', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    asked.length = 0;
    gql.mockReset();
    serve();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows its figures about once a second while it runs, and stops asking once it is done', async () => {
    progress = [
      run('QUEUED'),
      run('CHECKING', { rowsRead: 5000, rowsChecked: 5000 }),
      run('WRITING', { rowsRead: 40_000, rowsChecked: 40_000, rowsWritten: 10_000 }),
      run('DONE', { rowsRead: 40_000, rowsChecked: 40_000, rowsWritten: 39_000, message: null }),
    ];
    const wrapper = mountStatus();
    await flushPromises();
    expect(wrapper.get('[data-testid="import-status"]').attributes('data-status')).toBe('QUEUED');
    expect(wrapper.get('[data-testid="import-status-label"]').text()).toBe('排队中');
    expect(wrapper.get('[data-testid="import-progress"]').attributes('value')).toBeUndefined();

    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.get('[data-testid="import-status-label"]').text()).toBe('检查中');
    expect(figure(wrapper, 'rowsRead')).toBe('5000');
    expect(wrapper.get('[data-testid="import-rowsRead"]').text()).toBe('5000 行');

    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.get('[data-testid="import-status-label"]').text()).toBe('写入中');
    expect(wrapper.get('[data-testid="import-progress"]').element).toMatchObject({ value: 10_000, max: 40_000 });

    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.get('[data-testid="import-status"]').attributes('data-status')).toBe('DONE');
    expect(figure(wrapper, 'rowsWritten')).toBe('39000');
    // quotes recorded before are not written twice, and the page says so
    expect(wrapper.get('[data-testid="import-already-known"]').text()).toBe('其中 1000 行此前已有记录，未重复写入');
    expect(wrapper.emitted('finished')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(5000);
    expect(polls()).toBe(4);
    wrapper.unmount();
  });

  it('lists a refused file’s rows by line with the reasons in the UI language, and downloads all of them as CSV', async () => {
    progress = [run('FAILED', { rowsRead: 41, rowsChecked: 40, errorCount: 1, message: '1 行有错误，整个文件未导入 / 1 rows were refused; nothing was imported' })];
    const created: Blob[] = [];
    const clicked: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:errors'), revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const wrapper = mountStatus();
    await flushPromises();
    expect(wrapper.get('[data-testid="import-message"]').text()).toBe('1 行有错误，整个文件未导入');
    const row = wrapper.get('[data-testid="import-error-row"]');
    expect(row.get('[data-testid="import-error-line"]').text()).toBe('2');
    expect(row.get('[data-testid="import-error-reasons"]').text()).toBe('最低价高于最高价');

    await wrapper.get('[data-testid="import-errors-download"]').trigger('click');
    await flushPromises();
    expect(clicked).toEqual(['生猪报价-错误.csv']);
    expect(await created[0]!.text()).toContain('2,"low-above-high"');
    click.mockRestore();
    vi.unstubAllGlobals();
    wrapper.unmount();
  });

  it('shows the English half of the API’s message and the English reasons in English', async () => {
    progress = [run('FAILED', { rowsRead: 41, rowsChecked: 40, errorCount: 1, message: '1 行有错误，整个文件未导入 / 1 rows were refused; nothing was imported' })];
    const wrapper = mountStatus('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-status-label"]').text()).toBe('Not imported');
    expect(wrapper.get('[data-testid="import-message"]').text()).toBe('1 rows were refused; nothing was imported');
    expect(wrapper.get('[data-testid="import-error-reasons"]').text()).toBe('The low price is above the high price');
    wrapper.unmount();
  });

  it('keeps asking through a failed ask, saying so, and waits while the tab is hidden', async () => {
    progress = [new ApiError({ code: 'network/unreachable', messageZh: '网络连接失败，请稍后再试', messageEn: 'Could not reach the server' }), run('CHECKING', { rowsRead: 10 })];
    const wrapper = mountStatus();
    await flushPromises();
    expect(wrapper.text()).toContain('暂时无法获取进度，正在重试：网络连接失败');

    await vi.advanceTimersByTimeAsync(1000);
    expect(figure(wrapper, 'rowsRead')).toBe('10');
    expect(wrapper.text()).not.toContain('暂时无法获取进度');

    const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await vi.advanceTimersByTimeAsync(1000);
    const whileHidden = polls();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls()).toBe(whileHidden);
    state.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(polls()).toBe(whileHidden + 1);
    state.mockRestore();
    wrapper.unmount();
  });
});
