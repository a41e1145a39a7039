import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { County } from './county.entity';

/**
 * Hunan's counties. They change only when the reference data is reloaded at start, so one read
 * per process is kept; every instance reads the same table.
 */
@Injectable()
export class GeoService implements OnApplicationBootstrap {
  private cache: Promise<Map<string, County>> | undefined;

  constructor(private readonly em: EntityManager) {}

  /** Read once the schema is in place, so that the first search or listing page after a start does not wait for it (a failed read is tried again on use). */
  onApplicationBootstrap(): void {
    this.all().catch(() => undefined);
  }

  /** Every county by code, for code that maps many rows at once. */
  countyMap(): Promise<ReadonlyMap<string, County>> {
    return this.all();
  }

  private all(): Promise<Map<string, County>> {
    this.cache ??= this.em
      .fork()
      .find(County, {}, { orderBy: { code: 'asc' } })
      .then((rows) => new Map(rows.map((c) => [c.code, c])))
      .catch((error: unknown) => {
        this.cache = undefined;
        throw error;
      });
    return this.cache;
  }

  async counties(filter: { povertyOnly?: boolean; prefectureCode?: string } = {}): Promise<County[]> {
    return [...(await this.all()).values()].filter(
      (c) => (!filter.povertyOnly || c.isPovertyCounty) && (!filter.prefectureCode || c.prefectureCode === filter.prefectureCode),
    );
  }

  async county(code: string): Promise<County | undefined> {
    return (await this.all()).get(code);
  }

  async requireCounty(code: string): Promise<County> {
    if (!code.trim()) throw new DomainError('geo/county-required');
    const county = await this.county(code.trim());
    if (!county) throw new DomainError('geo/county-unknown');
    return county;
  }
}
