import { DeleteObjectCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { S3Settings } from '../../config';
import { assertStorable, assertStoragePath } from './file-key';
import { FileStorage, type StoredFile } from './file-storage.port';

/**
 * Files in an S3-compatible bucket (S3_BUCKET), shared by every instance. The bucket can stay
 * private: the API reads each file and serves it at the same `/files/` URL as from the folder.
 */
export class S3FileStorage extends FileStorage implements OnApplicationShutdown {
  private readonly client: S3Client;
  private readonly bucket: string;

  /** `listPageSize`: keys per listing request; S3's largest (1000) unless a test wants to see several pages. */
  constructor(
    settings: S3Settings,
    private readonly listPageSize = 1000,
  ) {
    super();
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // A bucket that stops answering must not hold requests (and their connections) forever.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      // The SDK's newer default checksums are not understood by every S3-compatible service; checksums
      // are sent and checked where S3 requires them, and PUT bodies are plain, never aws-chunked.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertStorable(key, contentType);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length }));
  }

  async get(key: string): Promise<StoredFile | null> {
    assertStoragePath(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        body: object.Body as Readable,
        contentType: object.ContentType ?? 'application/octet-stream',
        byteSize: object.ContentLength,
      };
    } catch (error) {
      // only a missing key is "no file"; a missing bucket or refused credentials are the operator's to fix
      if ((error as Error).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStoragePath(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *listOlderThan(before: Date): AsyncIterable<string> {
    for await (const page of paginateListObjectsV2({ client: this.client, pageSize: this.listPageSize }, { Bucket: this.bucket })) {
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified < before) yield object.Key;
      }
    }
  }

  /** Closes the client's kept-alive connections, so that the process can end. */
  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
