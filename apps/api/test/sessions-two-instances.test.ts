import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { signUp } from './fixtures';
import { until } from './waiting';

const VIEWER = `query { viewer { id isPlatformAdmin } }`;

describe('sessions across instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('ends a session on every instance when it is ended on one, and follows admin rights given and taken', async () => {
    const user = await signUp(a, '两台服务器');
    // both instances have checked (and may trust) the session
    for (const app of [a, b]) expect((await app.gql(VIEWER, {}, user.token)).data!.viewer).toEqual({ id: user.userId, isPlatformAdmin: false });

    // what the session may do (an admin-only list), not only what the profile says
    const adminOnly = async (app: TestApp) => (await app.gql(`query { priceImports(first: 1) { id } }`, {}, user.token)).errors?.[0]?.extensions.code ?? 'ok';
    expect(await adminOnly(b)).toBe('auth/forbidden');
    await a.sql('update app_user set is_platform_admin = true where id = $1', [user.userId]);
    await until('admin rights on the other instance', async () => (await adminOnly(b)) === 'ok');
    await a.sql('update app_user set is_platform_admin = false where id = $1', [user.userId]);
    await until('admin rights taken on the other instance', async () => (await adminOnly(b)) === 'auth/forbidden');

    const out = await a.gql(`mutation($t: String) { logOut(refreshToken: $t) }`, { t: user.refreshToken }, user.token);
    expect(out.data!.logOut).toBe(true);
    // at once where it was ended
    expect((await a.gql(VIEWER, {}, user.token)).errors?.[0]?.extensions.code).toBe('auth/unauthenticated');
    // on the other as soon as the database's announcement arrives
    await until('the other instance to refuse the token', async () => (await b.gql(VIEWER, {}, user.token)).errors?.[0]?.extensions.code === 'auth/unauthenticated', 5_000);
  });
});
