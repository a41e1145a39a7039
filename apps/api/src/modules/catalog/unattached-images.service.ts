import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { FileStorage } from '../../common/file-storage/file-storage.port';
import { JobRegistry } from '../events/job-registry';

/** An uploaded image no listing has taken is removed after this long. */
const UNATTACHED_IMAGE_LIFETIME_MS = 24 * 3600 * 1000;
/** Stored keys looked up in one query by the sweep of stray files. */
const STRAY_CHECK_BATCH = 500;

/**
 * Removes images that were uploaded but never attached to a listing (or were taken off one) once
 * they are a day old: the row first, then the file. The sweep runs hourly on one instance (the job
 * queue's schedule); `delete … returning` would hand each image to exactly one sweep even if two
 * ran, and attaching locks the image rows, so an image being attached is never swept. Once a day the
 * storage is checked too, for files a day old that no row names (an upload or a sweep interrupted
 * between its file and its row). Both work through FileStorage: the same on the folder and the bucket.
 */
@Injectable()
export class UnattachedImagesService implements OnModuleInit {
  private readonly logger = new Logger('UnattachedImagesService');

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobRegistry,
    private readonly storage: FileStorage,
  ) {}

  /** Both sweeps run on the job queue's schedule, each tick on exactly one instance. */
  onModuleInit(): void {
    this.jobs.every('sweep-unattached-images', '17 * * * *', async (at) => void (await this.sweep(at)));
    this.jobs.every('sweep-stray-image-files', '43 3 * * *', async (at) => void (await this.sweepStrayFiles(at)));
  }

  /** Removes every unattached image uploaded before `now` minus a day; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_IMAGE_LIFETIME_MS);
    const rows: { storage_key: string }[] = await this.orm.em
      .getConnection()
      .execute('delete from listing_image where listing_id is null and created_at < ? returning storage_key', [cutoff]);
    for (const { storage_key } of rows) await this.storage.delete(storage_key);
    if (rows.length) this.logger.log(`removed ${rows.length} unattached image(s)`);
    return rows.length;
  }

  /** Removes stored files, last written more than a day before `now`, that no image row names; returns how many. */
  async sweepStrayFiles(now = new Date()): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const removeUnnamed = async () => {
      const known: { storage_key: string }[] = await this.orm.em
        .getConnection()
        .execute('select storage_key from listing_image where storage_key in (?)', [batch]);
      const named = new Set(known.map((row) => row.storage_key));
      for (const key of batch) {
        if (named.has(key)) continue;
        await this.storage.delete(key);
        removed++;
      }
      batch = [];
    };
    for await (const key of this.storage.listOlderThan(new Date(now.getTime() - UNATTACHED_IMAGE_LIFETIME_MS))) {
      batch.push(key);
      if (batch.length === STRAY_CHECK_BATCH) await removeUnnamed();
    }
    if (batch.length) await removeUnnamed();
    if (removed) this.logger.log(`removed ${removed} stray image file(s)`);
    return removed;
  }
}
