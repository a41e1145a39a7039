import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A word buyers can be offered as they type (a product, variety, category, seller or place), with
 * its pinyin and initials and the number of public listings it finds. Refreshed from the search
 * documents; `pinyin` also has a trigram index, for suggestions despite a typo.
 */
@Entity({ tableName: 'search_term' })
@Index({ name: 'search_term_prefix_idx', expression: 'create index "search_term_prefix_idx" on "search_term" ("term" text_pattern_ops)' })
@Index({ name: 'search_term_pinyin_idx', expression: 'create index "search_term_pinyin_idx" on "search_term" ("pinyin" text_pattern_ops)' })
@Index({ name: 'search_term_initials_idx', expression: 'create index "search_term_initials_idx" on "search_term" ("initials" text_pattern_ops)' })
@Index({ name: 'search_term_pinyin_trgm_idx', expression: 'create index "search_term_pinyin_trgm_idx" on "search_term" using gin ("pinyin" gin_trgm_ops)' })
export class SearchTerm {
  @PrimaryKey({ type: 'string', length: 60 })
  term!: string;

  @Property({ type: 'string', length: 240 })
  pinyin!: string;

  @Property({ type: 'string', length: 60 })
  initials!: string;

  @Property({ type: 'integer' })
  hits!: number;
}
