import type { EntityManager } from '@mikro-orm/postgresql';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DomainError } from './errors';

export interface AuthUser {
  id: string;
  isPlatformAdmin: boolean;
}

/**
 * Who is asking, from where, and the per-request DataLoaders. Every service method that depends on
 * the caller takes it first.
 */
export class RequestContext {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly user: AuthUser | undefined,
    readonly ip: string,
    readonly requestId: string,
    /** the refresh-token family of the access token, i.e. the session */
    readonly sessionId?: string,
  ) {}

  static anonymous(): RequestContext {
    return new RequestContext(undefined, '127.0.0.1', 'internal');
  }

  requireUser(): AuthUser {
    if (!this.user) throw new DomainError('auth/unauthenticated');
    return this.user;
  }

  requireAdmin(): AuthUser {
    const user = this.requireUser();
    if (!user.isPlatformAdmin) throw new DomainError('auth/forbidden');
    return user;
  }

  /**
   * A DataLoader shared by every resolver of this request. `batch` gets distinct keys and returns
   * the values found; missing keys resolve to undefined.
   */
  loader<K extends string | number, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<V[]>,
    keyOf: (value: V) => K,
  ): DataLoader<K, V | undefined> {
    let loader = this.loaders.get(name) as DataLoader<K, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V | undefined>(
        async (keys) => {
          const found = new Map((await batch(keys)).map((v) => [keyOf(v), v]));
          return keys.map((k) => found.get(k));
        },
        { maxBatchSize: 500 },
      );
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GraphQLContext {
  ctx: RequestContext;
  em?: EntityManager;
}

/** The request context of the current GraphQL operation. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().ctx;
});
