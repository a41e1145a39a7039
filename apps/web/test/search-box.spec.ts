import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import SearchBox from '../src/components/SearchBox.vue';
import { useSuggestions, type Suggestion, type SuggestionSource } from '../src/composables/useSuggestions';
import { i18nPlugin } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

interface Call {
  q: string;
  signal: AbortSignal;
  resolve: (found: Suggestion[]) => void;
  reject: (error: unknown) => void;
}

/** A suggestion source whose answers the test gives by hand, in whatever order it likes. */
function handSource() {
  const calls: Call[] = [];
  const source: SuggestionSource = (q, signal) =>
    new Promise<Suggestion[]>((resolve, reject) => {
      calls.push({ q, signal, resolve, reject });
    });
  return { calls, source };
}

const words = (...texts: string[]): Suggestion[] => texts.map((text, i) => ({ text, count: 10 - i }));

beforeEach(() => {
  vi.useFakeTimers();
  gql.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useSuggestions', () => {
  function setUp() {
    const hand = handSource();
    const scope = effectScope();
    const suggestions = scope.run(() => useSuggestions(hand.source, { delayMs: 150 }))!;
    return { ...hand, suggestions, scope };
  }

  it('asks once typing pauses, not for every key', async () => {
    const { calls, suggestions } = setUp();
    suggestions.update('a');
    vi.advanceTimersByTime(100);
    suggestions.update('an');
    vi.advanceTimersByTime(100);
    suggestions.update('anh');
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(150);
    expect(calls.map((c) => c.q)).toEqual(['anh']);
    calls[0]!.resolve(words('安化', '安化黑茶'));
    await flushPromises();
    expect(suggestions.items.value.map((s) => s.text)).toEqual(['安化', '安化黑茶']);
  });

  it('aborts an answer overtaken by more typing and never shows it, even when it comes last', async () => {
    const { calls, suggestions } = setUp();
    suggestions.update('安');
    vi.advanceTimersByTime(150);
    suggestions.update('安化');
    vi.advanceTimersByTime(150);
    expect(calls.map((c) => c.q)).toEqual(['安', '安化']);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);

    calls[1]!.resolve(words('安化黑茶'));
    await flushPromises();
    calls[0]!.resolve(words('安仁', '安乡'));
    await flushPromises();
    expect(suggestions.items.value.map((s) => s.text)).toEqual(['安化黑茶']);
  });

  it('shows nothing for empty words or a failed request, and nothing after clear', async () => {
    const { calls, suggestions, scope } = setUp();
    suggestions.update('   ');
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(0);

    suggestions.update('茶');
    vi.advanceTimersByTime(150);
    calls[0]!.reject(new Error('offline'));
    await flushPromises();
    expect(suggestions.items.value).toEqual([]);

    suggestions.update('茶油');
    vi.advanceTimersByTime(150);
    suggestions.clear();
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve(words('茶油'));
    await flushPromises();
    expect(suggestions.items.value).toEqual([]);
    scope.stop();
  });
});

