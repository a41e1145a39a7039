import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { pooledQuery, sqlIn } from '../../common/sql';
import { initialsOf, normalise, pinyinOf } from './text-analysis';

export const MAX_SUGGESTIONS = 8;
/** A prefix longer than this is no longer a word being typed. */
const MAX_PREFIX_CHARACTERS = 20;

interface TermRow {
  term: string;
  hits: number;
}

/**
 * Suggestions as the buyer types: words of public listings' titles, categories and sellers,
 * matched from their start in Chinese, pinyin or initials (安, anh, ahhc → 安化黑茶), most listings
 * first; when nothing starts that way, the closest pinyin by trigram similarity (pg_trgm), so a
 * typo still gets an answer. The word list is rebuilt from the search documents when they change.
 */
@Injectable()
export class SearchTerms implements OnModuleDestroy {
  private readonly logger = new Logger('Search');
  private lastSeen: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly em: EntityManager) {}

  /** Refreshes shortly, once for a burst of changes (a schedule refreshes every minute as well). */
  soon(delayMs = 2_000): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch((error: unknown) => !this.closed && this.logger.warn(`suggestion words not refreshed: ${String(error)}`));
    }, delayMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Rebuilds the word list when the documents changed since the last time; returns whether it did. */
  async refresh({ force = false } = {}): Promise<boolean> {
    const [state] = await pooledQuery<{ stamp: string }>(this.em, `select coalesce(max(indexed_at)::text, '') || ':' || count(*) as stamp from search_document`, []);
    if (!force && state!.stamp === this.lastSeen) return false;
    const terms = await pooledQuery<TermRow>(
      this.em,
      `select term, count(*)::int as hits from search_document, unnest(terms) as term group by term`,
      [],
    );
    const rows = terms.map((t) => ({ term: t.term, pinyin: pinyinOf(t.term).slice(0, 240), initials: initialsOf(t.term).slice(0, 60), hits: t.hits }));
    await this.em.fork().transactional(async (em) => {
      const sql = sqlIn(em);
      // one refresh at a time: another would insert the same words
      await sql(`select pg_advisory_xact_lock(hashtextextended('search-terms', 0))`);
      await sql('delete from search_term');
      for (let i = 0; i < rows.length; i += 5_000) {
        await sql(
          `insert into search_term (term, pinyin, initials, hits) select term, pinyin, initials, hits from json_populate_recordset(null::search_term, ?::json)`,
          [JSON.stringify(rows.slice(i, i + 5_000))],
        );
      }
    });
    this.lastSeen = state!.stamp;
    return true;
  }

  async suggest(typed: string): Promise<{ text: string; count: number }[]> {
    const prefix = [...normalise(typed).replace(/[^\p{L}\p{N}]+/gu, '')].slice(0, MAX_PREFIX_CHARACTERS).join('');
    if (!prefix) return [];
    const escaped = (s: string) => `${s.replace(/[\\%_]/g, '\\$&')}%`;
    const spelled = pinyinOf(prefix);
    const found = await pooledQuery<TermRow>(
      this.em,
      `select term, hits from search_term
        where term like ? or pinyin like ? or initials like ?
        order by hits desc, length(term), term limit ?`,
      [escaped(prefix), escaped(spelled), escaped(prefix), MAX_SUGGESTIONS],
    );
    if (found.length || spelled.length < 3) return found.map((r) => ({ text: r.term, count: r.hits }));
    const close = await pooledQuery<TermRow>(
      this.em,
      `select term, hits from search_term where pinyin % ? or ? <% pinyin
        order by greatest(similarity(pinyin, ?), word_similarity(?, pinyin)) desc, hits desc, term limit ?`,
      [spelled, spelled, spelled, spelled, MAX_SUGGESTIONS],
    );
    return close.map((r) => ({ text: r.term, count: r.hits }));
  }
}
