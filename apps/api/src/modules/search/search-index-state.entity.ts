import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Which text analysis each engine's index was last built with. When the vocabulary, the synonyms or
 * the tokenisation change, the fingerprint changes and the index is rebuilt on start.
 */
@Entity({ tableName: 'search_index_state' })
export class SearchIndexState {
  @PrimaryKey({ type: 'string', length: 20 })
  engine!: string;

  @Property({ type: 'string', length: 64 })
  analysis!: string;

  @Property({ type: 'timestamptz' })
  rebuiltAt!: Date;
}
