import { Controller, Post, Query, Req } from '@nestjs/common';
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DomainError } from '../../common/errors';
import { requestContextFrom } from '../../common/request-auth';
import { AuthService } from '../identity/auth.service';
import { TradeFlowsService } from './trade-flows';

/** Monthly tables are small: read in one request. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Import/export figure files from the admin page: multipart, one CSV or XLSX file of at most 5 MB,
 * checked and written in the request. `source` names where the figures come from (the file's name
 * when left out and the file has no 来源 column).
 */
@Controller('api/market')
export class TradeFlowsController {
  constructor(
    private readonly auth: AuthService,
    private readonly flows: TradeFlowsService,
  ) {}

  @Post('trade-flows')
  async upload(@Req() request: FastifyRequest, @Query('source') source: string | undefined): Promise<{ rowsRead: number; rowsWritten: number }> {
    const ctx = await requestContextFrom(request, this.auth);
    ctx.requireAdmin();
    if (!request.isMultipart()) throw new DomainError('upload/missing-file');
    const part = await request.file({ limits: { fileSize: MAX_BYTES, files: 1 } });
    if (!part) throw new DomainError('upload/missing-file');
    const content = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('market/flows-too-large', { maxBytes: MAX_BYTES });
      throw error;
    });
    return this.flows.import(ctx, () => Readable.from([content]), part.filename, source);
  }
}
