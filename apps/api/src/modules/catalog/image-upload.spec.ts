import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_IMAGE_EDGE, prepareImage, sniffImageType } from './image-upload';

describe('image sniffing', () => {
  it('recognises JPEG, PNG and WebP by their bytes', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('89504e470d0a1a0a0000', 'hex'))?.contentType).toBe('image/png');
    expect(sniffImageType(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))?.contentType).toBe('image/webp');
  });

  it('refuses other files, whatever they are called', () => {
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('preparing an upload', () => {
  const photo = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

  it('keeps a real photo, encoded again in its own format', async () => {
    const jpeg = await photo(64, 48).jpeg().toBuffer();
    const prepared = await prepareImage(jpeg);
    expect(prepared).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg', width: 64, height: 48 });
    expect((await sharp(prepared.data).metadata()).format).toBe('jpeg');
  });

  it('refuses an image header followed by a web page', async () => {
    for (const head of [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1')]) {
      const polyglot = Buffer.concat([head, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
      await expect(prepareImage(polyglot)).rejects.toMatchObject({ code: 'upload/not-image' });
    }
  });

  it('drops whatever was hidden after a valid image', async () => {
    const png = await photo(16, 16).png().toBuffer();
    const prepared = await prepareImage(Buffer.concat([png, Buffer.from('<html><script>alert(1)</script></html>')]));
    expect(prepared.data.includes('<script>')).toBe(false);
    expect(prepared.contentType).toBe('image/png');
  });

  it('removes metadata such as where the photo was taken, and turns it upright', async () => {
    const tagged = await photo(40, 20)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: '云台山合作社' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 22/1 0/1' } } })
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const prepared = await prepareImage(tagged);
    const meta = await sharp(prepared.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([20, 40]);
  });

  it('refuses a file that stops part way', async () => {
    const jpeg = await photo(200, 200).jpeg().toBuffer();
    await expect(prepareImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).rejects.toMatchObject({ code: 'upload/not-image' });
  });

  it('refuses a small file that would unpack into an enormous picture', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(prepareImage(bomb)).rejects.toMatchObject({ code: 'upload/not-image' });
  });

  it('scales large photos down to what a screen shows', async () => {
    const big = await photo(4000, 3000).jpeg().toBuffer();
    const prepared = await prepareImage(big);
    expect([prepared.width, prepared.height]).toEqual([MAX_IMAGE_EDGE, 1920]);
  });
});
