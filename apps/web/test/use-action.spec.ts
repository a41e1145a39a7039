import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { useAction } from '../src/composables/useAction';
import { ApiError } from '../src/graphql/client';
import { i18nPlugin } from './helpers';

/** useAction reads the UI language through vue-i18n, so it runs inside a component's setup. */
function setUp() {
  let action!: ReturnType<typeof useAction>;
  const Host = defineComponent({
    setup() {
      action = useAction();
      return () => null;
    },
  });
  mount(Host, { global: { plugins: [i18nPlugin()] } });
  return action;
}

/** A promise the test settles by hand, so `busy` can be looked at while the work is still running. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const taken = new ApiError({ code: 'member/exists', messageZh: '该用户已是成员', messageEn: 'Already a member' });

describe('useAction', () => {
  it('is busy only while the work runs and resolves to true when it succeeds', async () => {
    const { busy, error, run } = setUp();
    expect(busy.value).toBe(false);
    const work = deferred();
    const result = run(() => work.promise);
    expect(busy.value).toBe(true);
    work.resolve();
    await expect(result).resolves.toBe(true);
    expect(busy.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('keeps the API message in the UI language when the work fails, and does not throw', async () => {
    const { busy, error, run } = setUp();
    const work = deferred();
    const result = run(() => work.promise);
    expect(busy.value).toBe(true);
    work.reject(taken);
    await expect(result).resolves.toBe(false);
    expect(busy.value).toBe(false);
    expect(error.value).toBe('该用户已是成员');
  });

  it('shows a generic message for errors that are not from the API', async () => {
    const { error, run } = setUp();
    await expect(run(() => Promise.reject(new TypeError('Failed to fetch')))).resolves.toBe(false);
    expect(error.value).toBe('出错了，请稍后再试');
  });

  it('clears the previous error as soon as the next run starts', async () => {
    const { error, run } = setUp();
    await run(() => Promise.reject(taken));
    expect(error.value).toBe('该用户已是成员');
    const work = deferred();
    const result = run(() => work.promise);
    expect(error.value).toBeNull();
    work.resolve();
    await expect(result).resolves.toBe(true);
    expect(error.value).toBeNull();
  });

  it('lets a check made before running put its own message in error, until the next run', async () => {
    const { error, run } = setUp();
    error.value = '手机号格式不正确';
    await run(async () => {});
    expect(error.value).toBeNull();
  });
});
