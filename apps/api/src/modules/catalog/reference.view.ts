import { Field, ObjectType } from '@nestjs/graphql';
import type { UnitInfo } from '@xiangnong/domain';

/** Reference entries shown by code with Chinese and English names (units, certifications). */
@ObjectType({ isAbstract: true })
export class NamedCode {
  @Field()
  code!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;
}

@ObjectType()
export class UnitView extends NamedCode {
  @Field()
  isMass!: boolean;
}

@ObjectType()
export class CertificationView extends NamedCode {}

export function unitView(u: UnitInfo): UnitView {
  return { code: u.code, nameZh: u.zh, nameEn: u.en, isMass: u.mass !== null };
}
