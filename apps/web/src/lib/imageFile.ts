/**
 * What the image upload accepts, checked in the browser before anything is sent: the API refuses the
 * same files (upload/too-large, upload/not-image) after the whole file has crossed the network.
 */

/** The API's limit (MAX_IMAGE_BYTES): 5 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_MB = 5;
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** At most this many images per listing (catalog/too-many-images). */
export const MAX_IMAGES = 9;

const EXTENSIONS = /\.(jpe?g|png|webp)$/i;

export type ImageFileProblem = 'too-large' | 'not-image';

/**
 * Why the API would refuse `file`, or null. A file whose type the browser does not know is judged
 * by its name; the API still decodes every image and refuses what is not one.
 */
export function imageFileProblem(file: { name: string; size: number; type: string }): ImageFileProblem | null {
  // The API reads the size first (while receiving), so an oversized file of any kind is "too large" there too.
  if (file.size > MAX_IMAGE_BYTES) return 'too-large';
  const typeOk = file.type ? (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type.toLowerCase()) : EXTENSIONS.test(file.name);
  return typeOk ? null : 'not-image';
}
