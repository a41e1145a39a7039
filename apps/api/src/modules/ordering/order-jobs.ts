import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../events/job-registry';
import { OrderService } from './order.service';

/** The order moves nobody asks for: unpaid orders expire, delivered ones complete after the set days. */
@Injectable()
export class OrderJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly orders: OrderService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('expire-unpaid-orders', '* * * * *', async (at) => {
      await this.orders.expireDue(at);
    }, { backfillMinutes: 0 });
    this.jobs.every('auto-confirm-orders', '7 * * * *', async (at) => {
      await this.orders.autoConfirmDue(at);
    });
  }
}
