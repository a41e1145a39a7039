import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { addDays, chinaToday, quoteUnitLabel } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId, isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { OutboxService } from '../events/outbox.service';
import { OrganisationService } from '../identity/organisation.service';
import { MarketReference } from './market-reference';
import { Market, PriceImport } from './market.entities';
import { PriceObservations } from './price-observations';
import { checkRow, type ColumnMap, type Observation, ROW_PROBLEM_TEXT } from './quote-rows';

export interface ReportedQuote {
  commodity: string;
  lowFen?: number | null;
  avgFen: number;
  highFen?: number | null;
  specification?: string | null;
}

/** How far back a reporter may enter quotes (a missed day is caught up within the week). */
const DAYS_BACK = 7;
const MAX_QUOTES = 50;

/** The columns of a reported quote, as the row checker reads them. */
const REPORT_COLUMNS: ColumnMap = {
  columns: { commodity: 0, market: 1, low: 2, average: 3, high: 4, unit: 5, date: 6, specification: 7 },
  headerUnit: null,
  unknown: [],
};

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));

/**
 * Quotes a market reporter enters from the market, on a phone: the day's low, average and high for
 * commodities in their usual unit. Checked by the same rules as imported files; a quote entered
 * again the same day corrects the earlier one. Subscribers are alerted as for an import.
 */
@Injectable()
export class MarketReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    private readonly reference: MarketReference,
    private readonly observations: PriceObservations,
    private readonly outbox: OutboxService,
  ) {}

  async assign(ctx: RequestContext, marketId: string, organisationId: string): Promise<boolean> {
    ctx.requireAdmin();
    const market = await this.market(marketId);
    if (!isUuid(organisationId)) throw new DomainError('org/not-found');
    await this.organisations.byId(organisationId);
    await this.em.getConnection().execute('insert into market_reporter (market_id, organisation_id, created_at) values (?, ?, now()) on conflict do nothing', [market.id, organisationId]);
    return true;
  }

  /** The markets the user reports for, through an organisation they belong to. */
  async marketsOf(ctx: RequestContext): Promise<Market[]> {
    const user = ctx.requireUser();
    const rows = await this.em.getConnection().execute<{ market_id: number }[]>(
      'select distinct r.market_id from market_reporter r join membership m on m.organisation_id = r.organisation_id where m.user_id = ?',
      [user.id],
    );
    return rows.length ? this.em.fork().find(Market, { id: { $in: rows.map((r) => r.market_id) } }, { orderBy: { name: 'asc' } }) : [];
  }

  async report(ctx: RequestContext, marketId: string, dateRaw: string | null | undefined, quotes: readonly ReportedQuote[]): Promise<PriceImport> {
    const user = ctx.requireUser();
    const market = await this.market(marketId);
    const [allowed] = await this.em.getConnection().execute<{ ok: boolean }[]>(
      'select exists (select 1 from market_reporter r join membership m on m.organisation_id = r.organisation_id where r.market_id = ? and m.user_id = ?) as ok',
      [market.id, user.id],
    );
    if (!allowed!.ok) throw new DomainError('auth/forbidden');
    if (!quotes.length || quotes.length > MAX_QUOTES) throw new DomainError('market/report-invalid', { problems: ['count'] });
    const today = chinaToday();
    const date = dateRaw ?? today;
    const earliest = addDays(today, -DAYS_BACK);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < earliest) throw new DomainError('market/report-invalid', { problems: ['date-tooOld'] });
    const reference = await this.reference.load(this.em.fork(), today);
    const commodities = await this.em.getConnection().execute<{ code: string; unit: string; unit_quantity: number }[]>('select code, unit, unit_quantity from commodity');
    const observations: Observation[] = [];
    const problems: { index: number; problems: string[]; messagesZh: string[] }[] = [];
    const keys = new Set<string>();
    for (const [index, q] of quotes.entries()) {
      const commodity = commodities.find((c) => c.code === q.commodity);
      if (!commodity) {
        problems.push({ index, problems: ['commodity-unknown'], messagesZh: [ROW_PROBLEM_TEXT['commodity-unknown']![0]] });
        continue;
      }
      // in the commodity's usual unit, written as a bulletin would write it
      const unit = quoteUnitLabel({ unit: commodity.unit, quantity: commodity.unit_quantity });
      const cells = [q.commodity, market.name, yuan(q.lowFen), yuan(q.avgFen), yuan(q.highFen), unit, date, q.specification ?? ''];
      const checked = checkRow({ line: index + 1, cells }, REPORT_COLUMNS, reference);
      if ('problems' in checked) problems.push({ index, problems: checked.problems, messagesZh: checked.problems.map((p) => ROW_PROBLEM_TEXT[p]?.[0] ?? p) });
      else if (keys.has(checked.observation.key)) problems.push({ index, problems: ['duplicate'], messagesZh: [ROW_PROBLEM_TEXT.duplicate![0]] });
      else {
        keys.add(checked.observation.key);
        observations.push(checked.observation);
      }
    }
    if (problems.length) throw new DomainError('market/report-invalid', { problems });
    await this.em.fork().transactional((em) => this.observations.ensureMonths(em, [`${date.slice(0, 7)}-01`]));
    return this.em.fork().transactional(async (em) => {
      const row = em.create(PriceImport, { fileName: `报价员：${market.name} ${date}`.slice(0, 400), status: 'DONE', createdBy: user.id, rowsRead: quotes.length, rowsChecked: quotes.length, finishedAt: new Date() });
      await em.flush();
      row.rowsWritten = await this.observations.write(em, observations, 'REPORTER', row.id, { replace: true });
      await sqlIn(em)('update price_import set rows_written = ? where id = ?', [row.rowsWritten, row.id]);
      await this.outbox.record(em, { type: 'market.prices-imported', aggregate: 'price-import', aggregateId: row.id, payload: { importId: row.id, rows: row.rowsWritten } });
      return row;
    });
  }

  private async market(marketId: string): Promise<Market> {
    const id = intId(marketId);
    const market = id ? await this.em.fork().findOne(Market, id) : null;
    if (!market) throw new DomainError('market/market-unknown');
    return market;
  }
}

