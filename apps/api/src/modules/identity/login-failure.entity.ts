import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A failed login, counted per phone number and per client address. Kept in PostgreSQL so that
 * every API instance sees the same counts.
 */
@Entity({ tableName: 'login_failure' })
@Index({ properties: ['phoneKey', 'createdAt'] })
@Index({ properties: ['ipKey', 'createdAt'] })
export class LoginFailure {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 64 })
  phoneKey!: string;

  @Property({ type: 'string', length: 64 })
  ipKey!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
