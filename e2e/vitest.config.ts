import { defineConfig } from 'vitest/config';

const domainSource = decodeURIComponent(new URL('../packages/domain/src/index.ts', import.meta.url).pathname);

// Journeys share one running product and one database, so they run one after another.
export default defineConfig({
  resolve: { alias: { '@xiangnong/domain': domainSource } },
  test: {
    include: ['journeys/**/*.e2e.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
