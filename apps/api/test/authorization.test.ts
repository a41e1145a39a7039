import { GraphQLSchemaHost } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { createListing, createOrganisation, makeAdmin, PASSWORD, phone, signUp, teaListingInput, uscc, verify, type Session } from './fixtures';
import { stationOperator } from './ordering-fixtures';

type Role = 'anonymous' | 'outsider' | 'staff' | 'manager' | 'owner' | 'admin';
const ROLES: Role[] = ['anonymous', 'outsider', 'staff', 'manager', 'owner', 'admin'];

type Outcome = 'ok' | 'auth/unauthenticated' | 'auth/forbidden' | 'ordering/not-found' | 'ordering/own-listing' | 'payments/alipay-unavailable' | 'trade/not-buyer' | 'trade/quote-not-found';

/** The world each case runs in: organisation A with its members and a listing, organisation B of the outsider. */
interface World {
  orgA: string;
  listingA: string;
  pendingOrg: string;
  users: Record<Exclude<Role, 'anonymous'>, Session>;
}

interface Case {
  /** What each role may do; anything not listed is expected to be refused as forbidden (or unauthenticated for anonymous). */
  allowed: Role[] | 'everyone';
  /** how signed-in roles that may not are refused, when not as forbidden (orders are "not found" to anyone who is no party to them) */
  refusedAs?: Outcome | Partial<Record<Role, Outcome>>;
  run: (t: TestApp, w: World, token: string | undefined, role: Role) => Promise<{ errors?: { extensions: { code: string } }[] }>;
}

