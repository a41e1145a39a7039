import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { collect, liveClient } from './live-client';
import { until } from './waiting';
import { createOrganisation, makeAdmin, signUp, type Session } from './fixtures';
import { freePort } from './net';

const ADDED = `subscription($after: ID) { notificationAdded(after: $after) { id kind titleZh titleEn bodyZh link } }`;
const VERIFY = `mutation($o: ID!) { verifyOrganisation(input: { organisationId: $o, approve: true }) { id } }`;

describe('live notifications over GraphQL subscriptions', () => {
  let t: TestApp;
  let url: string;
  let admin: Session;
  const clients: Client[] = [];
  const open = (token?: string) => {
    const made = liveClient(url, token);
    clients.push(made.client);
    return made;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${port}/graphql`;
    admin = await makeAdmin(t);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.close());

  it('tells an owner, live, that the organisation was verified, and nobody else', async () => {
    const owner = await signUp(t);
    const stranger = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const mine = collect(open(owner.token).client, ADDED);
    const theirs = collect(open(stranger.token).client, ADDED);
    // a subscription is live once the server has registered it; the unread count query is a cheap round trip
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.gql(VERIFY, { o: orgId }, admin.token)).errors).toBeUndefined();
    const got = await until('the notification', () => mine.results[0]);
    expect(got.data.notificationAdded).toMatchObject({ kind: 'organisation-verified', titleZh: '安化县测试黑茶合作社 已通过认证', link: `/console?org=${orgId}` });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mine.results).toHaveLength(1);
    expect(theirs.results).toEqual([]);
    // the list and the unread count agree; marking read empties the count
    const list = await t.gql(`{ notifications(first: 10) { nodes { id kind readAt } } unreadNotificationCount }`, {}, owner.token);
    expect(list.data!.notifications.nodes).toEqual([{ id: got.data.notificationAdded.id, kind: 'organisation-verified', readAt: null }]);
    expect(list.data!.unreadNotificationCount).toBe(1);
    // another user's ids mark nothing
    expect((await t.gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [got.data.notificationAdded.id] }, stranger.token)).data!.markNotificationsRead).toBe(0);
    expect((await t.gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [got.data.notificationAdded.id] }, owner.token)).data!.markNotificationsRead).toBe(1);
    expect((await t.gql(`{ unreadNotificationCount }`, {}, owner.token)).data!.unreadNotificationCount).toBe(0);
  });

  it('tells platform admins that an organisation applied, unless they turned that kind off', async () => {
    const otherAdmin = await makeAdmin(t);
    const off = await t.gql(`mutation { setNotificationPreference(kind: "organisation-applied", enabled: false) { kind enabled } }`, {}, otherAdmin.token);
    expect(off.data!.setNotificationPreference.find((p: { kind: string }) => p.kind === 'organisation-applied').enabled).toBe(false);
    const owner = await signUp(t);
    const orgId = await createOrganisation(t, owner, { name: '申请中的合作社' });
    const linkFor = (token: string) =>
      t.gql(`{ notifications(first: 50) { nodes { kind link } } }`, {}, token).then((r) => r.data!.notifications.nodes.filter((n: { link: string }) => n.link === `/admin?org=${orgId}`));
    await until('the admin notification', async () => (await linkFor(admin.token)).length === 1);
    expect(await linkFor(otherAdmin.token)).toEqual([]);
    expect((await t.gql(`mutation { setNotificationPreference(kind: "no-such-kind", enabled: false) { kind } }`, {}, admin.token)).errors![0]!.extensions.code).toBe('notification/kind-unknown');
  });

  it('hands a client that comes back the notifications it missed, after the last one it had', async () => {
    const owner = await signUp(t);
    const first = await createOrganisation(t, owner, { name: '第一家合作社' });
    const second = await createOrganisation(t, owner, { name: '第二家合作社' });
    await t.gql(VERIFY, { o: first }, admin.token);
    const had = await until('the first notification', async () => (await t.gql(`{ notifications(first: 5) { nodes { id } } }`, {}, owner.token)).data!.notifications.nodes[0]?.id);
    // away: the second verification happens while no subscription is open
    await t.gql(VERIFY, { o: second }, admin.token);
    await until('the second notification to exist', async () => (await t.gql(`{ unreadNotificationCount }`, {}, owner.token)).data!.unreadNotificationCount === 2);
    const back = collect(open(owner.token).client, ADDED, { after: had });
    const missed = await until('the missed one', () => back.results[0]);
    expect(missed.data.notificationAdded.titleZh).toBe('第二家合作社 已通过认证');
  });

  it('refuses a connection without a token, with a garbage token, or with one that has expired', async () => {
    for (const token of [undefined, 'garbage', 'eyJzdWIiOiJ4In0.bad']) {
      const { client, closes } = open(token);
      const sub = collect(client, ADDED);
      await until('the close', () => closes[0]);
      expect(closes[0]).toEqual({ code: 4401, reason: 'auth/unauthenticated' });
      expect(sub.results).toEqual([]);
    }
  });

  it('closes a connection when its session ends elsewhere (log-out)', async () => {
    const owner = await signUp(t);
    const { client, closes } = open(owner.token);
    collect(client, ADDED);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closes).toEqual([]);
    await t.gql(`mutation { logOut }`, {}, owner.token);
    await until('the close', () => closes[0]);
    expect(closes[0]).toEqual({ code: 4401, reason: 'auth/unauthenticated' });
  });

  it('refuses queries over the socket, unknown fields, too many subscriptions and oversized messages, each with its reason', async () => {
    const owner = await signUp(t);
    const { client } = open(owner.token);
    const query = collect(client, `query { unreadNotificationCount }`);
    const unknown = collect(client, `subscription { noSuchThing }`);
    await until('the refusals', () => query.ended.error && unknown.ended.error);
    expect(query.ended.error[0].extensions.code).toBe('request/subscriptions-only');
    expect(unknown.ended.error[0].extensions.code).toBe('request/invalid');
    const subs = Array.from({ length: 11 }, () => collect(client, ADDED));
    await until('the eleventh refused', () => subs[10]!.ended.error);
    expect(subs[10]!.ended.error[0].extensions).toMatchObject({ code: 'request/too-many-subscriptions', messageZh: '同一连接上的订阅过多' });
    expect(subs.slice(0, 10).map((s) => s.ended.error?.[0]?.extensions?.code ?? s.ended.error?.code ?? null)).toEqual(Array(10).fill(null));
    // a message past the limit closes the connection (1009: message too big) before anything reads it
    const big = open(owner.token);
    collect(big.client, ADDED, { after: 'x'.repeat(100_000) });
    await until('the close', () => big.closes[0]);
    expect(big.closes[0]!.code).toBe(1009);
  });
});

describe('a connection whose access token expires', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('is closed when the token runs out', async () => {
    t = await startTestApp({ accessTokenTtlSeconds: 2 });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    const owner = await signUp(t);
    const { client, closes } = liveClient(`ws://127.0.0.1:${port}/graphql`, owner.token);
    collect(client, ADDED);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closes).toEqual([]);
    await until('the close at expiry', () => closes[0], 6_000);
    expect(closes[0]).toEqual({ code: 4401, reason: 'auth/unauthenticated' });
    await client.dispose();
  });
});
