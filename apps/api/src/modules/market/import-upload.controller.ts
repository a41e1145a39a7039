import { Controller, Post, Query, Req, Res } from '@nestjs/common';
import '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors';
import { requestContextFrom } from '../../common/request-auth';
import { AuthService } from '../identity/auth.service';
import { MAX_UPLOAD_BYTES, PriceImportService } from './price-import.service';

/**
 * Price files from the admin page: multipart, one file, up to 200 MB, streamed into the database in
 * pieces and imported by a task on any instance. Answers 202 with the import's id; its progress is
 * read with the `priceImport` query.
 */
@Controller('api/market')
export class ImportUploadController {
  constructor(
    private readonly auth: AuthService,
    private readonly imports: PriceImportService,
  ) {}

  @Post('imports')
  async upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('mapping') mapping: string | undefined): Promise<void> {
    const ctx = await requestContextFrom(request, this.auth);
    ctx.requireAdmin();
    if (!request.isMultipart()) throw new DomainError('upload/missing-file');
    const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    if (!part) throw new DomainError('upload/missing-file');
    const row = await this.imports.upload(ctx, part.file, part.filename, mapping?.trim() || null);
    if (part.file.truncated) throw new DomainError('market/file-too-large');
    await reply.status(202).send({ id: row.id, status: row.status });
  }
}
