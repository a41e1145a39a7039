import { Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

export enum MemberRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  STAFF = 'STAFF',
}
registerEnumType(MemberRole, { name: 'MemberRole', description: '所有者 / 管理员 / 员工' });

/** Owners manage members; managers and owners edit the profile; everyone can list and edit produce. */
export const ROLE_RANK: Record<MemberRole, number> = { OWNER: 3, MANAGER: 2, STAFF: 1 };

@Entity({ tableName: 'membership' })
@Unique({ properties: ['organisation', 'user'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Enum({ items: () => MemberRole, nativeEnumName: 'member_role' })
  role!: MemberRole;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
