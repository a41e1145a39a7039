import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, createOrganisation, verify, type Session } from './fixtures';
import { checkInvariants, makeAdmin, place, sellerWithListing, signUp, stationOperator } from './ordering-fixtures';

const TEMPLATE = `mutation($org: ID!, $input: ShippingTemplateInput!) { setShippingTemplate(organisationId: $org, input: $input) { zones { regions firstFen } excluded freeAboveFen } }`;
const zone = { regions: ['430900'], firstKg: 1, firstFen: 600, additionalKg: 1, additionalFen: 200 };
const template = (overrides: Record<string, unknown> = {}) => ({ zones: [zone], excluded: [], coldChainFenPerKg: 0, freeAboveFen: null, pieceWeightGrams: 1000, ...overrides });

describe('shipping templates, stations and their rules', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
  });
  afterAll(() => t.close());

  it('lets a seller set a template, reads it back, and refuses bad ones without a change', async () => {
    const seller = await sellerWithListing(t, admin, { stock: 10 });
    const read = `query($org: ID!) { shippingTemplate(organisationId: $org) { isDefault rules { zones { regions } freeAboveFen } } }`;
    expect((await t.gql(read, { org: seller.orgId }, seller.owner.token)).data!.shippingTemplate.isDefault).toBe(true);
    const set = await t.gql(TEMPLATE, { org: seller.orgId, input: template({ freeAboveFen: 30000 }) }, seller.owner.token);
    expect(set.data!.setShippingTemplate).toEqual({ zones: [{ regions: ['430900'], firstFen: 600 }], excluded: [], freeAboveFen: 30000 });
    const bad = [
      template({ zones: [] }),
      template({ zones: [{ ...zone, regions: ['110101'] }] }),
      template({ zones: [{ ...zone, regions: ['439999'] }] }),
      template({ zones: [{ ...zone, additionalKg: 0 }] }),
      template({ coldChainFenPerKg: -5 }),
      template({ pieceWeightGrams: 0 }),
    ];
    for (const input of bad) {
      const result = await t.gql(TEMPLATE, { org: seller.orgId, input }, seller.owner.token);
      expect(result.errors?.[0]?.extensions.code, JSON.stringify(input)).toBe('logistics/template-invalid');
    }
    const after = await t.gql(read, { org: seller.orgId }, seller.owner.token);
    expect(after.data!.shippingTemplate).toEqual({ isDefault: false, rules: { zones: [{ regions: ['430900'] }], freeAboveFen: 30000 } });
    // another organisation's member may neither read nor set it
    const other = await signUp(t);
    expect((await t.gql(TEMPLATE, { org: seller.orgId, input: template() }, other.token)).errors?.[0]?.extensions.code).toBe('auth/forbidden');
    // and the freight follows the template: 益阳 is served, 长沙 is not
    const buyer = await signUp(t);
    const lines = [{ listingId: seller.listingId, quantity: 3 }];
    const quote = `query($input: CartInput!) { checkoutQuote(input: $input) { freightFen } }`;
    const near = await t.gql(quote, { input: { lines, paymentMethod: 'BANK_TRANSFER', delivery: { countyCode: '430921', address: '南县城关镇', recipientName: '买家', recipientPhone: '13912340000' } } }, buyer.token);
    expect(near.data!.checkoutQuote.freightFen).toBe(600 + 200); // 3 斤 = 1.5 kg → 2 kg
    const far = await t.gql(quote, { input: { lines, paymentMethod: 'BANK_TRANSFER', delivery: { countyCode: '430102', address: '芙蓉区', recipientName: '买家', recipientPhone: '13912340000' } } }, buyer.token);
    expect(far.errors?.[0]?.extensions.code).toBe('logistics/area-not-served');
  });

  it('lets only managers of a verified service-station organisation add stations, and lists stations by county or prefecture', async () => {
    const { stationId, orgId, operator } = await stationOperator(t, admin, '431226');
    const seller = await sellerWithListing(t, admin, { stock: 5 });
    const before = await count(t, 'service_station');
    const bySeller = await t.gql(
      `mutation($input: CreateServiceStationInput!) { createServiceStation(input: $input) { id } }`,
      { input: { organisationId: seller.orgId, name: '冒充服务站', countyCode: '430923', address: '某村' } },
      seller.owner.token,
    );
    expect(bySeller.errors?.[0]?.extensions.code).toBe('auth/forbidden');
    const badName = await t.gql(
      `mutation($input: CreateServiceStationInput!) { createServiceStation(input: $input) { id } }`,
      { input: { organisationId: orgId, name: '站', countyCode: '431226', address: '高村镇' } },
      operator.token,
    );
    expect(badName.errors?.[0]?.extensions.code).toBe('logistics/station-invalid');
    expect(await count(t, 'service_station')).toBe(before);
    const list = async (countyCode: string) => (await t.gql(`query($c: String) { serviceStations(countyCode: $c) { id } }`, { c: countyCode })).data!.serviceStations.map((s: any) => s.id);
    expect(await list('431226')).toContain(stationId);
    expect(await list('431200')).toContain(stationId); // 怀化市
    expect(await list('430923')).not.toContain(stationId);
    // a station whose operator is not verified takes no parcels
    const unverified = await signUp(t);
    const unverifiedOrg = await createOrganisation(t, unverified, { name: '未认证服务站', kind: 'SERVICE_STATION', countyCode: '431226' });
    const pending = await t.gql(
      `mutation($input: CreateServiceStationInput!) { createServiceStation(input: $input) { id } }`,
      { input: { organisationId: unverifiedOrg, name: '未认证村服务站', countyCode: '431226', address: '某村村部' } },
      unverified.token,
    );
    expect(await list('431226')).not.toContain(pending.data!.createServiceStation.id);
    const buyer = await signUp(t);
    const refused = await place(t, buyer, { delivery: { stationId: pending.data!.createServiceStation.id, recipientName: '买家', recipientPhone: '13912340000' }, lines: [{ listingId: seller.listingId, quantity: 1 }] });
    expect(refused.errors?.[0]?.extensions.code).toBe('logistics/station-unknown');
  });

  it('lists verified logistics partners, and a seller can hand a parcel to one, who then sees it and delivers it', async () => {
    const partnerOwner = await signUp(t, '物流');
    const partnerOrg = await createOrganisation(t, partnerOwner, { name: '县域冷链配送公司', kind: 'LOGISTICS', countyCode: '430923' });
    const listed = async () => (await t.gql(`query { logisticsPartners { id name } }`)).data!.logisticsPartners.map((p: { id: string }) => p.id);
    expect(await listed()).not.toContain(partnerOrg);
    await verify(t, admin, partnerOrg);
    expect(await listed()).toContain(partnerOrg);
    const seller = await sellerWithListing(t, admin, { stock: 5 });
    const buyer = await signUp(t);
    const order = (await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId: seller.listingId, quantity: 1 }] })).data!.placeCheckout.orders[0];
    const shipped = await t.gql(`mutation($id: ID!, $p: ID!) { shipOrder(input: { orderId: $id, ownDelivery: true, logisticsOrganisationId: $p }) { status } }`, { id: order.id, p: partnerOrg }, seller.owner.token);
    expect(shipped.data!.shipOrder.status).toBe('SHIPPED');
    const theirs = await t.gql(`query($o: ID!) { partnerOrders(organisationId: $o) { nodes { id actions } } }`, { o: partnerOrg }, partnerOwner.token);
    expect(theirs.data!.partnerOrders.nodes).toEqual([{ id: order.id, actions: ['deliver', 'track'] }]);
    const delivered = await t.gql(`mutation($id: ID!) { markDelivered(orderId: $id) { status paidAt } }`, { id: order.id }, partnerOwner.token);
    expect(delivered.data!.markDelivered.status).toBe('DELIVERED');
    expect(delivered.data!.markDelivered.paidAt).toBeTruthy(); // cash collected by the one who handed it over
  });

  it('has invariant checks that notice a broken ledger', async () => {
    const seller = await sellerWithListing(t, admin, { stock: 10 });
    await checkInvariants(t);
    await t.sql('update listing set stock = stock - 1 where id = $1', [seller.listingId]);
    await expect(checkInvariants(t)).rejects.toThrow(/ledger of .* does not add up/);
    await t.sql('update listing set stock = stock + 1 where id = $1', [seller.listingId]);
    await checkInvariants(t);
  });
});
