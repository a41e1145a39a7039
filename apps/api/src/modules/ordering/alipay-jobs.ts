import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StoredEvent } from '../events/domain-events';
import { JobRegistry } from '../events/job-registry';
import { AlipayPayments } from './alipay-payments';
import { OrderStatus } from './order-status';

type SettleEvent = StoredEvent<'order.transitioned'> | StoredEvent<'alipay.refund-due'>;

/**
 * What happens at Alipay after an order moves: an unpaid order that was cancelled or expired has
 * its trade closed; Alipay money an order cannot keep is refunded. And every few minutes, trades
 * nobody told us about are asked after.
 */
@Injectable()
export class AlipayJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly alipay: AlipayPayments,
  ) {}

  onModuleInit(): void {
    this.jobs.every('reconcile-alipay-trades', '*/5 * * * *', async (at) => {
      await this.alipay.reconcile(at);
    });
    this.jobs.on('settle-alipay-order', ['order.transitioned', 'alipay.refund-due'], async (stored, em) => {
      const event = stored as SettleEvent;
      if (event.type === 'order.transitioned') {
        const { from, to } = event.payload;
        if (to !== OrderStatus.CANCELLED && to !== OrderStatus.REFUNDED) return;
        if (from === OrderStatus.AWAITING_PAYMENT) await this.alipay.closeForCancelled(em, event.payload.orderId);
      }
      await this.alipay.refundOwed(em, event.payload.orderId);
    });
  }
}
