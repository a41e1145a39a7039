import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import OrganisationForm from '../src/components/OrganisationForm.vue';
import OrganisationProfile from '../src/components/OrganisationProfile.vue';
import { ApiError } from '../src/graphql/client';
import type { OrganisationProfileFragment } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

const MAYANG = { code: '431226', name: '麻阳苗族自治县', prefectureCode: '4312', prefectureName: '怀化市', isPovertyCounty: true };
const USCC_TAKEN = new ApiError({ code: 'org/uscc-taken', messageZh: '该统一社会信用代码已登记', messageEn: 'This credit code is already registered' });
const OFFLINE = new ApiError({ code: 'internal/error', messageZh: '服务器出错了', messageEn: 'Server error' });

/** The API: the counties, and what the organisation mutation does. */
function answer(mutation: () => unknown) {
  gql.mockImplementation(async (document: { toString(): string }) => {
    const name = operationName(document);
    if (name === 'Counties') return { counties: [MAYANG] };
    if (name === 'CreateOrganisation' || name === 'UpdateOrganisation') return mutation();
    throw new Error(`unexpected ${name}`);
  });
}

function mountIn(component: Component, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  // attached, so that focus moves as in a browser
  return mount(component, { props, attachTo: document.body, global: { plugins: [createPinia(), router, i18nPlugin()] } });
}

const testid = (id: string) => `[data-testid="${id}"]`;

beforeEach(() => {
  gql.mockReset();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('creating an organisation', () => {
  /** The create form filled in correctly and sent, with the API answering as `mutation` says. */
  async function submitted(mutation: () => unknown) {
    answer(mutation);
    const wrapper = mountIn(OrganisationForm);
    await flushPromises();
    await wrapper.get(testid('org-name')).setValue('麻阳苗族自治县冰糖橙合作社');
    await wrapper.get(testid('org-uscc')).setValue('91431226MA4L1234XU');
    await wrapper.get(testid('org-county')).setValue('431226');
    await wrapper.get(testid('org-contact-phone')).setValue('139 0000 0012');
    await wrapper.get(testid('org-form')).trigger('submit');
    await flushPromises();
    return wrapper;
  }

  it('shows a refusal about one field beside it, in the API’s words, and brings that field into view', async () => {
    const wrapper = await submitted(() => {
      throw USCC_TAKEN;
    });

    expect(wrapper.get(testid('org-uscc-error')).text()).toBe('该统一社会信用代码已登记');
    expect(wrapper.get(testid('org-uscc')).attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get(testid('org-uscc')).element);
    expect(wrapper.find(testid('org-fix-errors')).exists()).toBe(true);
    expect(wrapper.find(testid('org-error')).exists()).toBe(false);

    // fixing the code takes its refusal away
    await wrapper.get(testid('org-uscc')).setValue('91431226MA4L1235XW');
    expect(wrapper.find(testid('org-uscc-error')).exists()).toBe(false);
  });

  it('puts a refusal that names no field in the form’s error line', async () => {
    const wrapper = await submitted(() => {
      throw OFFLINE;
    });

    expect(wrapper.get(testid('org-error')).text()).toBe('服务器出错了');
    expect(wrapper.find('[aria-invalid="true"]').exists()).toBe(false);
  });

  it('sends the cleaned form and says it was created', async () => {
    const created = { id: 'org-9', name: '麻阳苗族自治县冰糖橙合作社' };
    const wrapper = await submitted(() => ({ createOrganisation: created }));

    const [, variables] = gql.mock.calls.find(([document]) => operationName(document) === 'CreateOrganisation')!;
    expect(variables).toEqual({
      input: {
        name: '麻阳苗族自治县冰糖橙合作社',
        kind: 'COOPERATIVE',
        uscc: '91431226MA4L1234XU',
        countyCode: '431226',
        description: null,
        contactName: null,
        contactPhone: '13900000012',
      },
    });
    expect(wrapper.emitted('created')).toEqual([[created]]);
  });
});

describe('editing the profile', () => {
  const organisation: OrganisationProfileFragment = {
    id: 'org-1',
    name: '麻阳苗族自治县冰糖橙合作社',
    kind: 'COOPERATIVE',
    uscc: '91430923MA4L1234X0',
    verificationStatus: 'VERIFIED',
    rejectionReason: null,
    description: null,
    contact: { name: '滕小果', phone: '13712345678' },
    verifiedAt: '2026-01-01T00:00:00Z',
    createdAt: '2025-12-01T00:00:00Z',
    isDemo: false,
    myRole: 'OWNER',
    county: MAYANG,
  };

  it('starts from what is saved and shows a refusal beside its field', async () => {
    answer(() => {
      throw new ApiError({ code: 'org/description-invalid', messageZh: '简介不能超过 2000 字', messageEn: 'At most 2000 characters', details: {} });
    });
    const wrapper = mountIn(OrganisationProfile, { organisation });
    await wrapper.get(testid('org-edit')).trigger('click');
    await flushPromises();
    expect(wrapper.get<HTMLInputElement>(testid('org-edit-name')).element.value).toBe(organisation.name);
    expect(wrapper.get<HTMLSelectElement>(testid('org-edit-county')).element.value).toBe('431226');
    expect(wrapper.get<HTMLInputElement>(testid('org-edit-contact-phone')).element.value).toBe('13712345678');

    await wrapper.get(testid('org-edit-description')).setValue('社员 300 户');
    await wrapper.get(testid('org-edit-form')).trigger('submit');
    await flushPromises();

    // only what changed is sent
    expect(gql.mock.calls.find(([document]) => operationName(document) === 'UpdateOrganisation')?.[1]).toEqual({ id: 'org-1', input: { description: '社员 300 户' } });
    expect(wrapper.get(testid('org-edit-description-error')).text()).toBe('简介不能超过 2000 字');
    expect(document.activeElement).toBe(wrapper.get(testid('org-edit-description')).element);
    expect(wrapper.find(testid('org-edit-error')).exists()).toBe(false);
  });
});
