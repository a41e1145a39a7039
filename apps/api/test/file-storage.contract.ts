import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileStorage } from '../src/common/file-storage/file-storage.port';

export interface ContractSubject {
  storage: FileStorage;
  /** writes a file behind the storage's back, as an interrupted upload or a crash would leave it */
  writeStray(key: string, data: Buffer): Promise<void>;
  /** stops what was started for the subject and removes what was made */
  close(): Promise<void>;
}

const TYPES = [
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
] as const;

const anHourFromNow = () => new Date(Date.now() + 3600_000);
const anHourAgo = () => new Date(Date.now() - 3600_000);

/**
 * What every FileStorage does, whichever backend: the suite runs unchanged against each. Each test
 * writes under an owner folder of its own and removes it afterwards, so a shared bucket can run it.
 */
export function describeFileStorageContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`FileStorage: ${name}`, () => {
    let subject: ContractSubject | undefined;
    let storage: FileStorage;
    let owner: string;
    const key = (extension = 'png') => `${owner}/${randomUUID()}.${extension}`;
    const keysOfOwner = async (before: Date) => {
      const keys: string[] = [];
      for await (const listed of storage.listOlderThan(before)) if (listed.startsWith(`${owner}/`)) keys.push(listed);
      return keys.sort();
    };

    beforeAll(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject?.close();
    });
    beforeEach(() => {
      owner = randomUUID();
    });
    afterEach(async () => {
      for (const left of await keysOfOwner(anHourFromNow())) await storage.delete(left);
    });

    it.each(TYPES)('stores a .%s file and reads it back whole, as %s, with its size', async (extension, contentType) => {
      const data = Buffer.from(`${contentType} ${'茶'.repeat(1000)}`);
      const stored = key(extension);
      await storage.put(stored, data, contentType);
      const file = await storage.get(stored);
      expect(file).not.toBeNull();
      expect({ contentType: file!.contentType, byteSize: file!.byteSize }).toEqual({ contentType, byteSize: data.length });
      expect((await buffer(file!.body)).equals(data)).toBe(true);
    });

    it('has nothing under a key no file was stored at, nor under a folder', async () => {
      expect(await storage.get(key())).toBeNull();
      await storage.put(key(), Buffer.from('x'), 'image/png');
      expect(await storage.get(key())).toBeNull();
      expect(await storage.get(owner)).toBeNull();
    });

    it('replaces a file written again under the same key, leaving nothing else behind', async () => {
      const stored = key();
      await storage.put(stored, Buffer.from('first'), 'image/png');
      await storage.put(stored, Buffer.from('second, longer'), 'image/png');
      const file = await storage.get(stored);
      expect((await buffer(file!.body)).toString()).toBe('second, longer');
      expect(await keysOfOwner(anHourFromNow())).toEqual([stored]);
    });

    it('deletes a file; deleting a key with no file is no error', async () => {
      const stored = key();
      await storage.put(stored, Buffer.from('x'), 'image/png');
      await storage.delete(stored);
      expect(await storage.get(stored)).toBeNull();
      await expect(storage.delete(stored)).resolves.toBeUndefined();
      await expect(storage.delete(key())).resolves.toBeUndefined();
    });

    it('lists every key written before a time, strays included, and none written after it', async () => {
      const stored = [key('png'), key('jpg'), key('webp'), key('png'), key('png')];
      for (const [index, each] of stored.entries()) await storage.put(each, Buffer.from(`file ${index}`), TYPES.find(([e]) => each.endsWith(e))![1]);
      const stray = `${owner}/interrupted-upload.png`;
      await subject!.writeStray(stray, Buffer.from('half a file'));

      expect(await keysOfOwner(anHourFromNow())).toEqual([...stored, stray].sort());
      expect(await keysOfOwner(anHourAgo())).toEqual([]);
      // what the sweep lists, it can remove
      await storage.delete(stray);
      expect(await keysOfOwner(anHourFromNow())).toEqual([...stored].sort());
    });

    it('refuses keys the API does not write, and paths out of the storage, before touching anything', async () => {
      const id = randomUUID();
      for (const bad of [`../${owner}/${id}.png`, `/${owner}/${id}.png`, `${owner}/../${id}.png`, `${owner}/sub/${id}.png`, `${owner}/${id}.gif`, `${owner}/${id}`, `${id}.png`, '']) {
        await expect(storage.put(bad, Buffer.from('x'), 'image/png'), bad).rejects.toThrow();
      }
      // a key names its type: a PNG key holds a PNG on every backend
      await expect(storage.put(`${owner}/${id}.png`, Buffer.from('x'), 'image/jpeg')).rejects.toThrow();
      for (const bad of ['../outside.png', `${owner}/../../outside.png`, '/etc/passwd', `${owner}//${id}.png`, `${owner}\\${id}.png`, '', `${owner}/./${id}.png`]) {
        await expect(storage.get(bad), bad).rejects.toThrow();
        await expect(storage.delete(bad), bad).rejects.toThrow();
      }
      expect(await keysOfOwner(anHourFromNow())).toEqual([]);
    });

    it('gets its resources back from bodies dropped unread', async () => {
      const stored = key();
      await storage.put(stored, Buffer.alloc(256 * 1024, 1), 'image/png');
      // more than the S3 client's connection pool (50): a body that kept its connection would stall this
      for (let i = 0; i < 60; i++) (await storage.get(stored))!.body.destroy();
      expect((await buffer((await storage.get(stored))!.body)).length).toBe(256 * 1024);
    });
  });
}
