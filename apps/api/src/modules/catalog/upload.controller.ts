import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Inject, Post, Query, Req, Res } from '@nestjs/common';
import '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { RequestContext } from '../../common/request-context';
import { AuthService } from '../identity/auth.service';
import { OrganisationService } from '../identity/organisation.service';
import { MAX_IMAGE_BYTES, sniffImageType } from './image-upload';
import { ListingImage } from './listing-image.entity';

/**
 * Image upload for listings: multipart, one file, at most 5 MB, JPEG/PNG/WebP by content.
 * The image belongs to the organisation until a listing takes it.
 */
@Controller('api/uploads')
export class UploadController {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly organisations: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('images')
  async upload(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('organisationId') organisationId: string | undefined,
  ): Promise<void> {
    try {
      const header = request.headers.authorization;
      const user = await this.auth.authenticate(header?.startsWith('Bearer ') ? header.slice(7) : undefined);
      const ctx = new RequestContext(user, request.ip, String(request.id), user?.familyId);
      ctx.requireUser();
      if (!organisationId || !isUuid(organisationId)) throw new DomainError('auth/forbidden');
      await this.organisations.requireSeller(ctx, organisationId);
      if (!request.isMultipart()) throw new DomainError('upload/missing-file');
      const part = await request.file({ limits: { fileSize: MAX_IMAGE_BYTES } });
      if (!part) throw new DomainError('upload/missing-file');
      const buffer = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('upload/too-large');
        throw error;
      });
      if (part.file.truncated || buffer.length > MAX_IMAGE_BYTES) throw new DomainError('upload/too-large');
      const type = sniffImageType(buffer.subarray(0, 16));
      if (!type) throw new DomainError('upload/not-image');
      const id = randomUUID();
      const storageKey = `${organisationId}/${id}.${type.extension}`;
      await mkdir(join(this.config.uploadsDir, organisationId), { recursive: true });
      await writeFile(join(this.config.uploadsDir, storageKey), buffer);
      await this.em.fork().transactional(async (em) => {
        em.create(ListingImage, { id, organisation: organisationId, storageKey, contentType: type.contentType, byteSize: buffer.length });
      });
      await reply.status(201).send({ id, url: `/files/${storageKey}`, contentType: type.contentType, byteSize: buffer.length });
    } catch (error) {
      if (error instanceof DomainError) {
        const { code, messageZh, messageEn } = error.extensions as Record<string, string>;
        await reply.status(error.httpStatus).send({ code, messageZh, messageEn });
        return;
      }
      throw error;
    }
  }
}
