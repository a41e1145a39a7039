/**
 * Failures a user can cause or fix, each with a stable code shaped `domain/reason`, a message in
 * Chinese and English, and the HTTP status that goes with it. The catalogue is split by module:
 * this file holds the codes every part of the API uses; each module defines its own with
 * `defineErrors` in `<module>.errors.ts` and adds them to `ErrorCatalogue` (declaration merging),
 * so a code that is not in some catalogue does not compile.
 *
 * `DomainError` knows no transport: GraphQL answers carry it in `extensions` (graphql-errors.ts),
 * plain HTTP endpoints as the body (`toBody`), jobs and commands log it by code.
 */
export interface ErrorDefinition {
  zh: string;
  en: string;
  status: number;
}

type Entry = readonly [zh: string, en: string, status: number];

/** The codes of a module's catalogue, for its `declare module` line. */
export type CodesOf<T> = { [K in keyof T]: true };

const definitions = new Map<string, ErrorDefinition>();

/** Adds a module's errors to the catalogue (at import) and returns them. */
export function defineErrors<const T extends Record<string, Entry>>(entries: T): T {
  for (const [code, [zh, en, status]] of Object.entries(entries)) {
    if (!/^[a-z]+\/[a-z-]+$/.test(code)) throw new Error(`error codes are shaped domain/reason, got "${code}"`);
    if (definitions.has(code)) throw new Error(`error code ${code} is defined twice`);
    definitions.set(code, { zh, en, status });
  }
  return entries;
}

export const COMMON_ERRORS = defineErrors({
  'auth/unauthenticated': ['请先登录', 'Please log in first', 401],
  'auth/forbidden': ['无权执行此操作', 'You are not allowed to do this', 403],
  'input/invalid-text': ['文字中含有不允许的字符（控制字符，或单行内容中的换行）', 'The text contains characters that are not allowed (control characters, or line breaks in a one-line field)', 400],
  'input/invalid-cursor': ['分页游标无效', 'Invalid page cursor', 400],
  'input/too-large': ['请求内容过多或嵌套过深', 'The request has too many values or nests them too deeply', 400],
  'request/invalid': ['请求格式不正确', 'The request is malformed', 400],
  'request/not-found': ['页面不存在', 'Not found', 404],
  'request/page-size': ['每页最多 100 条', 'At most 100 items per page', 400],
  'request/too-complex': ['查询过于复杂', 'The query is too complex', 400],
  'request/too-many-subscriptions': ['同一连接上的订阅过多', 'Too many subscriptions on one connection', 400],
  'request/subscriptions-only': ['WebSocket 上只提供订阅；查询和修改请用 HTTP POST', 'Only subscriptions are served over WebSocket; send queries and mutations as HTTP POST', 400],
  'internal/error': ['服务器内部错误，请稍后再试', 'Something went wrong on our side, please try again', 500],
});

/** Every code of every module's catalogue. */
export interface ErrorCatalogue extends CodesOf<typeof COMMON_ERRORS> {}

export type ErrorCode = keyof ErrorCatalogue & string;

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return definitions.get(code);
}

/** A failure the user caused or can fix. Thrown from services, guards, jobs; never carries internals. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }

  private get definition(): ErrorDefinition {
    const found = definitions.get(this.code);
    if (!found) throw new Error(`error code ${this.code} is in no catalogue that was loaded`);
    return found;
  }

  get messageZh(): string {
    return this.definition.zh;
  }

  get messageEn(): string {
    return this.definition.en;
  }

  get httpStatus(): number {
    return this.definition.status;
  }

  /** What a client receives: the body of a plain HTTP answer, the `extensions` of a GraphQL error. */
  toBody(): { code: ErrorCode; messageZh: string; messageEn: string; details?: Record<string, unknown> } {
    return { code: this.code, messageZh: this.messageZh, messageEn: this.messageEn, ...(this.details ? { details: this.details } : {}) };
  }
}
