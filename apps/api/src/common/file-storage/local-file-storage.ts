import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { assertStorable, assertStoragePath, fileKeyType } from './file-key';
import { FileStorage, type StoredFile } from './file-storage.port';

/** An error of a file that is not there, or whose folder is not. */
function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Files in a folder on this machine (UPLOADS_DIR), one path per key. Several instances share them
 * only through a shared volume; otherwise configure a bucket (S3FileStorage).
 */
export class LocalFileStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  /** Written beside its final name and renamed over it: a reader never finds half a file. */
  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertStorable(key, contentType);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    // a leftover of a crash between the two steps is a stray file: the daily sweep removes it
    const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    assertStoragePath(key);
    const handle = await open(join(this.root, key), 'r').catch((error: unknown) => {
      if (missing(error)) return null;
      throw error;
    });
    if (!handle) return null;
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      // The folder keeps no metadata: the type is the one the key's extension named when it was put.
      return { body: handle.createReadStream(), contentType: fileKeyType(key) ?? 'application/octet-stream', byteSize: info.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStoragePath(key);
    await unlink(join(this.root, key)).catch((error: unknown) => {
      if (!missing(error)) throw error;
    });
  }

  async *listOlderThan(before: Date): AsyncIterable<string> {
    yield* this.walk('', before.getTime());
  }

  /** The files below one folder, depth first; a folder removed meanwhile has none. */
  private async *walk(folder: string, beforeMs: number): AsyncIterable<string> {
    const entries = await readdir(join(this.root, folder), { withFileTypes: true }).catch((error: unknown) => {
      if (missing(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      const key = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        yield* this.walk(key, beforeMs);
      } else if (entry.isFile()) {
        const info = await stat(join(this.root, key)).catch(() => undefined);
        if (info && info.mtimeMs < beforeMs) yield key;
      }
    }
  }
}
