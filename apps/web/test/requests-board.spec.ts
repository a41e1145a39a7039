import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import RequestsPage from '../src/pages/RequestsPage.vue';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const boards: Record<string, unknown>[] = [];

function serve() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    if (name === 'PurchaseRequests') {
      boards.push(variables);
      return { purchaseRequests: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
    }
    if (name === 'Channels') return { channels: [{ code: 'tea', nameZh: '茶网', nameEn: 'Tea', descriptionZh: '', descriptionEn: '', sortOrder: 1, attributeSchema: { fields: [] }, categories: [] }, { code: 'hog', nameZh: '猪网', nameEn: 'Hogs', descriptionZh: '', descriptionEn: '', sortOrder: 2, attributeSchema: { fields: [] }, categories: [] }] };
    if (name === 'Reference') return { units: [], certifications: [] };
    if (name === 'Counties') {
      return {
        counties: [
          { code: '430923', name: '安化县', prefectureCode: '430900', prefectureName: '益阳市', isPovertyCounty: true },
          { code: '431224', name: '溆浦县', prefectureCode: '431200', prefectureName: '怀化市', isPovertyCounty: true },
        ],
      };
    }
    if (name === 'AlertCommodities') return { commodities: [{ code: 'anhua-dark-tea', nameZh: '安化黑茶', nameEn: 'Anhua dark tea', channelCode: 'tea' }, { code: 'live-hog', nameZh: '生猪', nameEn: 'Live hog', channelCode: 'hog' }] };
    if (name === 'Viewer') return { viewer: null };
    throw new Error(`unexpected operation ${name}`);
  });
}

async function mountBoard(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/requests', component: { template: '<div />' } }, { path: '/:rest(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  const wrapper = mount(RequestsPage, { global: { plugins: [i18nPlugin(), createPinia(), router], stubs: { RouterLink: { props: ['to'], template: '<a><slot /></a>' }, RequestCard: true } } });
  await flushPromises();
  return { wrapper, router };
}

describe('the 供求 board', () => {
  afterEach(() => {
    boards.length = 0;
    gql.mockReset();
  });

  it('asks for what the address says, so a filtered board can be shared', async () => {
    serve();
    await mountBoard('/requests?channel=tea&q=黑茶&commodity=anhua-dark-tea&prefecture=430900');
    expect(boards.at(-1)).toMatchObject({ channel: 'tea', q: '黑茶', commodity: 'anhua-dark-tea', prefectureCode: '430900' });
  });

  it('puts each choice in the address and asks again; a commodity of another channel goes with the channel', async () => {
    serve();
    const { wrapper, router } = await mountBoard('/requests?channel=tea&commodity=anhua-dark-tea');
    // only the channel's commodities are offered
    expect(wrapper.findAll('[data-testid="requests-commodity"] option').map((o) => o.text())).toEqual(['全部品种', '安化黑茶']);
    await wrapper.find('[data-testid="requests-q"]').setValue('  千两茶 ');
    await wrapper.find('form.search').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ channel: 'tea', commodity: 'anhua-dark-tea', q: '千两茶' });
    expect(boards.at(-1)).toMatchObject({ q: '千两茶', commodity: 'anhua-dark-tea' });
    await wrapper.find('[data-testid="requests-prefecture"]').setValue('431200');
    await flushPromises();
    expect(boards.at(-1)).toMatchObject({ prefectureCode: '431200' });
    expect(wrapper.findAll('[data-testid="requests-prefecture"] option').map((o) => o.text())).toEqual(['不限', '益阳市', '怀化市']);
    await wrapper.find('[data-testid="requests-channel"]').setValue('hog');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ channel: 'hog', q: '千两茶', prefecture: '431200' });
    expect(boards.at(-1)).toMatchObject({ channel: 'hog', commodity: null });
  });
});