describe('SearchBox', () => {
  async function mountBox() {
    const hand = handSource();
    // the API, answered by hand: what the box asks, with the signal that aborts it
    gql.mockImplementation((_document: unknown, variables: { q: string }, options: { anonymous?: boolean; signal: AbortSignal }) => {
      expect(options.anonymous).toBe(true);
      return hand.source(variables.q, options.signal).then((found) => ({ searchSuggestions: found }));
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/search', name: 'search', component: { template: '<div />' } },
        { path: '/:rest(.*)*', component: { template: '<div />' } },
      ],
    });
    await router.push('/');
    const wrapper = mount(SearchBox, { global: { plugins: [i18nPlugin(), router] }, attachTo: document.body });
    const input = wrapper.get('input');
    /** Types `text`, lets the pause pass and answers with `found`. */
    async function type(text: string, found: Suggestion[]) {
      await input.trigger('focus');
      await input.setValue(text);
      vi.advanceTimersByTime(150);
      hand.calls.at(-1)!.resolve(found);
      await flushPromises();
    }
    const key = (name: string) => input.trigger('keydown', { key: name });
    return { wrapper, input, router, type, key, calls: hand.calls };
  }

  it('is a combobox that offers the suggestions as a listbox', async () => {
    const { wrapper, input, type } = await mountBox();
    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('aria-expanded')).toBe('false');
    await type('ahhc', words('安化黑茶', '安化'));
    const list = wrapper.get('[role="listbox"]');
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(input.attributes('aria-controls')).toBe(list.attributes('id'));
    expect(wrapper.findAll('[role="option"]').map((o) => o.text())).toEqual(['安化黑茶10 件', '安化9 件']);
    wrapper.unmount();
  });

  it('moves through the suggestions with the arrow keys, wrapping round, and Enter searches for the one chosen', async () => {
    const { wrapper, input, type, key, router } = await mountBox();
    await type('an', words('安化', '安化黑茶', '安乡'));
    const options = () => wrapper.findAll('[role="option"]');
    const selected = () => options().findIndex((o) => o.attributes('aria-selected') === 'true');

    await key('ArrowDown');
    expect(selected()).toBe(0);
    expect(input.attributes('aria-activedescendant')).toBe(options()[0]!.attributes('id'));
    await key('ArrowDown');
    await key('ArrowDown');
    expect(selected()).toBe(2);
    await key('ArrowDown');
    expect(selected()).toBe(0);
    await key('ArrowUp');
    expect(selected()).toBe(2);
    await key('ArrowUp');
    expect(selected()).toBe(1);

    await key('Enter');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe(`/search?q=${encodeURIComponent('安化黑茶')}`);
    expect((input.element as HTMLInputElement).value).toBe('安化黑茶');
    expect(input.attributes('aria-expanded')).toBe('false');
    wrapper.unmount();
  });

  it('Enter without a chosen suggestion searches for the words typed', async () => {
    const { wrapper, type, router } = await mountBox();
    await type('冰糖澄', words('冰糖橙'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: '冰糖澄' });
    wrapper.unmount();
  });

  it('Escape closes the list and keeps the words; typing opens it again', async () => {
    const { wrapper, input, type, key, calls } = await mountBox();
    await type('土猪', words('土猪', '土猪肉'));
    await key('ArrowDown');
    await key('Escape');
    expect(input.attributes('aria-expanded')).toBe('false');
    expect(input.attributes('aria-activedescendant')).toBeUndefined();
    expect((input.element as HTMLInputElement).value).toBe('土猪');

    await input.setValue('土猪肉');
    vi.advanceTimersByTime(150);
    calls.at(-1)!.resolve(words('土猪肉'));
    await flushPromises();
    expect(input.attributes('aria-expanded')).toBe('true');
    wrapper.unmount();
  });

  it('a tap on a suggestion searches for it', async () => {
    const { wrapper, type, router } = await mountBox();
    await type('hc', words('黑茶', '红茶'));
    await wrapper.findAll('[role="option"]')[1]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: '红茶' });
    wrapper.unmount();
  });

  it('aborts and ignores an answer for words typed before, once newer words were typed', async () => {
    const { wrapper, input, calls } = await mountBox();
    await input.trigger('focus');
    await input.setValue('黑');
    vi.advanceTimersByTime(150);
    await input.setValue('黑茶');
    vi.advanceTimersByTime(150);
    expect(calls.map((c) => [c.q, c.signal.aborted])).toEqual([
      ['黑', true],
      ['黑茶', false],
    ]);
    calls[1]!.resolve(words('黑茶'));
    await flushPromises();
    calls[0]!.resolve(words('黑猪', '黑米'));
    await flushPromises();
    expect(wrapper.findAll('[role="option"]').map((o) => o.find('.suggestion-text').text())).toEqual(['黑茶']);
    wrapper.unmount();
  });

  it('shows the words searched on the search page', async () => {
    const { wrapper, input, router } = await mountBox();
    await router.push('/search?q=%E5%AE%89%E5%8C%96&county=430923');
    await flushPromises();
    expect((input.element as HTMLInputElement).value).toBe('安化');
    wrapper.unmount();
  });
});
