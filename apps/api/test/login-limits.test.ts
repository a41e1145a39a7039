import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../src/modules/identity/auth.service';
import { startTestApp, type TestApp } from './harness';
import { PASSWORD, phone, signUp } from './fixtures';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

/** Each burst comes from its own address (the app trusts X-Forwarded-For here), so bursts never share a count. */
let address = 0;
function fromNewAddress(t: TestApp) {
  const ip = `198.51.100.${++address}`;
  return (phoneNumber: string, password: string) =>
    t.app
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        payload: JSON.stringify({ query: LOG_IN, variables: { input: { phone: phoneNumber, password } } }),
      })
      .then((res) => (res.json() as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'ok');
}

function tally(codes: string[]): Record<string, number> {
  return codes.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {});
}

describe('login limits under parallel attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustProxy: true });
  });
  afterAll(() => t.close());

  it('checks at most the limit of 60 parallel wrong passwords for one number, and refuses the rest', async () => {
    const s = await signUp(t);
    const attempt = fromNewAddress(t);
    const codes = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(s.phone, `wrong-password-${i}`)));
    expect(tally(codes)).toEqual({ 'auth/invalid-credentials': LOGIN_LIMITS.perPhone, 'auth/rate-limited': 60 - LOGIN_LIMITS.perPhone });
    // the right password is refused too until the window is over
    expect(await fromNewAddress(t)(s.phone, PASSWORD)).toBe('auth/rate-limited');
  });

  it('checks at most the per-address limit of 100 parallel attempts on unknown numbers', async () => {
    const attempt = fromNewAddress(t);
    const codes = await Promise.all(Array.from({ length: 100 }, () => attempt(phone(), 'wrong-password-1')));
    expect(tally(codes)).toEqual({ 'auth/invalid-credentials': LOGIN_LIMITS.perAddress, 'auth/rate-limited': 100 - LOGIN_LIMITS.perAddress });
  });

  it('counts only failures: successful logins give their attempt back', async () => {
    const s = await signUp(t);
    const attempt = fromNewAddress(t);
    for (let i = 0; i < LOGIN_LIMITS.perPhone + 3; i++) expect(await attempt(s.phone, PASSWORD)).toBe('ok');
    for (let i = 0; i < LOGIN_LIMITS.perPhone - 1; i++) expect(await attempt(s.phone, 'wrong-password-1')).toBe('auth/invalid-credentials');
    expect(await attempt(s.phone, PASSWORD)).toBe('ok');
  });

  it('starts a new window once the old one is over', async () => {
    const s = await signUp(t);
    const attempt = fromNewAddress(t);
    for (let i = 0; i < LOGIN_LIMITS.perPhone; i++) await attempt(s.phone, 'wrong-password-1');
    expect(await attempt(s.phone, PASSWORD)).toBe('auth/rate-limited');
    await t.sql(`update login_throttle set window_started_at = now() - interval '16 minutes'`);
    expect(await attempt(s.phone, PASSWORD)).toBe('ok');
  });
});
