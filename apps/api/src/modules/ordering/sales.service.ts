import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GeoService } from '../geo/geo.service';
import type { SalesFigures } from './ordering.models';

/** Sales figures from completed orders (the sales records their completion wrote). */
@Injectable()
export class SalesService {
  constructor(
    private readonly em: EntityManager,
    private readonly geo: GeoService,
  ) {}

  ofSeller(organisationId: string): Promise<SalesFigures> {
    return this.figures('seller_id = ?', organisationId);
  }

  async ofCounty(countyCode: string): Promise<SalesFigures> {
    const county = await this.geo.requireCounty(countyCode);
    return this.figures('origin_county_code = ?', county.code);
  }

  private async figures(where: string, value: string): Promise<SalesFigures> {
    const rows = await this.em.getConnection().execute<{ channel_code: string; amount: string; lines: string; orders: string }[]>(
      `select channel_code, sum(amount_fen) as amount, count(*) as lines, count(distinct order_id) as orders
         from sales_record where ${where} group by rollup (channel_code) order by channel_code nulls first`,
      [value],
    );
    const total = rows.find((r) => r.channel_code === null);
    return {
      orders: Number(total?.orders ?? 0),
      amountFen: Number(total?.amount ?? 0),
      byChannel: rows.filter((r) => r.channel_code !== null).map((r) => ({ channelCode: r.channel_code, amountFen: Number(r.amount), lines: Number(r.lines) })),
    };
  }
}
