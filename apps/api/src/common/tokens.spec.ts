import { describe, expect, it } from 'vitest';
import { issueAccessToken, verifyAccessToken } from './tokens';

const secret = 'a'.repeat(32);
const claims = { sub: 'u1', fam: 'f1', adm: false, iatMs: 1_000, exp: 2_000 };

describe('access tokens', () => {
  it('verifies its own tokens until they expire', () => {
    const token = issueAccessToken(claims, secret);
    expect(verifyAccessToken(token, secret, 1_999_000)).toEqual(claims);
    expect(verifyAccessToken(token, secret, 2_000_000)).toBeNull();
  });

  it('refuses a token signed with another secret or altered', () => {
    const token = issueAccessToken(claims, secret);
    expect(verifyAccessToken(token, 'b'.repeat(32), 1_500_000)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ ...claims, adm: true })).toString('base64url');
    expect(verifyAccessToken(`${forged}.${token.split('.')[1]}`, secret, 1_500_000)).toBeNull();
    expect(verifyAccessToken('garbage', secret)).toBeNull();
  });
});
