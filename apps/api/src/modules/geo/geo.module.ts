import { Module } from '@nestjs/common';
import { GeoResolver } from './geo.resolver';
import { GeoService } from './geo.service';

@Module({ providers: [GeoService, GeoResolver], exports: [GeoService] })
export class GeoModule {}
