import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AlipayClient } from './alipay/alipay.client';
import { PaymentOptionsResolver } from './alipay/payment-options.resolver';
import { PaymentsResolver } from './payments.resolver';
import { PaymentsService } from './payments.service';
import { SettlementResolver } from './settlement.resolver';
import { SettlementService } from './settlement.service';
// the module's error codes join the catalogue when the module is loaded
import './payments.errors';

/**
 * Ways of paying (Alipay when configured, bank transfer, cash on delivery), the record of money that
 * moved for orders, and the settlement ledger of Alipay money owed to sellers.
 */
@Module({
  imports: [IdentityModule],
  providers: [PaymentsService, PaymentsResolver, AlipayClient, PaymentOptionsResolver, SettlementService, SettlementResolver],
  exports: [PaymentsService, AlipayClient, SettlementService],
})
export class PaymentsModule {}
