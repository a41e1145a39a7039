import { Args, Query, Resolver } from '@nestjs/graphql';
import { County } from './county.entity';
import { GeoService } from './geo.service';

@Resolver(() => County)
export class GeoResolver {
  constructor(private readonly geo: GeoService) {}

  @Query(() => [County], { description: '湖南省县级行政区 / Counties of Hunan' })
  counties(
    @Args('povertyOnly', { nullable: true }) povertyOnly?: boolean,
    @Args('prefectureCode', { nullable: true }) prefectureCode?: string,
  ): Promise<County[]> {
    return this.geo.counties({ povertyOnly: povertyOnly ?? false, prefectureCode });
  }
}
