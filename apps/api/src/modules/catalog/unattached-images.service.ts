import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config';

/** An uploaded image no listing has taken is removed after this long. */
export const UNATTACHED_IMAGE_LIFETIME_MS = 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;
const FIRST_SWEEP_AFTER_MS = 60 * 1000;

/**
 * Removes images that were uploaded but never attached to a listing (or were taken off one) once
 * they are a day old: the row first, then the file. Every instance sweeps; `delete … returning`
 * hands each image to exactly one of them, and attaching locks the image rows, so an image being
 * attached is never swept.
 */
@Injectable()
export class UnattachedImagesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('UnattachedImagesService');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.sweep().catch((error: Error) => this.logger.error(`sweeping unattached images failed: ${error.message}`));
    this.timers = [setTimeout(run, FIRST_SWEEP_AFTER_MS).unref(), setInterval(run, SWEEP_EVERY_MS).unref()];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
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
}
