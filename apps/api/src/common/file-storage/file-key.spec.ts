import { describe, expect, it } from 'vitest';
import { assertStorable, assertStoragePath, fileKey, fileKeyType } from './file-key';

const ORG = '3f1c2b9e-8a4d-4c1e-9b2a-7d6e5f4a3b2c';
const ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('file keys', () => {
  it('names a file by its owner, its id and its type', () => {
    expect(fileKey(ORG.toUpperCase(), ID, 'webp')).toBe(`${ORG}/${ID}.webp`);
    expect(fileKeyType(`${ORG}/${ID}.jpg`)).toBe('image/jpeg');
    expect(fileKeyType(`${ORG}/${ID}.png`)).toBe('image/png');
    expect(() => fileKey('../etc', ID, 'png')).toThrow();
    expect(() => fileKey(ORG, ID, 'html')).toThrow();
  });

  it('serves no other shape: paths, traversal, other names and types', () => {
    for (const key of [`../${ORG}/${ID}.png`, `/${ORG}/${ID}.png`, `${ORG}/../${ID}.png`, `${ORG}/sub/${ID}.png`, `${ORG}/${ID}.svg`, `${ORG}/${ID}.png/`, `${ORG}/tea.png`, `${ID}.png`, '']) {
      expect(fileKeyType(key), key).toBeUndefined();
    }
  });

  it('stores a file only under a file key that names its type', () => {
    expect(() => assertStorable(`${ORG}/${ID}.png`, 'image/png')).not.toThrow();
    expect(() => assertStorable(`${ORG}/${ID}.png`, 'text/html')).toThrow();
    expect(() => assertStorable(`${ORG}/stray.png`, 'image/png')).toThrow();
  });

  it('reaches any name inside the storage, and nothing outside it', () => {
    for (const key of [`${ORG}/${ID}.png`, `${ORG}/interrupted upload.png`, `${ORG}/.${ID}.png.tmp`, 'top-level-file']) {
      expect(() => assertStoragePath(key), key).not.toThrow();
    }
    for (const key of ['', '..', '../x', `${ORG}/../../x`, '/etc/passwd', `${ORG}//x`, `${ORG}/./x`, `${ORG}\\x`, `${ORG}/x\u0000.png`, `${ORG}/`]) {
      expect(() => assertStoragePath(key), key).toThrow();
    }
  });
});
