import sharp from 'sharp';
import { DomainError } from '../../common/errors';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Larger photos are scaled down to this many pixels on their longer side: enough for any phone screen. */
export const MAX_IMAGE_EDGE = 2560;
/** Decoding is refused past this many pixels, so a small file cannot unpack into gigabytes. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface ImageFormat {
  contentType: string;
  extension: string;
}

const FORMATS: Record<string, ImageFormat> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
};

/** The image type a file claims to be, from its first bytes (not from its name or the browser's claim). */
export function sniffImageType(head: Buffer): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return FORMATS.jpeg!;
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return FORMATS.png!;
  if (head.length >= 12 && head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return FORMATS.webp!;
  }
  return null;
}

export interface PreparedImage extends ImageFormat {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes an upload completely and encodes it again in its own format. What is stored and served
 * is only what the decoder understood as pixels: anything hidden after or inside the image (HTML,
 * scripts, a second file) is gone, and so is metadata such as the GPS position of the farm where
 * the photo was taken. The photo is turned upright by its EXIF orientation and scaled down when
 * larger than MAX_IMAGE_EDGE. A file that does not decode in full is refused.
 */
export async function prepareImage(upload: Buffer): Promise<PreparedImage> {
  const claimed = sniffImageType(upload.subarray(0, 16));
  if (!claimed) throw new DomainError('upload/not-image');
  try {
    const input = sharp(upload, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const { format } = await input.metadata();
    const kind = format ? FORMATS[format] : undefined;
    if (!kind || kind.contentType !== claimed.contentType) throw new DomainError('upload/not-image');
    const pipeline = input.rotate().resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'jpeg' ? pipeline.jpeg({ quality: 85, mozjpeg: true }) : format === 'png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 82 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ...kind, data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // sharp's own words say what was wrong with the file; nothing of the server's
    throw new DomainError('upload/not-image', { reason: error instanceof Error ? error.message.split('\n')[0] : undefined });
  }
}