const members: Role[] = ['owner', 'manager', 'staff'];
const signedIn: Role[] = ['outsider', 'staff', 'manager', 'owner', 'admin'];
/** On orders to A: its members are the seller; the outsider and the admin are no party to them. */
const sellers: Role[] = members;
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** An open purchase request of a buyer organisation of its own (no role of the table belongs to it). */
async function requestOfAnotherBuyer(t: TestApp, w: World): Promise<string> {
  const buyer = await signUp(t, '采购');
  const org = await createOrganisation(t, buyer, { name: '另一家采购方', kind: 'BUYER' });
  await verify(t, w.users.admin, org);
  const res = await t.gql(
    `mutation($input: PostPurchaseRequestInput!) { postPurchaseRequest(input: $input) { id } }`,
    { input: { organisationId: org, channelCode: 'tea', title: '求购安化黑茶', quantity: 10, unit: 'JIN', deliveryCountyCode: '430923', neededBy: chinaDay(5) } },
    buyer.token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.postPurchaseRequest.id;
}
const noParty = { outsider: 'ordering/not-found', admin: 'ordering/not-found' } as const;
const buyersOnly = { owner: 'auth/forbidden', manager: 'auth/forbidden', staff: 'auth/forbidden', ...noParty } as const;

/** One row per mutation in the schema: who may call it, and how to call it on organisation A. */
const TABLE: Record<string, Case> = {
  signUp: {
    allowed: 'everyone',
    run: (t, _w, token) => t.gql(`mutation($p: String!) { signUp(input: { phone: $p, password: "${PASSWORD}", displayName: "新用户" }) { accessToken } }`, { p: phone() }, token),
  },
  logIn: {
    allowed: 'everyone',
    run: async (t, _w, token) => {
      const s = await signUp(t);
      return t.gql(`mutation($p: String!) { logIn(input: { phone: $p, password: "${PASSWORD}" }) { accessToken } }`, { p: s.phone }, token);
    },
  },
  refreshSession: {
    allowed: 'everyone',
    run: async (t, _w, token) => {
      const s = await signUp(t);
      return t.gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, { r: s.refreshToken }, token);
    },
  },
  logOut: {
    allowed: signedIn,
    run: async (t, _w, token) => {
      // a session of its own, so that the shared sessions stay alive for the other cases
      const own = token ? (await signUp(t)).token : undefined;
      return t.gql(`mutation { logOut }`, {}, own);
    },
  },
  changePassword: {
    allowed: signedIn,
    run: async (t, _w, token) => {
      const own = token ? (await signUp(t)).token : undefined;
      return t.gql(`mutation { changePassword(input: { currentPassword: "${PASSWORD}", newPassword: "another-pass-42" }) { accessToken } }`, {}, own);
    },
  },
  createOrganisation: {
    allowed: signedIn,
    run: (t, _w, token) =>
      t.gql(`mutation($u: String!) { createOrganisation(input: { name: "新建合作社", kind: COOPERATIVE, uscc: $u, countyCode: "430923" }) { id } }`, { u: uscc() }, token),
  },
  updateOrganisation: {
    allowed: ['owner', 'manager'],
    run: (t, w, token) => t.gql(`mutation($id: ID!) { updateOrganisation(id: $id, input: { description: "改过" }) { id } }`, { id: w.orgA }, token),
  },
  addMember: {
    allowed: ['owner'],
    run: async (t, w, token) => {
      const newcomer = await signUp(t);
      return t.gql(`mutation($o: ID!, $p: String!) { addMember(input: { organisationId: $o, phone: $p, role: STAFF }) { role } }`, { o: w.orgA, p: newcomer.phone }, token);
    },
  },
  changeMemberRole: {
    allowed: ['owner'],
    run: (t, w, token) =>
      t.gql(`mutation($o: ID!, $u: ID!) { changeMemberRole(input: { organisationId: $o, userId: $u, role: MANAGER }) { role } }`, { o: w.orgA, u: w.users.staff.userId }, token),
  },
  removeMember: {
    allowed: ['owner'],
    run: (t, w, token) => t.gql(`mutation($o: ID!, $u: ID!) { removeMember(organisationId: $o, userId: $u) }`, { o: w.orgA, u: w.users.staff.userId }, token),
  },
  verifyOrganisation: {
    allowed: ['admin'],
    run: (t, w, token) => t.gql(`mutation($o: ID!) { verifyOrganisation(input: { organisationId: $o, approve: true }) { id } }`, { o: w.pendingOrg }, token),
  },
  suspendOrganisation: {
    allowed: ['admin'],
    run: async (t, w, token) => t.gql(`mutation($o: ID!) { suspendOrganisation(organisationId: $o, reason: "抽检不合格") { verificationStatus } }`, { o: w.orgA }, token),
  },
  retryFailedJob: {
    allowed: ['admin'],
    run: async (t, _w, token) => {
      const [failure] = await t.sql<{ id: string }>(`insert into job_failure (handler, error, attempts, failed_at) values ('sweep-unattached-images', 'test failure', 3, now()) returning id`);
      return t.gql(`mutation($id: ID!) { retryFailedJob(id: $id) }`, { id: failure!.id }, token);
    },
  },
  markNotificationsRead: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { markNotificationsRead }`, {}, token),
  },
  setNotificationPreference: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { setNotificationPreference(kind: "organisation-verified", enabled: true) { kind } }`, {}, token),
  },
  createListing: {
    allowed: members,
    run: async (t, w, token) => t.gql(`mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`, { input: await teaListingInput(t, w.orgA) }, token),
  },
  updateListing: {
    allowed: members,
    run: (t, w, token) => t.gql(`mutation($id: ID!) { updateListing(id: $id, input: { stock: 42 }) { stock } }`, { id: w.listingA }, token),
  },
  setListingStatus: {
    allowed: members,
    run: (t, w, token) => t.gql(`mutation($id: ID!) { setListingStatus(id: $id, status: PAUSED) { status } }`, { id: w.listingA }, token),
  },
  placeCheckout: {
    allowed: ['outsider', 'admin'],
    refusedAs: 'ordering/own-listing',
    run: async (t, w, token) => {
      await verify(t, w.users.admin, w.orgA);
      return t.gql(
        `mutation($input: CheckoutInput!) { placeCheckout(input: $input) { orders { id } } }`,
        { input: { idempotencyKey: `auth-${phone()}`, paymentMethod: 'CASH_ON_DELIVERY', delivery: { countyCode: '430923', address: '江南镇', recipientName: '买家', recipientPhone: '13912340000' }, lines: [{ listingId: w.listingA, quantity: 1 }] } },
        token,
      );
    },
  },
  cancelOrder: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "缺货") { status } }`, { id: await orderToA(t, w) }, token),
  },
  confirmTransfer: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { confirmTransfer(orderId: $id) { status } }`, { id: await orderToA(t, w, { method: 'BANK_TRANSFER' }) }, token),
  },
  shipOrder: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { shipOrder(input: { orderId: $id, ownDelivery: true }) { status } }`, { id: await orderToA(t, w) }, token),
  },
  addTrackingEvent: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { addTrackingEvent(orderId: $id, description: "已到县城") { status } }`, { id: await orderToA(t, w, { status: 'SHIPPED' }) }, token),
  },
  markArrivedAtStation: {
    allowed: [],
    refusedAs: buyersOnly,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { markArrivedAtStation(orderId: $id) { status } }`, { id: await orderToA(t, w, { status: 'SHIPPED', station: true }) }, token),
  },
  handOverOrder: {
    allowed: [],
    refusedAs: buyersOnly,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { handOverOrder(orderId: $id, pickupCode: "123456") { status } }`, { id: await orderToA(t, w, { status: 'AT_STATION', station: true }) }, token),
  },
  markDelivered: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { markDelivered(orderId: $id) { status } }`, { id: await orderToA(t, w, { status: 'SHIPPED' }) }, token),
  },
  confirmReceipt: {
    allowed: [],
    refusedAs: buyersOnly,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { confirmReceipt(orderId: $id) { status } }`, { id: await orderToA(t, w, { status: 'DELIVERED' }) }, token),
  },
  requestRefund: {
    allowed: [],
    refusedAs: buyersOnly,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { requestRefund(orderId: $id, reason: "坏果") { status } }`, { id: await orderToA(t, w, { status: 'DELIVERED' }) }, token),
  },
  decideRefund: {
    allowed: sellers,
    refusedAs: noParty,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { decideRefund(orderId: $id, approve: false, note: "已核实无问题") { status } }`, { id: await orderToA(t, w, { status: 'REFUND_REQUESTED' }) }, token),
  },
  reviewOrder: {
    allowed: [],
    refusedAs: buyersOnly,
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { reviewOrder(orderId: $id, rating: 5) }`, { id: await orderToA(t, w, { status: 'COMPLETED' }) }, token),
  },
  payOrderWithAlipay: {
    allowed: [],
    refusedAs: 'payments/alipay-unavailable',
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { payOrderWithAlipay(orderId: $id, channel: PAGE) { outTradeNo } }`, { id: await orderToA(t, w) }, token),
  },
  setShippingTemplate: {
    allowed: members,
    run: (t, w, token) =>
      t.gql(
        `mutation($o: ID!) { setShippingTemplate(organisationId: $o, input: { zones: [{ regions: ["430000"], firstKg: 1, firstFen: 800, additionalKg: 1, additionalFen: 200 }], excluded: [], coldChainFenPerKg: 0, freeAboveFen: null, pieceWeightGrams: 1000 }) { excluded } }`,
        { o: w.orgA },
        token,
      ),
  },
  setBankAccount: {
    allowed: ['owner', 'manager'],
    run: (t, w, token) =>
      t.gql(`mutation($o: ID!) { setBankAccount(organisationId: $o, input: { accountName: "甲合作社", bankName: "农业银行", accountNumber: "6228480012345678" }) { bankName } }`, { o: w.orgA }, token),
  },
  createServiceStation: {
    // organisation A is a cooperative: nobody may add stations to it
    allowed: [],
    run: (t, w, token) => t.gql(`mutation($o: ID!) { createServiceStation(input: { organisationId: $o, name: "冒充服务站", countyCode: "430923", address: "江南镇" }) { id } }`, { o: w.orgA }, token),
  },
  recordPayout: {
    allowed: ['admin'],
    run: async (t, w, token) => {
      // something owed to A from an Alipay sale, to pay out
      await t.sql(
        `insert into settlement_entry (seller_id, kind, order_id, order_number, amount_fen, commission_fen, owed_fen, created_at)
         values ($1, 'SALE', gen_random_uuid(), 'XN20261201999999', 1000, 0, 1000, now())`,
        [w.orgA],
      );
      return t.gql(`mutation($o: ID!) { recordPayout(organisationId: $o, amountFen: 1000, reference: "网银转账 0042") { owedFen } }`, { o: w.orgA }, token);
    },
  },
  subscribePrice: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { subscribePrice(input: { commodity: "live-hog", kind: DIGEST }) { id } }`, {}, token),
  },
  unsubscribePrice: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { unsubscribePrice(id: "00000000-0000-4000-8000-000000000000") }`, {}, token),
  },
  setAlertWebhook: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { setAlertWebhook(url: "https://192.0.2.10/hooks/prices") { url } }`, {}, token),
  },
  removeAlertWebhook: {
    allowed: signedIn,
    run: (t, _w, token) => t.gql(`mutation { removeAlertWebhook }`, {}, token),
  },
  pingAlertWebhook: {
    allowed: signedIn,
    run: async (t, _w, token) => {
      await t.gql(`mutation { setAlertWebhook(url: "https://192.0.2.10/hooks/prices") { url } }`, {}, token);
      return t.gql(`mutation { pingAlertWebhook { status } }`, {}, token);
    },
  },
  reportPrices: {
    // organisation A reports for no market
    allowed: [],
    run: (t, _w, token) => t.gql(`mutation { reportPrices(input: { marketId: "1", quotes: [{ commodity: "live-hog", avgFen: 1500 }] }) { status } }`, {}, token),
  },
  assignMarketReporter: {
    allowed: ['admin'],
    run: (t, w, token) => t.gql(`mutation($o: ID!) { assignMarketReporter(marketId: "1", organisationId: $o) }`, { o: w.orgA }, token),
  },
  postPurchaseRequest: {
    // organisation A is a cooperative, not a buyer
    allowed: [],
    refusedAs: { owner: 'trade/not-buyer', manager: 'trade/not-buyer', staff: 'trade/not-buyer' },
    run: (t, w, token) =>
      t.gql(
        `mutation($input: PostPurchaseRequestInput!) { postPurchaseRequest(input: $input) { id } }`,
        { input: { organisationId: w.orgA, channelCode: 'tea', title: '求购安化黑茶', quantity: 10, unit: 'JIN', deliveryCountyCode: '430923', neededBy: chinaDay(5) } },
        token,
      ),
  },
  closePurchaseRequest: {
    allowed: [],
    run: async (t, w, token) => t.gql(`mutation($id: ID!) { closePurchaseRequest(id: $id) { status } }`, { id: await requestOfAnotherBuyer(t, w) }, token),
  },
  quotePurchaseRequest: {
    allowed: members,
    run: async (t, w, token) => {
      const requestId = await requestOfAnotherBuyer(t, w);
      await verify(t, w.users.admin, w.orgA).catch(() => undefined);
      return t.gql(
        `mutation($input: QuoteRequestInput!) { quotePurchaseRequest(input: $input) { id } }`,
        { input: { requestId, organisationId: w.orgA, unitPriceFen: 9000, quantity: 10, deliveryDate: chinaDay(3) } },
        token,
      );
    },
  },
  acceptQuote: {
    allowed: [],
    refusedAs: 'trade/quote-not-found',
    run: async (t, w, token) => {
      const requestId = await requestOfAnotherBuyer(t, w);
      await verify(t, w.users.admin, w.orgA).catch(() => undefined);
      const q = await t.gql(
        `mutation($input: QuoteRequestInput!) { quotePurchaseRequest(input: $input) { id } }`,
        { input: { requestId, organisationId: w.orgA, unitPriceFen: 9000, quantity: 10, deliveryDate: chinaDay(3) } },
        w.users.owner.token,
      );
      return t.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { status } }`, { q: q.data!.quotePurchaseRequest.id }, token);
    },
  },
  saveImportMapping: {
    allowed: ['admin'],
    run: (t, _w, token) => t.gql(`mutation($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { name } }`, { input: { name: '县报表', fields: { 货品: 'commodity' } } }, token),
  },
  createChannel: {
    allowed: ['admin'],
    run: (t, _w, token) =>
      t.gql(
        `mutation($input: CreateChannelInput!) { createChannel(input: $input) { code } }`,
        {
          input: {
            code: `x${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 8)}`,
            nameZh: '测试网',
            nameEn: 'Test',
            attributeSchema: { attributes: [{ key: 'kind', labelZh: '类', labelEn: 'Kind', type: 'text' }] },
            categories: [{ slug: 'all', nameZh: '全部', nameEn: 'All' }],
          },
        },
        token,
      ),
  },
};

