import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { FileStorage } from './file-storage.port';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The process's FileStorage: the bucket when S3_BUCKET is set, the uploads folder otherwise. */
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => (config.s3 ? new S3FileStorage(config.s3) : new LocalFileStorage(config.uploadsDir)),
    },
  ],
  exports: [FileStorage],
})
export class FileStorageModule {}
