import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { chinaToday } from '@xiangnong/domain';
import type { Readable } from 'node:stream';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { pgArray, sqlIn } from '../../common/sql';
import { MarketReference } from './market-reference';
import { MarketService } from './market.service';
import { fileRows, quoteFileKind, readHead } from './quote-file';
import { checkFlowRow, type FlowColumns, type FlowDirection, FLOW_PROBLEM_TEXT, type FlowRowProblem, mapFlowColumns, type TradeFlow } from './trade-flow-rows';

/** Figures files are monthly tables: small. */
export const MAX_FLOW_ROWS = 50_000;
const REPORTED_ERRORS = 200;

export interface FlowMonth {
  month: string;
  direction: FlowDirection;
  volumeKg: number | null;
  valueFen: number | null;
  source: string;
  sample: boolean;
}

export interface FlowRowError {
  line: number;
  problems: string[];
  messagesZh: string[];
  messagesEn: string[];
}

/** Writes figures; a month already there from the same source is replaced when it differs. Returns how many were new or changed. */
export async function writeFlows(em: EntityManager, flows: readonly TradeFlow[], demo: boolean): Promise<number> {
  let written = 0;
  for (let i = 0; i < flows.length; i += 5000) {
    const part = flows.slice(i, i + 5000);
    const [{ n }] = await sqlIn(em)<{ n: number }>(
      `with written as (
         insert into "market"."trade_flow" (commodity_id, month, direction, source, volume_kg, value_fen, is_demo, updated_at)
         select f.*, ?, now() from unnest(?::int[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) as f(commodity_id, month, direction, source, volume_kg, value_fen)
         on conflict (commodity_id, month, direction, source) do update set volume_kg = excluded.volume_kg, value_fen = excluded.value_fen, is_demo = excluded.is_demo, updated_at = now()
          where (trade_flow.volume_kg, trade_flow.value_fen) is distinct from (excluded.volume_kg, excluded.value_fen)
         returning 1)
       select count(*)::int as n from written`,
      [
        demo,
        pgArray(part.map((f) => f.commodityId)),
        pgArray(part.map((f) => f.month)),
        pgArray(part.map((f) => f.direction)),
        pgArray(part.map((f) => f.source)),
        pgArray(part.map((f) => (f.volumeKg === null ? null : f.volumeKg.toString()))),
        pgArray(part.map((f) => (f.valueFen === null ? null : f.valueFen.toString()))),
      ],
    );
    written += n;
  }
  return written;
}


/**
 * Import and export figures per commodity and month, imported from the tables customs and
 * statistics bureaus publish (CSV in UTF-8 or GBK, or XLSX, read as price files are) and shown
 * beside the prices. The whole file is checked first and every bad row reported by line; nothing is
 * written unless all rows are good. A month already recorded from the same source is replaced by
 * the new figures, so importing a file again writes nothing new.
 */
@Injectable()
export class TradeFlowsService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: MarketReference,
    private readonly market: MarketService,
  ) {}

  async import(ctx: RequestContext, open: () => Readable, fileName: string, sourceRaw?: string | null): Promise<{ rowsRead: number; rowsWritten: number }> {
    ctx.requireAdmin();
    const kind = quoteFileKind(await readHead(open));
    if (typeof kind !== 'string') throw new DomainError('market/file-unreadable', { problem: kind.problem });
    const today = chinaToday();
    const reference = await this.reference.load(this.em.fork(), today);
    const defaultSource = (sourceRaw?.trim() || fileName.replace(/\.[^.]+$/, '')).normalize('NFKC').slice(0, 60) || '导入';
    const ref = { commodity: reference.commodity, thisMonth: `${today.slice(0, 7)}-01`, defaultSource };
    let map: FlowColumns | undefined;
    let headerRead = false;
    const flows: TradeFlow[] = [];
    const errors: FlowRowError[] = [];
    const seen = new Set<string>();
    let rowsRead = 0;
    const fail = (line: number, problems: string[]) =>
      errors.push({ line, problems, messagesZh: problems.map((p) => FLOW_PROBLEM_TEXT[p as FlowRowProblem]?.[0] ?? p), messagesEn: problems.map((p) => FLOW_PROBLEM_TEXT[p as FlowRowProblem]?.[1] ?? p) });
    try {
      for await (const row of fileRows(open, kind)) {
        if (!map) {
          headerRead = true;
          const mapped = mapFlowColumns(row.cells);
          if ('problems' in mapped) {
            fail(row.line, mapped.problems);
            break;
          }
          map = mapped;
          continue;
        }
        if (++rowsRead > MAX_FLOW_ROWS) throw new DomainError('market/flows-invalid', { tooManyRows: MAX_FLOW_ROWS });
        const checked = checkFlowRow(row, map, ref);
        if ('problems' in checked) {
          fail(row.line, checked.problems);
          continue;
        }
        const repeated = checked.flows.some((f) => seen.has(`${f.commodityId}|${f.month}|${f.direction}|${f.source}`));
        if (repeated) fail(row.line, ['duplicate']);
        for (const f of repeated ? [] : checked.flows) {
          seen.add(`${f.commodityId}|${f.month}|${f.direction}|${f.source}`);
          flows.push(f);
        }
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('market/file-unreadable', { problem: 'unreadable' });
    }
    if (!headerRead) throw new DomainError('market/file-unreadable', { problem: 'empty' });
    if (errors.length) throw new DomainError('market/flows-invalid', { errorCount: errors.length, errors: errors.slice(0, REPORTED_ERRORS) });
    if (!flows.length) throw new DomainError('market/file-unreadable', { problem: 'empty' });
    const rowsWritten = await this.em.fork().transactional((em) => writeFlows(em as EntityManager, flows, false));
    return { rowsRead, rowsWritten };
  }

  /** A commodity's figures for the last `months` months (to the latest month with figures), oldest first. */
  async flows(commodityCode: string, months: number): Promise<FlowMonth[]> {
    const commodity = await this.market.commodity(commodityCode);
    const span = Math.min(Math.max(Math.trunc(months) || 24, 1), 120);
    const rows = await this.em.getConnection().execute<{ month: string; direction: FlowDirection; volume_kg: string | null; value_fen: string | null; source: string; is_demo: boolean }[]>(
      `select to_char(month, 'YYYY-MM') as month, direction, volume_kg, value_fen, source, is_demo
         from "market"."trade_flow"
        where commodity_id = ? and month > (select max(month) from "market"."trade_flow" where commodity_id = ?) - make_interval(months => ?)
        order by month, direction, source`,
      [commodity.id, commodity.id, span],
    );
    return rows.map((r) => ({
      month: r.month,
      direction: r.direction,
      volumeKg: r.volume_kg === null ? null : Number(r.volume_kg),
      valueFen: r.value_fen === null ? null : Number(r.value_fen),
      source: r.source,
      sample: r.is_demo,
    }));
  }
}