function expected(c: Case, role: Role): Outcome {
  if (c.allowed === 'everyone' || c.allowed.includes(role)) return 'ok';
  if (role === 'anonymous') return 'auth/unauthenticated';
  const refused = typeof c.refusedAs === 'object' ? c.refusedAs[role] : c.refusedAs;
  return refused ?? 'auth/forbidden';
}

/**
 * An order to organisation A from a buyer of its own (no role of the table), A verified and taking
 * transfers; moved to `status` behind the API's back where no role of the table could move it there.
 */
async function orderToA(
  t: TestApp,
  w: World,
  { method = 'CASH_ON_DELIVERY', status, station = false }: { method?: string; status?: string; station?: boolean } = {},
): Promise<string> {
  await verify(t, w.users.admin, w.orgA).catch(() => undefined); // verified once per world
  await t.gql(
    `mutation($o: ID!) { setBankAccount(organisationId: $o, input: { accountName: "甲合作社", bankName: "农业银行", accountNumber: "6228480012345678" }) { accountNumber } }`,
    { o: w.orgA },
    w.users.owner.token,
  );
  const buyer = await signUp(t, '买家');
  const delivery = station
    ? { stationId: (await stationOperator(t, w.users.admin)).stationId, recipientName: '买家', recipientPhone: '13912340000' }
    : { countyCode: '430923', address: '江南镇洞市村', recipientName: '买家', recipientPhone: '13912340000' };
  const placed = await t.gql(
    `mutation($input: CheckoutInput!) { placeCheckout(input: $input) { orders { id } } }`,
    { input: { idempotencyKey: `auth-${phone()}`, paymentMethod: method, delivery, lines: [{ listingId: w.listingA, quantity: 1 }] } },
    buyer.token,
  );
  if (placed.errors) throw new Error(JSON.stringify(placed.errors));
  const id = placed.data!.placeCheckout.orders[0].id as string;
  if (status) await t.sql(`update sales_order set status = $2, pickup_code = '123456' where id = $1`, [id, status]);
  if (status && status !== 'AWAITING_SHIPMENT') await t.sql(`insert into shipment (id, order_id, carrier, tracking_number, created_at) values (gen_random_uuid(), $1, 'SF', 'SF1234567890', now())`, [id]);
  return id;
}


