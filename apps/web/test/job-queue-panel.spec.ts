import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import JobQueuePanel from '../src/components/admin/JobQueuePanel.vue';
import { ApiError } from '../src/graphql/client';
import type { FailedJobFieldsFragment, JobQueueQuery } from '../src/graphql/generated/graphql';
import { formatLag } from '../src/lib/durations';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

function job(id: string): FailedJobFieldsFragment {
  return {
    id,
    handler: 'notify-organisation-decision',
    error: `relation "notification" does not exist (${id})`,
    attempts: 8,
    failedAt: '2026-03-01T08:00:00Z',
    event: { id: `e${id}`, type: 'organisation.verified', aggregate: 'organisation', aggregateId: 'o-1', createdAt: '2026-03-01T05:30:00Z' },
  };
}

let figures: JobQueueQuery['jobQueue'];
let failures: FailedJobFieldsFragment[];
let retryAnswer: (id: string) => boolean;
const sent: string[] = [];

function answer() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push(name);
    if (name === 'JobQueue') return { jobQueue: { ...figures } };
    if (name === 'FailedJobs') return { failedJobs: { nodes: failures, pageInfo: { hasNextPage: false, endCursor: null } } };
    if (name === 'RetryFailedJob') {
      const id = String(variables.id);
      if (!retryAnswer(id)) {
        throw new ApiError({ code: 'jobs/failure-not-found', messageZh: '该失败任务不存在或已重试', messageEn: 'This failed job does not exist or was retried already' });
      }
      failures = failures.filter((f) => f.id !== id);
      figures = { ...figures, failed: figures.failed - 1 };
      return { retryFailedJob: true };
    }
    throw new Error(`unexpected ${name}`);
  });
}

async function mountPanel() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(JobQueuePanel, { props: { refreshMs: 10_000 }, global: { plugins: [i18nPlugin(), router] } });
  await flushPromises();
  return wrapper;
}

describe('JobQueuePanel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    figures = { waiting: 3, running: 1, retrying: 2, failed: 2, outboxWaiting: 5, outboxLagSeconds: 75.4, queueLagSeconds: 2.2 };
    failures = [job('1'), job('2')];
    retryAnswer = () => true;
    sent.length = 0;
    gql.mockReset();
    answer();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows queue depth, outbox lag and the failed jobs with handler, event, error and attempts', async () => {
    const wrapper = await mountPanel();
    const value = (key: string) => wrapper.get(`[data-testid="queue-${key}"] [data-testid="queue-value"]`).text();
    expect(value('waiting')).toBe('3');
    expect(value('running')).toBe('1');
    expect(value('retrying')).toBe('2');
    expect(value('failed')).toBe('2');
    expect(value('outboxWaiting')).toBe('5');
    expect(value('outboxLag')).toBe('1 分 15 秒');
    expect(value('queueLag')).toBe('2 秒');
    // an outbox more than a minute behind is marked
    expect(wrapper.get('[data-testid="queue-outboxLag"]').classes()).toContain('alert');

    const rows = wrapper.findAll('[data-testid="failed-job"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.get('[data-testid="failed-job-handler"]').text()).toBe('notify-organisation-decision');
    expect(rows[0]!.get('[data-testid="failed-job-event"]').text()).toContain('organisation.verified');
    expect(rows[0]!.get('[data-testid="failed-job-event"]').text()).toContain('o-1');
    expect(rows[0]!.get('[data-testid="failed-job-error"]').text()).toContain('relation "notification" does not exist');
    expect(rows[0]!.get('[data-testid="failed-job-attempts"]').text()).toBe('8');
  });

  it('a scheduled run without an event says so', async () => {
    failures = [{ ...job('3'), handler: 'sweep-unattached-images', event: null }];
    const wrapper = await mountPanel();
    expect(wrapper.get('[data-testid="failed-job-event"]').text()).toBe('定时任务');
  });

  it('retry puts the job back on the queue: its row goes and the failed figure drops', async () => {
    const wrapper = await mountPanel();
    await wrapper.findAll('[data-testid="failed-job-retry"]')[0]!.trigger('click');
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="failed-job"]');
    expect(rows.map((r) => r.attributes('data-job-id'))).toEqual(['2']);
    expect(wrapper.get('[data-testid="queue-failed"] [data-testid="queue-value"]').text()).toBe('1');
    expect(sent.filter((n) => n === 'RetryFailedJob')).toHaveLength(1);
  });

  it('a job retried elsewhere shows the API’s message and loses its retry button', async () => {
    retryAnswer = () => false;
    const wrapper = await mountPanel();
    const row = () => wrapper.findAll('[data-testid="failed-job"]')[0]!;
    await row().get('[data-testid="failed-job-retry"]').trigger('click');
    await flushPromises();
    expect(row().get('[data-testid="failed-job-message"]').text()).toBe('该失败任务不存在或已重试');
    expect(row().find('[data-testid="failed-job-retry"]').exists()).toBe(false);
  });

  it('refreshes the figures every 10 seconds while visible, and the list when the failures changed', async () => {
    const wrapper = await mountPanel();
    sent.length = 0;
    figures = { ...figures, waiting: 9 };
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(sent).toEqual(['JobQueue']);
    expect(wrapper.get('[data-testid="queue-waiting"] [data-testid="queue-value"]').text()).toBe('9');

    sent.length = 0;
    failures = [job('1'), job('2'), job('4')];
    figures = { ...figures, failed: 3 };
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(sent).toEqual(['JobQueue', 'FailedJobs']);
    expect(wrapper.findAll('[data-testid="failed-job"]')).toHaveLength(3);

    // not while the tab is hidden
    sent.length = 0;
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toEqual([]);
    visibility.mockRestore();

    wrapper.unmount();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toEqual([]);
  });

  it('刷新 asks for the figures and the list at once', async () => {
    const wrapper = await mountPanel();
    sent.length = 0;
    await wrapper.get('[data-testid="queue-refresh"]').trigger('click');
    await flushPromises();
    expect(sent.sort()).toEqual(['FailedJobs', 'JobQueue']);
  });
});

describe('formatLag', () => {
  it('uses the largest units that fit', () => {
    expect(formatLag(0)).toEqual({ unit: 'seconds', n: 0 });
    expect(formatLag(-3)).toEqual({ unit: 'seconds', n: 0 });
    expect(formatLag(59.4)).toEqual({ unit: 'seconds', n: 59 });
    expect(formatLag(75.4)).toEqual({ unit: 'minutes', m: 1, s: 15 });
    expect(formatLag(3 * 3600 + 125)).toEqual({ unit: 'hours', h: 3, m: 2 });
  });
});
