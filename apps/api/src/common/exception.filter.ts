import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { DomainError } from './errors';

/**
 * Decides where a thrown error is reported, so that each is logged once at the level it deserves.
 * GraphQL errors go back to Apollo, whose formatError (graphql-errors.ts) logs expected ones at
 * debug and unexpected ones at error; Nest's default handler would log every one of them at error.
 * A domain error from a plain HTTP endpoint is answered with its status and body.
 */
@Catch()
export class ExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    if (exception instanceof DomainError) {
      void host.switchToHttp().getResponse<FastifyReply>().status(exception.httpStatus).send(exception.toBody());
      return undefined;
    }
    return super.catch(exception, host);
  }
}
