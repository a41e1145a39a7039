import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { AuthService } from './auth.service';
import { AuthResolver, OrganisationFieldsResolver } from './identity.resolver';
import { OrganisationService } from './organisation.service';

@Module({
  imports: [GeoModule],
  providers: [AuthService, OrganisationService, AuthResolver, OrganisationFieldsResolver],
  exports: [AuthService, OrganisationService],
})
export class IdentityModule {}
