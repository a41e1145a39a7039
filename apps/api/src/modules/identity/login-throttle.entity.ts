import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Login attempts counted per phone number and per client address (each a hashed key) in a
 * window that starts with the first attempt. Kept in PostgreSQL so that every API instance counts
 * against the same limit; see AuthService.logIn for how an attempt is taken.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  windowStartedAt!: Date;
}
