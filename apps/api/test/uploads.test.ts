import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileStorage } from '../src/common/file-storage/file-storage.port';
import { APP_CONFIG, type AppConfig } from '../src/config';
import { UnattachedImagesService } from '../src/modules/catalog/unattached-images.service';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, createOrganisation, makeAdmin, multipartFile, signUp, teaListingInput, verify, type Session } from './fixtures';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

describe('listing images', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
    orgId = await createOrganisation(t, owner);
  });
  afterAll(() => t.close());

  async function upload(file: Buffer, name: string, type: string, token: string | null = owner.token, org = orgId) {
    const body = multipartFile(file, name, type);
    return t.app.inject({
      method: 'POST',
      url: `/api/uploads/images?organisationId=${org}`,
      headers: { ...body.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body.payload,
    });
  }

  it('stores a PNG, serves it, and shows it on the listing', async () => {
    const res = await upload(PNG, 'tea.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json() as { id: string; url: string };
    const served = await t.app.inject({ url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    // an uploaded file is only ever an image: not sniffed as anything else, not run, not framed
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    expect(served.headers['content-disposition']).toBe(`inline; filename="${url.split('/').pop()}"`);
    const admin = await makeAdmin(t);
    await verify(t, admin, orgId);
    const listingId = await createListing(t, owner, orgId, { imageIds: [id] });
    const detail = await t.gql(`query($id: ID!) { listing(id: $id) { images { id url } } }`, { id: listingId });
    expect(detail.data!.listing.images).toEqual([{ id, url }]);
  });

  it('refuses a non-image whatever its name or declared type, and writes nothing', async () => {
    const before = await count(t, 'listing_image');
    const res = await upload(Buffer.from('%PDF-1.7 not an image'), 'photo.png', 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'upload/not-image', messageZh: expect.any(String), messageEn: expect.any(String) });
    expect(await count(t, 'listing_image')).toBe(before);
  });

  it('refuses an image header followed by a web page, and stores nothing', async () => {
    const before = await count(t, 'listing_image');
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const res = await upload(polyglot, 'photo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('upload/not-image');
    expect(await count(t, 'listing_image')).toBe(before);
  });

  it('stores what the decoder understood, not what was hidden after the picture', async () => {
    const res = await upload(Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script></html>')]), 'tea.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json() as { id: string; url: string };
    const served = await t.app.inject({ url });
    expect(served.rawPayload.includes('<script>')).toBe(false);
    await t.sql('delete from listing_image where id = $1', [id]); // leaves the sweep below only its own images
  });

  it('answers a body cut off part way with 400, not 500', async () => {
    const body = multipartFile(PNG, 'tea.png', 'image/png');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/uploads/images?organisationId=${orgId}`,
      headers: { ...body.headers, authorization: `Bearer ${owner.token}` },
      payload: body.payload.subarray(0, body.payload.length - 30),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('upload/malformed');
  });

  it('refuses files over 5 MB', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(big, 'big.png', 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('upload/too-large');
  });

  it('answers paths that are no stored file with 404, without asking the storage', async () => {
    const storage = t.app.get(FileStorage);
    const get = vi.spyOn(storage, 'get');
    try {
      for (const path of [`..%2F..%2Fpackage.json`, `%2Fetc%2Fpasswd`, `${orgId}/..%2F..%2Fauth-secret`, `${orgId}%2F..%2F..%2Fauth-secret`, `${orgId}/tea.png`, orgId, `${orgId}/${orgId}.gif`]) {
        const res = await t.app.inject({ url: `/files/${path}` });
        expect([path, res.statusCode, res.json().code]).toEqual([path, 404, 'request/not-found']);
      }
      expect(get).not.toHaveBeenCalled();
      // a key of the right shape that names no file is looked up, and not found either
      const missing = await t.app.inject({ url: `/files/${orgId}/${orgId}.png` });
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'request/not-found']);
    } finally {
      get.mockRestore();
    }
  });

  it('refuses anonymous uploads, bad tokens, and uploads into another organisation', async () => {
    expect((await upload(PNG, 'a.png', 'image/png', null)).statusCode).toBe(401);
    // the same token check as GraphQL: a forged or garbage token is refused, not taken for anonymous
    const garbage = await upload(PNG, 'a.png', 'image/png', 'not-a-token');
    expect([garbage.statusCode, garbage.json().code]).toEqual([401, 'auth/unauthenticated']);
    const forged = await upload(PNG, 'a.png', 'image/png', `${owner.token.slice(0, -4)}AAAA`);
    expect([forged.statusCode, forged.json().code]).toEqual([401, 'auth/unauthenticated']);
    const stranger = await signUp(t);
    const res = await upload(PNG, 'a.png', 'image/png', stranger.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth/forbidden');
  });

  it('removes images nobody attached once they are a day old, file and row, and keeps attached ones', async () => {
    const uploaded = async () => (await upload(PNG, 'tea.png', 'image/png')).json() as { id: string; url: string };
    const attached = await uploaded();
    const fresh = await uploaded();
    const stale = await uploaded();
    await createListing(t, owner, orgId, { imageIds: [attached.id] });
    await t.sql(`update listing_image set created_at = now() - interval '25 hours' where id = any($1)`, [[attached.id, stale.id]]);
    const file = (url: string) => join(t.app.get<AppConfig>(APP_CONFIG).uploadsDir, url.replace('/files/', ''));
    expect(existsSync(file(stale.url))).toBe(true);

    await expect(t.app.get(UnattachedImagesService).sweep()).resolves.toBe(1);

    const left = (await t.sql<{ id: string }>(`select id from listing_image where id = any($1)`, [[attached.id, fresh.id, stale.id]])).map((r) => r.id);
    expect(left.sort()).toEqual([attached.id, fresh.id].sort());
    expect(existsSync(file(stale.url))).toBe(false);
    expect(existsSync(file(attached.url))).toBe(true);
    expect(existsSync(file(fresh.url))).toBe(true);
    // the day is counted from upload: tomorrow the fresh one goes too
    await expect(t.app.get(UnattachedImagesService).sweep(new Date(Date.now() + 25 * 3600 * 1000))).resolves.toBe(1);
    expect(existsSync(file(fresh.url))).toBe(false);
  });

  it('never removes an image while a listing is taking it', async () => {
    const image = (await upload(PNG, 'tea.png', 'image/png')).json() as { id: string };
    await t.sql(`update listing_image set created_at = now() - interval '25 hours' where id = $1`, [image.id]);
    const [created, swept] = await Promise.all([
      t.gql(`mutation($input: CreateListingInput!) { createListing(input: $input) { id images { id } } }`, {
        input: await teaListingInput(t, orgId, { imageIds: [image.id] }),
      }, owner.token),
      t.app.get(UnattachedImagesService).sweep(),
    ]);
    // either the listing got the image, or the sweep took it first and the listing was refused
    if (swept === 1) {
      expect(created.errors?.[0]?.extensions.code).toBe('catalog/image-unknown');
    } else {
      expect(created.errors).toBeUndefined();
      expect(created.data!.createListing.images).toEqual([{ id: image.id }]);
    }
    const rows = await t.sql<{ listing_id: string | null }>(`select listing_id from listing_image where id = $1`, [image.id]);
    expect(rows.length === 0 || rows[0]!.listing_id !== null).toBe(true);
  });

  it('removes day-old files in the uploads folder that no image row names, and nothing else', async () => {
    const uploadsDir = t.app.get<AppConfig>(APP_CONFIG).uploadsDir;
    const kept = (await upload(PNG, 'tea.png', 'image/png')).json() as { url: string };
    const keptFile = join(uploadsDir, kept.url.replace('/files/', ''));
    mkdirSync(join(uploadsDir, orgId), { recursive: true });
    const stray = join(uploadsDir, orgId, 'interrupted-upload.png');
    const recent = join(uploadsDir, orgId, 'being-uploaded.png');
    writeFileSync(stray, PNG);
    writeFileSync(recent, PNG);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    utimesSync(stray, twoDaysAgo, twoDaysAgo);
    utimesSync(keptFile, twoDaysAgo, twoDaysAgo);

    await expect(t.app.get(UnattachedImagesService).sweepStrayFiles()).resolves.toBe(1);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(keptFile)).toBe(true); // its row still names it
    expect(existsSync(recent)).toBe(true); // an upload may still be writing its row
  });
});
