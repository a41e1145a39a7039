import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const domainSource = decodeURIComponent(new URL('../../packages/domain/src/index.ts', import.meta.url).pathname);

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@xiangnong/domain': domainSource } },
  test: { environment: 'happy-dom', include: ['test/**/*.spec.ts'] },
});
