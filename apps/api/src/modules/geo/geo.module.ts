import { Module } from '@nestjs/common';
import { GeoResolver } from './geo.resolver';
import { GeoService } from './geo.service';
// the module's error codes join the catalogue when the module is loaded
import './geo.errors';

@Module({ providers: [GeoService, GeoResolver], exports: [GeoService] })
export class GeoModule {}
