import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PaymentsResolver } from './payments.resolver';
import { PaymentsService } from './payments.service';
// the module's error codes join the catalogue when the module is loaded
import './payments.errors';

/** Ways of paying (bank transfer, cash on delivery) and the record of money that moved for orders. */
@Module({
  imports: [IdentityModule],
  providers: [PaymentsService, PaymentsResolver],
  exports: [PaymentsService],
})
export class PaymentsModule {}
