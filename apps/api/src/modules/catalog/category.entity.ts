import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Channel } from './channel.entity';

@ObjectType({ description: '品类 / Category' })
@Entity({ tableName: 'category' })
@Unique({ properties: ['channel', 'slug'] })
export class Category {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Channel, { fieldName: 'channel_code' })
  channel!: Channel;

  @ManyToOne(() => Category, { nullable: true, fieldName: 'parent_id' })
  parent?: Category;

  @Field()
  @Property({ type: 'string', length: 40 })
  slug!: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 240 })
  nameEn!: string;

  @Field(() => Int)
  @Property({ type: 'smallint', default: 0 })
  sortOrder: number & Opt = 0;
}
