import type { Readable } from 'node:stream';

/** A stored file as read back: its bytes as a stream, and what to say about them when serving it. */
export interface StoredFile {
  /** must be read to its end or destroyed: on S3 it holds one of the client's connections */
  body: Readable;
  contentType: string;
  /** undefined when the backend did not say (the answer is then sent chunked) */
  byteSize: number | undefined;
}

/**
 * Where uploaded files live: a folder on this machine (LocalFileStorage) or an S3-compatible
 * bucket that several instances share (S3FileStorage), chosen by configuration. Keys are relative
 * paths such as `<organisation>/<id>.png` (see file-key.ts); every implementation passes the same
 * contract tests (test/file-storage.contract.ts).
 */
export abstract class FileStorage {
  /**
   * Stores a file under a key the API gave out (see fileKey), replacing any file there. Readers see
   * the old file or the new one whole, never a part. The key's extension names the type the file
   * is served as, on every backend; `contentType` must agree with it.
   */
  abstract put(key: string, data: Buffer, contentType: string): Promise<void>;

  /** The file under the key, or null when there is none. */
  abstract get(key: string): Promise<StoredFile | null>;

  /** Removes the file under the key; a key with no file is not an error. */
  abstract delete(key: string): Promise<void>;

  /**
   * Every key whose file was last written before `before`, in no particular order, whatever its
   * name (files left by an interrupted write included): what the sweep of stray files looks at.
   */
  abstract listOlderThan(before: Date): AsyncIterable<string>;
}
