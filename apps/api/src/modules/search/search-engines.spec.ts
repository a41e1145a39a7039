import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { MeiliSearchEngine } from './meili-search.engine';
import type { PostgresSearchEngine } from './postgres-search.engine';
import { searchEngineFor } from './search-engines';

describe('the engine that answers searches', () => {
  const postgres = { name: 'postgres' } as PostgresSearchEngine;
  const config = loadConfig({ authSecret: 'x'.repeat(40) });

  it('is PostgreSQL when no Meilisearch is configured', () => {
    expect(searchEngineFor({ ...config, meili: undefined }, postgres)).toBe(postgres);
  });

  it('is Meilisearch when MEILI_HOST is set', () => {
    const engine = searchEngineFor({ ...config, meili: { host: 'http://127.0.0.1:7700', apiKey: 'key', index: 'listings' } }, postgres);
    expect(engine).toBeInstanceOf(MeiliSearchEngine);
    expect(engine.name).toBe('meilisearch');
  });
});
