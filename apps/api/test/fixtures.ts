import { usccCheckCharacter } from '@xiangnong/domain';
import type { TestApp } from './harness';

let sequence = 0;

/** A unique, valid mainland mobile number per call within a test file. */
export function phone(): string {
  sequence++;
  return `137${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(5, '0')}`;
}

/** A unique 统一社会信用代码 with a correct check character. */
export function uscc(division = '430923'): string {
  sequence++;
  const body = `93${division}MA${String((process.pid * 1000 + sequence) % 10_000_000).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

export const PASSWORD = 'tea-garden-2026';

export interface Session {
  token: string;
  refreshToken: string;
  userId: string;
  phone: string;
}

export async function signUp(t: TestApp, name = '测试用户'): Promise<Session> {
  const p = phone();
  const { data, errors } = await t.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken viewer { id } } }`,
    { input: { phone: p, password: PASSWORD, displayName: name } },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return { token: data!.signUp.accessToken, refreshToken: data!.signUp.refreshToken, userId: data!.signUp.viewer.id, phone: p };
}

/** Makes a user platform admin directly in the database (there is no API for that on purpose). */
export async function makeAdmin(t: TestApp): Promise<Session> {
  const s = await signUp(t, '管理员');
  await t.sql('update app_user set is_platform_admin = true where id = $1', [s.userId]);
  return s;
}

export async function createOrganisation(
  t: TestApp,
  s: Session,
  overrides: Partial<{ name: string; kind: string; countyCode: string; uscc: string }> = {},
): Promise<string> {
  const { data, errors } = await t.gql(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    { input: { name: '安化县测试黑茶合作社', kind: 'COOPERATIVE', countyCode: '430923', uscc: uscc(), ...overrides } },
    s.token,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createOrganisation.id;
}

export async function verify(t: TestApp, admin: Session, organisationId: string): Promise<void> {
  const { errors } = await t.gql(
    `mutation($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { id } }`,
    { input: { organisationId, approve: true } },
    admin.token,
  );
  if (errors) throw new Error(JSON.stringify(errors));
}

/** A seller whose organisation the platform has verified, so that its listings are public. */
export async function verifiedSeller(t: TestApp): Promise<{ owner: Session; orgId: string }> {
  const owner = await signUp(t);
  const orgId = await createOrganisation(t, owner);
  await verify(t, await makeAdmin(t), orgId);
  return { owner, orgId };
}

export async function teaCategoryId(t: TestApp, slug = 'dark-tea'): Promise<string> {
  const rows = await t.sql<{ id: number }>(`select id from category where channel_code = 'tea' and slug = $1`, [slug]);
  return String(rows[0]!.id);
}

export async function teaListingInput(t: TestApp, organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    channelCode: 'tea',
    categoryId: await teaCategoryId(t),
    title: '安化黑茶 天尖 2024 年',
    description: '高山茶园，传统工艺。',
    attributes: { teaType: 'dark', grade: 'one-bud-one-leaf', productionYear: 2024, harvestSeason: 'yuqian' },
    originCountyCode: '430923',
    unit: 'JIN',
    priceTiers: [
      { minQuantity: 1, unitPriceFen: 9800 },
      { minQuantity: 20, unitPriceFen: 8800 },
    ],
    minOrderQuantity: 1,
    stock: 500,
    certifications: ['GEO_INDICATION'],
    publish: true,
    ...overrides,
  };
}

export async function createListing(t: TestApp, s: Session, organisationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const { data, errors } = await t.gql(
    `mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`,
    { input: await teaListingInput(t, organisationId, overrides) },
    s.token,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createListing.id;
}

/** Counts rows of a table, for "nothing was written" checks. */
export async function count(t: TestApp, table: string): Promise<number> {
  const rows = await t.sql<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]!.n);
}

/** A multipart/form-data body with one file field named `file`, for upload endpoints. */
export function multipartFile(file: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = '----xiangnong-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
