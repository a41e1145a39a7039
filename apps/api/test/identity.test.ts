import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, createOrganisation, makeAdmin, PASSWORD, phone, signUp, uscc } from './fixtures';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken viewer { id displayName } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const VIEWER = `{ viewer { id phone memberships { role organisation { id } } } }`;

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs up, logs in and knows the viewer', async () => {
    const s = await signUp(t, '李合作');
    const login = await t.gql(LOG_IN, { input: { phone: s.phone, password: PASSWORD } });
    expect(login.errors).toBeUndefined();
    expect(login.data!.logIn.viewer.displayName).toBe('李合作');
    const viewer = await t.gql(VIEWER, {}, login.data!.logIn.accessToken);
    expect(viewer.data!.viewer.phone).toBe(s.phone);
    const stored = await t.sql<{ password_hash: string }>('select password_hash from app_user where id = $1', [s.userId]);
    expect(stored[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses malformed numbers, weak passwords and taken numbers without writing', async () => {
    const before = await count(t, 'app_user');
    const bad = await t.gql(`mutation { signUp(input: { phone: "0731-888888", password: "abc12345x", displayName: "a" }) { accessToken } }`);
    expect(bad.errors![0]!.extensions.code).toBe('auth/phone-invalid');
    expect(bad.errors![0]!.extensions.messageZh).toContain('手机号');
    const weak = await t.gql(`mutation($p: String!) { signUp(input: { phone: $p, password: "short", displayName: "a" }) { accessToken } }`, { p: phone() });
    expect(weak.errors![0]!.extensions.code).toBe('auth/password-weak');
    const s = await signUp(t);
    const taken = await t.gql(`mutation($p: String!) { signUp(input: { phone: $p, password: "another-pass-1", displayName: "b" }) { accessToken } }`, { p: s.phone });
    expect(taken.errors![0]!.extensions.code).toBe('auth/phone-taken');
    expect(await count(t, 'app_user')).toBe(before + 1);
  });

  it('answers unknown numbers and wrong passwords the same way', async () => {
    const s = await signUp(t);
    const wrong = await t.gql(LOG_IN, { input: { phone: s.phone, password: 'wrong-password-1' } });
    const unknown = await t.gql(LOG_IN, { input: { phone: phone(), password: 'wrong-password-1' } });
    expect(wrong.errors![0]!.extensions).toEqual(unknown.errors![0]!.extensions);
    expect(wrong.errors![0]!.extensions.code).toBe('auth/invalid-credentials');
  });

  it('rate-limits repeated failures for a number, even with the right password afterwards', async () => {
    const s = await signUp(t);
    for (let i = 0; i < 5; i++) await t.gql(LOG_IN, { input: { phone: s.phone, password: `nope-${i}-password` } });
    const blocked = await t.gql(LOG_IN, { input: { phone: s.phone, password: PASSWORD } });
    expect(blocked.errors![0]!.extensions.code).toBe('auth/rate-limited');
  });

  it('rotates refresh tokens and revokes the whole chain when an old one comes back', async () => {
    const s = await signUp(t);
    const first = await t.gql(REFRESH, { t: s.refreshToken });
    expect(first.errors).toBeUndefined();
    const second = await t.gql(REFRESH, { t: first.data!.refreshSession.refreshToken });
    expect(second.errors).toBeUndefined();
    // the first token, presented again, is a stolen copy: the family dies
    const replay = await t.gql(REFRESH, { t: s.refreshToken });
    expect(replay.errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
    const afterReplay = await t.gql(REFRESH, { t: second.data!.refreshSession.refreshToken });
    expect(afterReplay.errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
    // and the access tokens of that session stop working at once
    const viewer = await t.gql(VIEWER, {}, second.data!.refreshSession.accessToken);
    expect(viewer.errors![0]!.extensions.code).toBe('auth/unauthenticated');
    expect(viewer.status).toBe(401); // the caller's token, not a server fault
    const garbage = await t.gql(VIEWER, {}, 'not-a-token');
    expect([garbage.status, garbage.errors![0]!.extensions.code]).toEqual([401, 'auth/unauthenticated']);
    const stored = await t.sql<{ token_hash: string }>('select token_hash from refresh_token where user_id = $1', [s.userId]);
    expect(stored.every((r) => r.token_hash.length === 64 && r.token_hash !== s.refreshToken)).toBe(true);
  });

  it('two refreshes racing with one token: exactly one wins, the other is told to use its tokens, nothing is revoked', async () => {
    const s = await signUp(t);
    const results = await Promise.all([t.gql(REFRESH, { t: s.refreshToken }), t.gql(REFRESH, { t: s.refreshToken })]);
    const winners = results.filter((r) => !r.errors);
    // exactly one wins: the row lock serialises them
    expect(winners).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions.code).toBe('auth/refresh-superseded');
    // the loser was another tab of the same person: the session lives on
    const next = await t.gql(REFRESH, { t: winners[0]!.data!.refreshSession.refreshToken });
    expect(next.errors).toBeUndefined();
  });

  it('takes the same token coming back later, or after its successor was used, for a theft', async () => {
    const s = await signUp(t);
    const first = await t.gql(REFRESH, { t: s.refreshToken });
    await t.sql(`update refresh_token set used_at = now() - interval '11 seconds' where user_id = $1 and used_at is not null`, [s.userId]);
    const late = await t.gql(REFRESH, { t: s.refreshToken });
    expect(late.errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
    // the family is revoked: the successor is dead too
    expect((await t.gql(REFRESH, { t: first.data!.refreshSession.refreshToken })).errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
  });

  it('logs out: the refresh token and the access token stop working', async () => {
    const s = await signUp(t);
    const out = await t.gql(`mutation($t: String) { logOut(refreshToken: $t) }`, { t: s.refreshToken }, s.token);
    expect(out.data!.logOut).toBe(true);
    expect((await t.gql(REFRESH, { t: s.refreshToken })).errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
    expect((await t.gql(VIEWER, {}, s.token)).errors![0]!.extensions.code).toBe('auth/unauthenticated');
  });

  it('changing the password ends every other session', async () => {
    const s = await signUp(t);
    const other = await t.gql(LOG_IN, { input: { phone: s.phone, password: PASSWORD } });
    const changed = await t.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`,
      { input: { currentPassword: PASSWORD, newPassword: 'new-tea-pass-9' } },
      s.token,
    );
    expect(changed.errors).toBeUndefined();
    expect((await t.gql(VIEWER, {}, other.data!.logIn.accessToken)).errors![0]!.extensions.code).toBe('auth/unauthenticated');
    expect((await t.gql(REFRESH, { t: other.data!.logIn.refreshToken })).errors![0]!.extensions.code).toBe('auth/invalid-refresh-token');
    expect((await t.gql(VIEWER, {}, changed.data!.changePassword.accessToken)).data!.viewer.id).toBe(s.userId);
    const relog = await t.gql(LOG_IN, { input: { phone: s.phone, password: 'new-tea-pass-9' } });
    expect(relog.errors).toBeUndefined();
  });

  it('refuses forged or garbage bearer tokens', async () => {
    const res = await t.gql(VIEWER, {}, 'not.a-token');
    expect(res.errors![0]!.extensions.code).toBe('auth/unauthenticated');
  });
});

describe('organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id verificationStatus county { name isPovertyCounty } } }`;

  it('creates an organisation with its creator as owner, pending verification', async () => {
    const s = await signUp(t);
    const res = await t.gql(CREATE, { input: { name: '古丈县毛尖合作社', kind: 'COOPERATIVE', uscc: uscc('433126'), countyCode: '433126' } }, s.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation).toMatchObject({ verificationStatus: 'PENDING', county: { name: '古丈县', isPovertyCounty: true } });
    const viewer = await t.gql(`{ viewer { memberships { role organisation { id } } } }`, {}, s.token);
    expect(viewer.data!.viewer.memberships).toEqual([{ role: 'OWNER', organisation: { id: res.data!.createOrganisation.id } }]);
  });

  it.each([
    ['a bad check character', { uscc: '91350100M000100Y44' }, 'org/uscc-invalid'],
    ['a short code', { uscc: '9135010' }, 'org/uscc-invalid'],
    ['an unknown county', { countyCode: '110101' }, 'geo/county-unknown'],
    ['a one-letter name', { name: '甲' }, 'org/name-invalid'],
  ])('refuses %s and writes nothing', async (_label, patch, code) => {
    const s = await signUp(t);
    const before = [await count(t, 'organisation'), await count(t, 'membership')];
    const res = await t.gql(CREATE, { input: { name: '合格的名称合作社', kind: 'COOPERATIVE', uscc: uscc(), countyCode: '430923', ...patch } }, s.token);
    expect(res.errors![0]!.extensions.code).toBe(code);
    expect([await count(t, 'organisation'), await count(t, 'membership')]).toEqual(before);
  });

  it('refuses a 统一社会信用代码 that is already registered', async () => {
    const s = await signUp(t);
    const code = uscc();
    await createOrganisation(t, s, { uscc: code });
    const again = await t.gql(CREATE, { input: { name: '另一个合作社', kind: 'COOPERATIVE', uscc: code, countyCode: '430923' } }, s.token);
    expect(again.errors![0]!.extensions.code).toBe('org/uscc-taken');
  });

  it('lets admins verify, and only admins', async () => {
    const owner = await signUp(t);
    const admin = await makeAdmin(t);
    const orgId = await createOrganisation(t, owner);
    const VERIFY = `mutation($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { verificationStatus rejectionReason } }`;
    const selfVerify = await t.gql(VERIFY, { input: { organisationId: orgId, approve: true } }, owner.token);
    expect(selfVerify.errors![0]!.extensions.code).toBe('auth/forbidden');
    const pending = await t.gql(`{ pendingOrganisations(first: 100) { nodes { id uscc } } }`, {}, admin.token);
    expect(pending.data!.pendingOrganisations.nodes.map((o: { id: string }) => o.id)).toContain(orgId);
    const noReason = await t.gql(VERIFY, { input: { organisationId: orgId, approve: false } }, admin.token);
    expect(noReason.errors![0]!.extensions.code).toBe('org/reason-required');
    const ok = await t.gql(VERIFY, { input: { organisationId: orgId, approve: true } }, admin.token);
    expect(ok.data!.verifyOrganisation.verificationStatus).toBe('VERIFIED');
  });

  it('pages through the verification queue oldest first', async () => {
    const admin = await makeAdmin(t);
    const owner = await signUp(t);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push(await createOrganisation(t, owner, { name: `排队合作社${i}` }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(`query($after: String) { pendingOrganisations(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after }, admin.token);
      seen.push(...page.data.pendingOrganisations.nodes.map((o: { id: string }) => o.id));
      after = page.data.pendingOrganisations.pageInfo.hasNextPage ? page.data.pendingOrganisations.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => created.includes(id))).toEqual(created);
  });

  it('keeps the 统一社会信用代码 and member list private to members', async () => {
    const owner = await signUp(t);
    const stranger = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const Q = `query($id: ID!) { organisation(id: $id) { name uscc members { phoneMasked role } } }`;
    const own = await t.gql(Q, { id: orgId }, owner.token);
    expect(own.data!.organisation.members[0].phoneMasked).toMatch(/^137\*{4}\d{4}$/);
    const other = await t.gql(Q, { id: orgId }, stranger.token);
    expect(other.errors!.map((e) => e.extensions.code)).toContain('auth/forbidden');
    const publicView = await t.gql(`query($id: ID!) { organisation(id: $id) { name } }`, { id: orgId });
    expect(publicView.data!.organisation.name).toBeTruthy();
  });

  it('manages members by role and keeps at least one owner', async () => {
    const owner = await signUp(t);
    const staff = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { role } }`;
    expect((await t.gql(ADD, { input: { organisationId: orgId, phone: staff.phone, role: 'STAFF' } }, owner.token)).data!.addMember.role).toBe('STAFF');
    const unknown = await t.gql(ADD, { input: { organisationId: orgId, phone: phone(), role: 'STAFF' } }, owner.token);
    expect(unknown.errors![0]!.extensions.code).toBe('org/user-not-found');
    const escalate = await t.gql(ADD, { input: { organisationId: orgId, phone: phone(), role: 'OWNER' } }, staff.token);
    expect(escalate.errors![0]!.extensions.code).toBe('auth/forbidden');
    const demote = await t.gql(
      `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { organisationId: orgId, userId: owner.userId, role: 'STAFF' } },
      owner.token,
    );
    expect(demote.errors![0]!.extensions.code).toBe('org/last-owner');
  });

  it('two owners demoting each other at once leave exactly one owner, and the other is told why', async () => {
    const CHANGE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`;
    for (let round = 0; round < 5; round++) {
      const first = await signUp(t);
      const second = await signUp(t);
      const orgId = await createOrganisation(t, first);
      await t.gql(`mutation($input: AddMemberInput!) { addMember(input: $input) { role } }`, { input: { organisationId: orgId, phone: second.phone, role: 'OWNER' } }, first.token);
      const results = await Promise.all([
        t.gql(CHANGE, { input: { organisationId: orgId, userId: second.userId, role: 'MANAGER' } }, first.token),
        t.gql(CHANGE, { input: { organisationId: orgId, userId: first.userId, role: 'MANAGER' } }, second.token),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.find((r) => r.errors)!.errors![0]!.extensions.code).toBe('org/last-owner');
      const owners = await t.sql(`select user_id from membership where organisation_id = $1 and role = 'OWNER'`, [orgId]);
      expect(owners).toHaveLength(1);
    }
  });
});
