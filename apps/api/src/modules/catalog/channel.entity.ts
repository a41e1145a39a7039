import { Entity, type Opt, PrimaryKey, Property, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AttributeSchema } from '@xiangnong/domain';
import { GraphQLJSON } from '../../common/json.scalar';

/** An industry channel (米网, 猪网 …). Channels are rows: a new one needs no code. */
@ObjectType({ description: '行业频道 / Industry channel' })
@Entity({ tableName: 'channel' })
export class Channel {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 20 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 160 })
  nameEn!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  descriptionZh: string & Opt = '';

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  descriptionEn: string & Opt = '';

  @Field(() => GraphQLJSON, { description: 'Attribute definitions that listings in this channel must satisfy' })
  @Property({ type: 'jsonb' })
  attributeSchema!: AttributeSchema;

  @Field(() => Int)
  @Property({ type: 'smallint', default: 0 })
  sortOrder: number & Opt = 0;
}
