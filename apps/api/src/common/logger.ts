import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Fields that never reach a log line, wherever they appear: credentials, and the values people
 * sent (GraphQL variables carry phone numbers, names and passwords).
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
  '*.variables',
  'err.detail',
  'err.where',
  'err.parameters',
];

interface DatabaseError extends Error {
  /** set on the ORM's exceptions */
  sqlState?: string;
  code?: string;
  table?: string;
  constraint?: string;
  column?: string;
}

/**
 * PostgreSQL's own words from a database error's message. The ORM writes `<sql> - <message>` and
 * appends `\n - detail: …` (which names the row's values); a value PostgreSQL quotes at the end
 * (`invalid input syntax for type uuid: "…"`) is masked too.
 */
function postgresMessage(full: string): string {
  const main = full.split(/\n - (?:detail|hint): /)[0]!;
  const own = main.includes(' - ') ? main.slice(main.lastIndexOf(' - ') + 3) : main;
  return own.replace(/: ".*"$/s, ': "[redacted]"');
}

/**
 * Errors as they are logged. A database error's message, as the ORM builds it, starts with the
 * whole SQL statement and its values (a new user's phone number and password hash, say): only
 * PostgreSQL's own message is kept, with the error's code and the table and constraint it names.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const base = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const db = error as DatabaseError;
  // the ORM's exceptions, and the driver's own errors (raw statements), which carry the row's values in `detail`
  if (!db.sqlState && !/Exception$/.test(error.name) && error.constructor.name !== 'DatabaseError') return base;
  const message = postgresMessage(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
  return {
    type: error.constructor.name === 'DatabaseError' ? 'DatabaseError' : error.name,
    message,
    code: db.code,
    table: db.table,
    constraint: db.constraint,
    column: db.column,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
}

/** One JSON line per event on stdout; request lines carry `reqId`. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'xiangnong-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Routes Nest's own log calls into the same JSON stream. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    if (message instanceof Error) this.logger.error({ context, err: message }, message.name);
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
