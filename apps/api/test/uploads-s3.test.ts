import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG, type AppConfig } from '../src/config';
import { UnattachedImagesService } from '../src/modules/catalog/unattached-images.service';
import { createListing, multipartFile, verifiedSeller, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { startS3Server, type TestS3Server } from './s3-server';

const DAY_MS = 24 * 3600 * 1000;

/** The whole API with S3_* pointing at an S3-compatible server: images go to the bucket and come back through /files/. */
describe('listing images in an S3-compatible bucket', () => {
  let s3: TestS3Server | undefined;
  let t: TestApp | undefined;
  let bucket: S3Client;
  let owner: Session;
  let orgId: string;
  let png: Buffer;

  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp({ s3: s3.settings });
    bucket = new S3Client({ ...s3.settings, requestChecksumCalculation: 'WHEN_REQUIRED' });
    ({ owner, orgId } = await verifiedSeller(t));
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 10, g: 120, b: 40 } } }).png().toBuffer();
  });
  afterAll(async () => {
    bucket?.destroy();
    try {
      await t?.close();
    } finally {
      await s3?.stop();
    }
  });

  async function upload(): Promise<{ id: string; url: string }> {
    const body = multipartFile(png, 'tea.png', 'image/png');
    const res = await t!.app.inject({
      method: 'POST',
      url: `/api/uploads/images?organisationId=${orgId}`,
      headers: { ...body.headers, authorization: `Bearer ${owner.token}` },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; url: string };
  }

  /** The object under a /files/ URL as the bucket has it, or null. */
  async function inBucket(url: string): Promise<{ contentType?: string } | null> {
    try {
      const object = await bucket.send(new GetObjectCommand({ Bucket: s3!.settings.bucket, Key: url.replace('/files/', '') }));
      await object.Body!.transformToByteArray();
      return { contentType: object.ContentType };
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  it('stores an upload in the bucket, not the folder, and serves it at /files/ with the same headers', async () => {
    const { id, url } = await upload();
    expect(await inBucket(url)).toEqual({ contentType: 'image/png' });
    const uploadsDir = t!.app.get<AppConfig>(APP_CONFIG).uploadsDir;
    expect(existsSync(uploadsDir) ? readdirSync(uploadsDir) : []).toEqual([]);

    const served = await t!.app.inject({ url });
    expect(served.statusCode).toBe(200);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(served.rawPayload.length),
      'cache-control': 'public, max-age=604800, immutable',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'content-disposition': `inline; filename="${id}.png"`,
      'x-content-type-options': 'nosniff',
    });
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'png', width: 8, height: 8 });

    const listingId = await createListing(t!, owner, orgId, { imageIds: [id] });
    const detail = await t!.gql(`query($id: ID!) { listing(id: $id) { images { id url } } }`, { id: listingId });
    expect(detail.data!.listing.images).toEqual([{ id, url }]);
  });

  it('answers a key the bucket does not have with 404 request/not-found', async () => {
    const res = await t!.app.inject({ url: `/files/${orgId}/00000000-0000-4000-8000-000000000000.png` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('request/not-found');
  });

  it('sweeps unattached images and stray objects from the bucket, and keeps attached ones', async () => {
    const attached = await upload();
    const unattached = await upload();
    await createListing(t!, owner, orgId, { imageIds: [attached.id] });
    await t!.sql(`update listing_image set created_at = now() - interval '25 hours' where id = any($1)`, [[attached.id, unattached.id]]);
    const stray = `${orgId}/interrupted-upload.png`;
    await bucket.send(new PutObjectCommand({ Bucket: s3!.settings.bucket, Key: stray, Body: png, ContentType: 'image/png' }));
    const sweeper = t!.app.get(UnattachedImagesService);

    await expect(sweeper.sweep()).resolves.toBe(1);
    expect(await inBucket(unattached.url)).toBeNull();
    expect((await t!.app.inject({ url: unattached.url })).statusCode).toBe(404);
    expect(await inBucket(attached.url)).not.toBeNull();

    // a bucket keeps no backdated times: two days on, every object is old enough for the daily sweep
    await expect(sweeper.sweepStrayFiles(new Date(Date.now() + 2 * DAY_MS))).resolves.toBe(1);
    expect(await inBucket(`/files/${stray}`)).toBeNull();
    expect(await inBucket(attached.url)).not.toBeNull();
    expect((await t!.app.inject({ url: attached.url })).statusCode).toBe(200);
  });
});
