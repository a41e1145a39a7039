import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** normalized 11-digit mainland mobile number */
  @Property({ type: 'string', length: 11, unique: true })
  phone!: string;

  @Property({ type: 'string', length: 160 })
  displayName!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean', default: false })
  isPlatformAdmin: boolean & Opt = false;

  /** access tokens issued before this instant are refused (set when the password changes) */
  @Property({ type: 'timestamptz' })
  sessionsValidAfter: Date & Opt = new Date(0);

  @Property({ type: 'boolean', default: false })
  isDemo: boolean & Opt = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
