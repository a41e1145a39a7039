import { describe, expect, it } from 'vitest';
import { imageFileProblem, MAX_IMAGE_BYTES } from '../src/lib/imageFile';

describe('images checked before upload', () => {
  it('accepts JPEG, PNG and WebP up to 5 MB', () => {
    expect(imageFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES })).toBeNull();
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 1 })).toBeNull();
    expect(imageFileProblem({ name: 'a.webp', type: 'image/webp', size: 1 })).toBeNull();
  });

  it('refuses anything above 5 MB, as the API does first', () => {
    expect(MAX_IMAGE_BYTES).toBe(5 * 1024 * 1024);
    expect(imageFileProblem({ name: 'big.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toBe('too-large');
    expect(imageFileProblem({ name: 'big.gif', type: 'image/gif', size: MAX_IMAGE_BYTES + 1 })).toBe('too-large');
  });

  it('refuses other kinds of file', () => {
    expect(imageFileProblem({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe('not-image');
    expect(imageFileProblem({ name: 'a.heic', type: 'image/heic', size: 10 })).toBe('not-image');
    expect(imageFileProblem({ name: 'notes.pdf', type: 'application/pdf', size: 10 })).toBe('not-image');
  });

  it('judges a file of unknown type by its name', () => {
    expect(imageFileProblem({ name: 'IMG_001.JPEG', type: '', size: 10 })).toBeNull();
    expect(imageFileProblem({ name: 'notes.txt', type: '', size: 10 })).toBe('not-image');
  });
});
