import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AdminOrganisationPanel from '../src/components/admin/AdminOrganisationPanel.vue';
import { ApiError } from '../src/graphql/client';
import type { AdminOrganisationFragment, VerificationStatus } from '../src/graphql/generated/graphql';
import { i18nPlugin, operationName } from './helpers';

const gql = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), gql }));

let org: AdminOrganisationFragment;
const sent: { name: string; variables: Record<string, unknown> }[] = [];

function answer() {
  gql.mockImplementation(async (document: { toString(): string }, variables: Record<string, unknown> = {}) => {
    const name = operationName(document);
    sent.push({ name, variables });
    if (name === 'AdminOrganisation') return { organisation: org };
    if (name === 'SuspendOrganisation') {
      if (!String(variables.reason).trim()) {
        throw new ApiError({ code: 'org/reason-required', messageZh: '拒绝或暂停认证时请填写原因', messageEn: 'Give a reason when refusing or suspending verification' });
      }
      org = { ...org, verificationStatus: 'SUSPENDED', rejectionReason: String(variables.reason) };
      return { suspendOrganisation: org };
    }
    if (name === 'VerifyOrganisation') {
      const input = variables.input as { approve: boolean };
      org = { ...org, verificationStatus: input.approve ? 'VERIFIED' : 'REJECTED', rejectionReason: null };
      return { verifyOrganisation: { id: org.id, verificationStatus: org.verificationStatus } };
    }
    throw new Error(`unexpected ${name}`);
  });
}

function organisation(status: VerificationStatus): AdminOrganisationFragment {
  return {
    id: 'o1',
    name: '安化县云台山茶叶专业合作社',
    kind: 'COOPERATIVE',
    verificationStatus: status,
    uscc: '93430923MA4L00001X',
    rejectionReason: null,
    verifiedAt: status === 'VERIFIED' ? '2026-02-01T00:00:00Z' : null,
    createdAt: '2026-01-01T00:00:00Z',
    isDemo: false,
    county: { name: '安化县', prefectureName: '益阳市' },
  };
}

async function mountPanel() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(AdminOrganisationPanel, { props: { id: 'o1' }, global: { plugins: [i18nPlugin(), router] } });
  await flushPromises();
  return wrapper;
}

describe('AdminOrganisationPanel', () => {
  beforeEach(() => {
    sent.length = 0;
    gql.mockReset();
    answer();
  });

  it('suspends a verified organisation only with a reason, and shows the reason after', async () => {
    org = organisation('VERIFIED');
    const wrapper = await mountPanel();
    expect(wrapper.get('[data-testid="admin-org-status"]').text()).toBe('已认证');
    expect(wrapper.find('[data-testid="admin-org-approve"]').exists()).toBe(false);

    await wrapper.get('[data-testid="admin-org-suspend"]').trigger('click');
    await wrapper.get('[data-testid="admin-org-suspend-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-org-error"]').text()).toBe('拒绝或暂停认证时请填写原因');

    await wrapper.get('[data-testid="admin-org-reason-input"]').setValue('  抽检农药残留超标  ');
    await wrapper.get('[data-testid="admin-org-suspend-confirm"]').trigger('click');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ name: 'SuspendOrganisation', variables: { organisationId: 'o1', reason: '抽检农药残留超标' } });
    expect(wrapper.get('[data-testid="admin-org-status"]').text()).toBe('已暂停');
    expect(wrapper.get('[data-testid="admin-org-reason"]').text()).toBe('抽检农药残留超标');
    expect(wrapper.get('[data-testid="admin-org-done"]').text()).toBe('已更新为：已暂停');
    // a suspended organisation can be verified again
    expect(wrapper.get('[data-testid="admin-org-approve"]').text()).toBe('恢复认证');
  });

  it('reinstates a suspended organisation', async () => {
    org = { ...organisation('SUSPENDED'), rejectionReason: '资质过期' };
    const wrapper = await mountPanel();
    await wrapper.get('[data-testid="admin-org-approve"]').trigger('click');
    await flushPromises();
    expect(sent.find((s) => s.name === 'VerifyOrganisation')?.variables).toEqual({ input: { organisationId: 'o1', approve: true } });
    expect(wrapper.get('[data-testid="admin-org-status"]').text()).toBe('已认证');
    expect(wrapper.find('[data-testid="admin-org-suspend"]').exists()).toBe(true);
  });

  it('verifies or refuses one that waits', async () => {
    org = organisation('PENDING');
    const wrapper = await mountPanel();
    expect(wrapper.find('[data-testid="admin-org-suspend"]').exists()).toBe(false);
    await wrapper.get('[data-testid="admin-org-reject"]').trigger('click');
    await wrapper.get('[data-testid="admin-org-reason-input"]').setValue('执照模糊');
    await wrapper.get('[data-testid="admin-org-reject-confirm"]').trigger('click');
    await flushPromises();
    expect(sent.find((s) => s.name === 'VerifyOrganisation')?.variables).toEqual({ input: { organisationId: 'o1', approve: false, reason: '执照模糊' } });
    expect(wrapper.get('[data-testid="admin-org-status"]').text()).toBe('未通过');
  });
});
