import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Post, Query, Req, Res } from '@nestjs/common';
import '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { fileKey } from '../../common/file-storage/file-key';
import { FileStorage } from '../../common/file-storage/file-storage.port';
import { isUuid } from '../../common/ids';
import { requestContextFrom } from '../../common/request-auth';
import { AuthService } from '../identity/auth.service';
import { OrganisationService } from '../identity/organisation.service';
import { MAX_IMAGE_BYTES, prepareImage } from './image-upload';
import { ListingImage } from './listing-image.entity';

/**
 * Image upload for listings: multipart, one file, at most 5 MB, JPEG/PNG/WebP that decodes in
 * full; what is stored is the image encoded again (see prepareImage), in the configured FileStorage.
 * The image belongs to the organisation until a listing takes it. The caller is read from the request
 * as for GraphQL (requestContextFrom). Refusals are DomainErrors, answered by ExceptionFilter.
 */
@Controller('api/uploads')
export class UploadController {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly organisations: OrganisationService,
    private readonly storage: FileStorage,
  ) {}

  @Post('images')
  async upload(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('organisationId') organisationId: string | undefined,
  ): Promise<void> {
    const ctx = await requestContextFrom(request, this.auth);
    ctx.requireUser();
    if (!organisationId || !isUuid(organisationId)) throw new DomainError('auth/forbidden');
    await this.organisations.requireSeller(ctx, organisationId);
    const image = await prepareImage(await receiveFile(request));
    const id = randomUUID();
    const storageKey = fileKey(organisationId, id, image.extension);
    // the file first, then its row: an upload cut off between the two leaves a stray file for the daily sweep
    await this.storage.put(storageKey, image.data, image.contentType);
    await this.em.fork().transactional(async (em) => {
      em.create(ListingImage, { id, organisation: organisationId, storageKey, contentType: image.contentType, byteSize: image.data.length });
    });
    await reply.status(201).send({ id, url: `/files/${storageKey}`, contentType: image.contentType, byteSize: image.data.length, width: image.width, height: image.height });
  }
}

/** The one file of a multipart upload, whole; a body that is cut off or malformed is the client's error. */
async function receiveFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new DomainError('upload/missing-file');
  try {
    const part = await request.file({ limits: { fileSize: MAX_IMAGE_BYTES } });
    if (!part) throw new DomainError('upload/missing-file');
    const buffer = await part.toBuffer();
    if (part.file.truncated || buffer.length > MAX_IMAGE_BYTES) throw new DomainError('upload/too-large');
    return buffer;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('upload/too-large');
    throw new DomainError('upload/malformed');
  }
}
