import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { AuthService } from './auth.service';
import { AuthResolver, OrganisationFieldsResolver } from './identity.resolver';
import { OrganisationService } from './organisation.service';
// the module's error codes join the catalogue when the module is loaded
import './identity.errors';

@Module({
  imports: [EventsModule, GeoModule],
  providers: [AuthService, OrganisationService, AuthResolver, OrganisationFieldsResolver],
  exports: [AuthService, OrganisationService],
})
export class IdentityModule {}
