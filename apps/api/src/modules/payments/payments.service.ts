import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { requireText } from '../../common/text-input';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import { PaymentMethod, PaymentRecord, SellerBankAccount } from './payments.entities';

export interface BankAccountInput {
  accountName: string;
  bankName: string;
  accountNumber: string;
}

export interface MoneyMoved {
  orderId: string;
  kind: 'PAYMENT' | 'REFUND';
  method: PaymentMethod;
  amountFen: number;
  reference?: string | null;
  actorId?: string | null;
}

const ACCOUNT_NUMBER = /^[0-9A-Za-z]{8,34}$/;

/**
 * Ways of paying, and the record of money that moved for orders. Bank transfers and cash go from
 * buyer to seller directly; the platform records who confirmed them.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
  ) {}

  async bankAccount(organisationId: string): Promise<SellerBankAccount | null> {
    return this.em.fork().findOne(SellerBankAccount, { organisationId });
  }

  async setBankAccount(ctx: RequestContext, organisationId: string, input: BankAccountInput): Promise<SellerBankAccount> {
    await this.organisations.requireSeller(ctx, organisationId);
    await this.organisations.requireRole(ctx, organisationId, MemberRole.MANAGER);
    const accountName = requireText(input.accountName, 'bankText', 'payments/bank-account-invalid');
    const bankName = requireText(input.bankName, 'bankText', 'payments/bank-account-invalid');
    const accountNumber = input.accountNumber.replace(/\s+/g, '');
    if (!ACCOUNT_NUMBER.test(accountNumber)) throw new DomainError('payments/bank-account-invalid', { field: 'accountNumber' });
    await this.em.getConnection().execute(
      `insert into seller_bank_account (organisation_id, account_name, bank_name, account_number, updated_at) values (?, ?, ?, ?, now())
       on conflict (organisation_id) do update set account_name = excluded.account_name, bank_name = excluded.bank_name,
         account_number = excluded.account_number, updated_at = now()`,
      [organisationId, accountName, bankName, accountNumber],
    );
    return (await this.em.fork().findOne(SellerBankAccount, { organisationId }))!;
  }

  /**
   * Records money that moved, in the caller's transaction. An order has one payment and one refund
   * at most: a second record of the same kind adds nothing, and false says so.
   */
  async record(em: EntityManager, moved: MoneyMoved): Promise<boolean> {
    const rows = await sqlIn(em)(
      `insert into payment_record (order_id, kind, method, amount_fen, reference, actor_id, created_at)
       values (?, ?, ?, ?, ?, ?, now()) on conflict (order_id, kind) do nothing returning id`,
      [moved.orderId, moved.kind, moved.method, moved.amountFen, moved.reference ?? null, moved.actorId ?? null],
    );
    return rows.length > 0;
  }

  async recordsOf(orderIds: readonly string[]): Promise<PaymentRecord[]> {
    return orderIds.length ? this.em.find(PaymentRecord, { orderId: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } }) : [];
  }

  async paidFen(em: EntityManager, orderId: string): Promise<{ paid: number; refunded: number; method: PaymentMethod | null }> {
    const rows = await em.find(PaymentRecord, { orderId });
    const paid = rows.find((r) => r.kind === 'PAYMENT');
    const refund = rows.find((r) => r.kind === 'REFUND');
    return { paid: paid?.amountFen ?? 0, refunded: refund?.amountFen ?? 0, method: paid?.method ?? null };
  }
}