describe('authorization: every mutation × every role', () => {
  let t: TestApp;
  let users: World['users'];

  beforeAll(async () => {
    t = await startTestApp();
    users = {
      owner: await signUp(t, '所有者'),
      manager: await signUp(t, '管理员工'),
      staff: await signUp(t, '员工'),
      outsider: await signUp(t, '别家社员'),
      admin: await makeAdmin(t),
    };
    await createOrganisation(t, users.outsider, { name: '别家合作社' });
  });
  afterAll(() => t.close());

  /** A fresh organisation A for every case, so that one case's effect never decides another's. */
  async function world(): Promise<World> {
    const orgA = await createOrganisation(t, users.owner);
    for (const [role, session] of [['MANAGER', users.manager], ['STAFF', users.staff]] as const) {
      const res = await t.gql(`mutation($o: ID!, $p: String!, $r: MemberRole!) { addMember(input: { organisationId: $o, phone: $p, role: $r }) { role } }`, { o: orgA, p: session.phone, r: role }, users.owner.token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    await verify(t, users.admin, orgA);
    const listingA = await createListing(t, users.owner, orgA);
    const pendingOrg = await createOrganisation(t, users.outsider, { name: '待认证合作社' });
    return { orgA, listingA, pendingOrg, users };
  }

  it('covers every mutation in the schema', () => {
    const mutations = Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(TABLE).sort()).toEqual(mutations);
  });

  const cases = Object.entries(TABLE).flatMap(([name, c]) => ROLES.map((role) => ({ name, role, c, outcome: expected(c, role) })));

  it.each(cases)('$name as $role → $outcome', async ({ c, role, outcome }) => {
    const w = await world();
    const token = role === 'anonymous' ? undefined : w.users[role].token;
    const res = await c.run(t, w, token, role);
    if (outcome === 'ok') expect(res.errors).toBeUndefined();
    else expect(res.errors?.[0]?.extensions.code).toBe(outcome);
  });
});

describe('authorization: private reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a member of B can read none of A’s private data, nor its drafts', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const orgA = await createOrganisation(t, a);
    await createOrganisation(t, b, { name: '乙方合作社' });
    const draft = await createListing(t, a, orgA, { publish: false });
    const listings = await t.gql(`query($o: ID!) { organisationListings(organisationId: $o) { nodes { id } } }`, { o: orgA }, b.token);
    expect(listings.errors![0]!.extensions.code).toBe('auth/forbidden');
    const detail = await t.gql(`query($id: ID!) { listing(id: $id) { id } }`, { id: draft }, b.token);
    expect(detail.errors![0]!.extensions.code).toBe('catalog/listing-not-found');
    const org = await t.gql(`query($o: ID!) { organisation(id: $o) { name uscc members { role } } }`, { o: orgA }, b.token);
    expect(org.errors!.map((e) => e.extensions.code)).toEqual(['auth/forbidden', 'auth/forbidden']);
    // the public part still arrives; the private fields are withheld
    expect(org.data!.organisation).toEqual({ name: '安化县测试黑茶合作社', uscc: null, members: null });
    const own = await t.gql(`query($o: ID!) { organisationListings(organisationId: $o) { nodes { id } } }`, { o: orgA }, a.token);
    expect(own.data!.organisationListings.nodes.map((n: { id: string }) => n.id)).toEqual([draft]);
  });

  it('changing a listing of another organisation tells nothing about listings B cannot see', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const admin = await makeAdmin(t);
    const orgA = await createOrganisation(t, a);
    await createOrganisation(t, b, { name: '乙方合作社三' });
    const draft = await createListing(t, a, orgA, { publish: false });
    const SET = `mutation($id: ID!) { setListingStatus(id: $id, status: ARCHIVED) { status } }`;
    const UPDATE = `mutation($id: ID!) { updateListing(id: $id, input: { stock: 1 }) { stock } }`;
    const randomId = '4f7a1c52-3a63-4d3e-9d0b-2f1f7d0c9e11';
    for (const mutation of [SET, UPDATE]) {
      const onDraft = await t.gql(mutation, { id: draft }, b.token);
      const onNothing = await t.gql(mutation, { id: randomId }, b.token);
      expect(onDraft.errors![0]!.extensions).toEqual(onNothing.errors![0]!.extensions);
      expect(onDraft.errors![0]!.extensions.code).toBe('catalog/listing-not-found');
    }
    // once it is public, B may know it exists, and is told it may not change it
    await verify(t, admin, orgA);
    const published = await createListing(t, a, orgA);
    expect((await t.gql(SET, { id: published }, b.token)).errors![0]!.extensions.code).toBe('auth/forbidden');
    expect(await t.sql(`select status from listing where id = $1`, [draft])).toEqual([{ status: 'DRAFT' }]);
  });

  it('a refusal reason is read by the organisation’s members and admins only', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const admin = await makeAdmin(t);
    const orgA = await createOrganisation(t, a);
    const refuse = await t.gql(
      `mutation($o: ID!) { verifyOrganisation(input: { organisationId: $o, approve: false, reason: "营业执照照片不清晰" }) { verificationStatus } }`,
      { o: orgA },
      admin.token,
    );
    expect(refuse.data!.verifyOrganisation.verificationStatus).toBe('REJECTED');
    const Q = `query($o: ID!) { organisation(id: $o) { name verificationStatus rejectionReason } }`;
    for (const token of [undefined, b.token]) {
      const other = await t.gql(Q, { o: orgA }, token);
      expect(other.data!.organisation).toMatchObject({ verificationStatus: 'REJECTED', rejectionReason: null });
      expect(other.errors![0]!.extensions.code).toBe(token ? 'auth/forbidden' : 'auth/unauthenticated');
    }
    for (const token of [a.token, admin.token]) {
      expect((await t.gql(Q, { o: orgA }, token)).data!.organisation.rejectionReason).toBe('营业执照照片不清晰');
    }
  });

  it('B cannot attach A’s uploaded images to its own listing', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const orgA = await createOrganisation(t, a);
    const orgB = await createOrganisation(t, b, { name: '乙方合作社二' });
    const image = await t.sql<{ id: string }>(
      `insert into listing_image (id, organisation_id, storage_key, content_type, byte_size, position, created_at)
       values (gen_random_uuid(), $1, 'x/y.png', 'image/png', 10, 0, now()) returning id`,
      [orgA],
    );
    const res = await t.gql(`mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`, { input: await teaListingInput(t, orgB, { imageIds: [image[0]!.id] }) }, b.token);
    expect(res.errors![0]!.extensions.code).toBe('catalog/image-unknown');
    expect(await t.sql(`select 1 from listing where organisation_id = $1`, [orgB])).toHaveLength(0);
  });
});

describe('malformed ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['listing', `{ listing(id: "not-a-uuid") { id } }`, 'catalog/listing-not-found'],
    ['organisation', `{ organisation(id: "1; drop table listing") { id } }`, 'org/not-found'],
    ['organisation listings', `{ organisationListings(organisationId: "x") { nodes { id } } }`, 'org/not-found'],
    ['verify', `mutation { verifyOrganisation(input: { organisationId: "x", approve: true }) { id } }`, 'org/not-found'],
    ['update listing', `mutation { updateListing(id: "x", input: { stock: 1 }) { id } }`, 'catalog/listing-not-found'],
  ])('%s answers with a typed error, never an internal one', async (_label, query, code) => {
    const admin = await makeAdmin(t);
    const res = await t.gql(query, {}, admin.token);
    expect(res.errors![0]!.extensions.code).toBe(code);
  });
});
