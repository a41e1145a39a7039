import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config';
import { JobRegistry } from '../events/job-registry';

/** An uploaded image no listing has taken is removed after this long. */
const UNATTACHED_IMAGE_LIFETIME_MS = 24 * 3600 * 1000;

/**
 * Removes images that were uploaded but never attached to a listing (or were taken off one) once
 * they are a day old: the row first, then the file. The sweep runs hourly on one instance (the job
 * queue's schedule); `delete … returning` would hand each image to exactly one sweep even if two
 * ran, and attaching locks the image rows, so an image being attached is never swept. Once a day the folder is checked too, for files a day old that no row
 * names (an upload or a sweep interrupted between its file and its row).
 */
@Injectable()
export class UnattachedImagesService implements OnModuleInit {
  private readonly logger = new Logger('UnattachedImagesService');

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    for (const { storage_key } of rows) {
      await unlink(join(this.config.uploadsDir, storage_key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    if (rows.length) this.logger.log(`removed ${rows.length} unattached image(s)`);
    return rows.length;
  }

  /** Removes files under the uploads folder, older than a day, that no image row names; returns how many. */
  async sweepStrayFiles(now = new Date()): Promise<number> {
    const cutoff = now.getTime() - UNATTACHED_IMAGE_LIFETIME_MS;
    const root = this.config.uploadsDir;
    const folders = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    let removed = 0;
    for (const folder of folders) {
      if (!folder.isDirectory()) continue;
      const keys: string[] = [];
      for (const name of await readdir(join(root, folder.name))) {
        const info = await stat(join(root, folder.name, name)).catch(() => undefined);
        if (info?.isFile() && info.mtimeMs < cutoff) keys.push(`${folder.name}/${name}`);
      }
      if (!keys.length) continue;
      const known: { storage_key: string }[] = await this.orm.em
        .getConnection()
        .execute('select storage_key from listing_image where storage_key in (?)', [keys]);
      const named = new Set(known.map((row) => row.storage_key));
      for (const key of keys) {
        if (named.has(key)) continue;
        await unlink(join(root, key)).catch(() => undefined);
        removed++;
      }
    }
    if (removed) this.logger.log(`removed ${removed} stray image file(s)`);
    return removed;
  }
}
