import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/common/logger';
import { hashPassword } from '../src/modules/identity/password';
import { User } from '../src/modules/identity/user.entity';
import { startTestApp, type TestApp } from './harness';
import { PASSWORD, signUp } from './fixtures';

function capture() {
  const lines: Record<string, any>[] = [];
  const logger = createLogger('debug', { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger };
}

describe('logs', () => {
  let t: TestApp;
  const { lines, logger } = capture();
  beforeAll(async () => {
    t = await startTestApp({}, { logger });
  });
  afterAll(() => t.close());

  it('keep a failed statement’s values (a phone number, a password hash) out of the log', async () => {
    const s = await signUp(t);
    const hash = await hashPassword('secret-pass-1');
    const em = t.app.get(MikroORM).em.fork();
    // the same duplicate insert through the ORM and as a raw statement
    em.create(User, { phone: s.phone, displayName: '重复', passwordHash: hash });
    const viaOrm = await em.flush().then(() => undefined, (e: unknown) => e);
    const raw = await em
      .getConnection()
      .execute(`insert into app_user (id, phone, display_name, password_hash, sessions_valid_after, created_at) values (gen_random_uuid(), ?, '重复', ?, now(), now())`, [s.phone, hash])
      .then(() => undefined, (e: unknown) => e);
    expect(String(viaOrm)).toContain(s.phone); // the ORM's own message carries the values…
    expect(JSON.stringify(raw)).toContain(s.phone); // …and the driver's error names them in its detail
    for (const [error, type] of [[viaOrm, 'UniqueConstraintViolationException'], [raw, 'DatabaseError']] as const) {
      lines.length = 0;
      logger.error({ err: error }, 'unexpected');
      const written = JSON.stringify(lines);
      expect(lines[0]!.err).toMatchObject({ type, code: '23505', constraint: 'app_user_phone_unique', message: expect.stringContaining('duplicate key') });
      expect(written).not.toContain(s.phone); // …the log line does not
      expect(written).not.toContain(hash.slice(20));
      expect(written).not.toContain('insert into');
    }
  });

  it('write an expected refusal (a wrong password) as a routine line, not as an error', async () => {
    const s = await signUp(t);
    lines.length = 0;
    const res = await t.gql(`mutation($p: String!) { logIn(input: { phone: $p, password: "wrong-password-9" }) { accessToken } }`, { p: s.phone });
    expect(res.errors![0]!.extensions.code).toBe('auth/invalid-credentials');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.some((l) => l.msg === 'request refused' && l.code === 'auth/invalid-credentials' && l.level === 20)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('wrong-password-9');
  });

  it('redact credentials and the values people sent, wherever they are logged', () => {
    lines.length = 0;
    logger.info({ req: { headers: { authorization: 'Bearer abc.def' } }, input: { password: PASSWORD, phone: '13800000000' }, body: { variables: { phone: '13800000000' } } }, 'x');
    const written = JSON.stringify(lines);
    expect(written).not.toContain('abc.def');
    expect(written).not.toContain(PASSWORD);
    expect(lines[0]!.body.variables).toBe('[redacted]');
  });
});

describe('production answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ production: true });
  });
  afterAll(() => t.close());

  it('do not suggest field names', async () => {
    const res = await t.gql(`{ listingz(channel: "tea") { nodes { id } } }`);
    expect(res.errors![0]!.extensions.code).toBe('request/invalid');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|listings/);
  });
});

describe('query cost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const FIELDS = `nodes { seller { name county { name } } images { url } channel { categories { nameZh } } }`;

  it('counts page sizes left to variable defaults like ones written out', async () => {
    const literal = Array.from({ length: 29 }, (_, i) => `l${i}: listings(channel: "tea", first: 100) { ${FIELDS} }`).join(' ');
    const defaulted = Array.from({ length: 29 }, (_, i) => `l${i}: listings(channel: "tea", first: $f) { ${FIELDS} }`).join(' ');
    expect((await t.gql(`{ ${literal} }`)).errors![0]!.extensions.code).toBe('request/too-complex');
    const viaDefault = await t.gql(`query($f: Int = 100) { ${defaulted} }`);
    expect(viaDefault.errors![0]!.extensions.code).toBe('request/too-complex');
    expect(viaDefault.status).toBe(400);
    expect((await t.gql(`query($f: Int = 2) { ${defaulted} }`)).errors).toBeUndefined();
  });
});
