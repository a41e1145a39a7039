import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { requireText } from '../../common/text-input';
import { APP_CONFIG, type AppConfig } from '../../config';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import { chinaDayStart } from './alipay/china-time';
import { commissionFor, commissionReversed, type StatementEntry, statementCsv, statementTotals, type StatementTotals } from './settlement-rules';
import type { SettlementKind } from './settlement.entity';

/** Longest statement period, in days. */
const MAX_PERIOD_DAYS = 366;
/** Most entries one statement lists; a busier period is asked for in parts. */
export const MAX_STATEMENT_ENTRIES = 5_000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface OrderMoney {
  sellerId: string;
  orderId: string;
  orderNumber: string;
  amountFen: number;
  /** Alipay's trade number (a sale) or the refund's request number (a refund) */
  reference: string;
}

export interface SellerStatement extends StatementTotals {
  organisationId: string;
  from: string;
  to: string;
  entries: StatementEntry[];
  csv: string;
}

interface EntryRow {
  id: string;
  kind: SettlementKind;
  order_id: string | null;
  order_number: string | null;
  amount_fen: number;
  commission_fen: number;
  owed_fen: number;
  reference: string | null;
  created_at: string | Date;
}

const toEntry = (r: EntryRow): StatementEntry => ({
  id: String(r.id),
  kind: r.kind,
  orderId: r.order_id,
  orderNumber: r.order_number,
  amountFen: r.amount_fen,
  commissionFen: r.commission_fen,
  owedFen: r.owed_fen,
  reference: r.reference,
  createdAt: new Date(r.created_at),
});

/**
 * What the platform owes sellers for Alipay money in its account. Sales and refunds are recorded
 * in the transaction that learns of the money (a verified notification, a refund Alipay
 * confirmed); payouts by a platform admin who sent the seller the money.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A paid order's amount is owed to its seller, less the commission; false when its sale was recorded before. */
  async recordSale(em: EntityManager, sale: OrderMoney): Promise<boolean> {
    const commission = commissionFor(sale.amountFen, this.config.platformCommissionBps);
    return this.insert(em, 'SALE', sale, sale.amountFen, commission);
  }

  /** A refund Alipay carried out takes back its share of the sale, commission included; false when recorded before. */
  async recordRefund(em: EntityManager, refund: OrderMoney): Promise<boolean> {
    const [sale] = await sqlIn(em)<{ amount_fen: number; commission_fen: number }>(
      `select amount_fen, commission_fen from settlement_entry where order_id = ? and kind = 'SALE'`,
      [refund.orderId],
    );
    if (!sale) throw new Error(`order ${refund.orderNumber} has a refund but no sale in the settlement ledger`);
    const reversed = commissionReversed({ amountFen: sale.amount_fen, commissionFen: sale.commission_fen }, refund.amountFen);
    return this.insert(em, 'REFUND', refund, -refund.amountFen, -reversed);
  }

  private async insert(em: EntityManager, kind: 'SALE' | 'REFUND', money: OrderMoney, amountFen: number, commissionFen: number): Promise<boolean> {
    const rows = await sqlIn(em)(
      `insert into settlement_entry (seller_id, kind, order_id, order_number, amount_fen, commission_fen, owed_fen, reference, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (order_id, kind) do nothing returning id`,
      [money.sellerId, kind, money.orderId, money.orderNumber, amountFen, commissionFen, amountFen - commissionFen, money.reference.slice(0, 64)],
    );
    return rows.length > 0;
  }

  /**
   * A seller's statement for China calendar days `from` to `to` (both included): the balance owed
   * before, every entry in the period, the totals, and the same entries as CSV.
   */
  async statement(ctx: RequestContext, organisationId: string, from: string, to: string): Promise<SellerStatement> {
    if (!isUuid(organisationId)) throw new DomainError('org/not-found');
    await this.organisations.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    const { start, end } = period(from, to);
    const sql = sqlIn(this.em.fork());
    const [opening] = await sql<{ owed: string | null }>('select sum(owed_fen) as owed from settlement_entry where seller_id = ? and created_at < ?', [organisationId, start]);
    const rows = await sql<EntryRow>(
      'select * from settlement_entry where seller_id = ? and created_at >= ? and created_at < ? order by created_at, id limit ?',
      [organisationId, start, end, MAX_STATEMENT_ENTRIES + 1],
    );
    if (rows.length > MAX_STATEMENT_ENTRIES) throw new DomainError('payments/statement-too-large', { maxEntries: MAX_STATEMENT_ENTRIES });
    const entries = rows.map(toEntry);
    return { organisationId, from, to, ...statementTotals(Number(opening?.owed ?? 0), entries), entries, csv: statementCsv(entries) };
  }

  /** What the platform owes the seller now. */
  async balance(em: EntityManager, sellerId: string): Promise<number> {
    const [row] = await sqlIn(em)<{ owed: string | null }>('select sum(owed_fen) as owed from settlement_entry where seller_id = ?', [sellerId]);
    return Number(row?.owed ?? 0);
  }

  /**
   * A platform admin records money sent to the seller's bank account. It may not exceed the
   * balance owed; payouts for one seller are recorded one at a time, so two cannot both spend it.
   */
  async recordPayout(ctx: RequestContext, organisationId: string, amountFen: number, referenceRaw: string): Promise<StatementEntry> {
    const admin = ctx.requireAdmin();
    const reference = requireText(referenceRaw ?? '', 'bankText', 'payments/payout-reference-invalid');
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new DomainError('payments/payout-amount-invalid', { amountFen });
    const seller = await this.organisations.byId(organisationId);
    return this.em.fork().transactional(async (em) => {
      const sql = sqlIn(em);
      await sql(`select pg_advisory_xact_lock(hashtext('settlement:' || ?))`, [seller.id]);
      const balance = await this.balance(em, seller.id);
      if (amountFen > balance) throw new DomainError('payments/payout-amount-invalid', { amountFen, balanceFen: balance });
      const [row] = await sql<EntryRow>(
        `insert into settlement_entry (seller_id, kind, order_id, order_number, amount_fen, commission_fen, owed_fen, reference, actor_id, created_at)
         values (?, 'PAYOUT', null, null, 0, 0, ?, ?, ?, now()) returning *`,
        [seller.id, -amountFen, reference, admin.id],
      );
      return toEntry(row!);
    });
  }
}

/** The instants a statement period covers, from China calendar days given as text. */
function period(from: string, to: string): { start: Date; end: Date } {
  const start = DAY.test(from ?? '') ? chinaDayStart(from) : null;
  const last = DAY.test(to ?? '') ? chinaDayStart(to) : null;
  if (!start || !last || last < start || (last.getTime() - start.getTime()) / DAY_MS >= MAX_PERIOD_DAYS) {
    throw new DomainError('payments/statement-period-invalid', { from, to });
  }
  return { start, end: new Date(last.getTime() + DAY_MS) };
}
