import { createUnionType, Field, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DomainError, type ErrorCode } from './errors';

/**
 * An outcome a client is expected to handle, given as data rather than as an error (out of stock,
 * price changed since the cart was filled): the same code and messages as the error catalogue.
 */
@ObjectType('Problem', { description: '可预期的结果 / An outcome the client handles: a code from the error catalogue, with messages in both languages' })
export class Problem {
  @Field()
  code!: string;

  @Field()
  messageZh!: string;

  @Field()
  messageEn!: string;

  @Field(() => String, { nullable: true, description: 'JSON text with what the client needs to act on it' })
  details!: string | null;

  static of(error: DomainError): Problem {
    return Object.assign(new Problem(), {
      code: error.code,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
      details: error.details ? JSON.stringify(error.details) : null,
    });
  }
}

/**
 * A result union `<Name>Result = Success | Problem` for a mutation whose expected failures the client
 * handles in its flow. `expected` lists those codes: a resolver wraps its call in `settle`, which
 * turns a DomainError with one of them into a Problem and lets everything else stay an error.
 */
export function resultUnion<T extends object>(name: string, success: Type<T>, expected: readonly ErrorCode[]) {
  const union = createUnionType({
    name: `${name}Result`,
    types: () => [success, Problem] as const,
    resolveType: (value: object) => (value instanceof Problem ? Problem : success),
  });
  const codes = new Set<string>(expected);
  return {
    union,
    async settle(run: () => Promise<T>): Promise<T | Problem> {
      try {
        return await run();
      } catch (error) {
        if (error instanceof DomainError && codes.has(error.code)) return Problem.of(error);
        throw error;
      }
    },
  };
}
