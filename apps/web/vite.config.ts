import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The browser needs ESM; the domain package publishes CommonJS, so point at its TypeScript source.
const domainSource = decodeURIComponent(new URL('../../packages/domain/src/index.ts', import.meta.url).pathname);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3200'}`;

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@xiangnong/domain': domainSource } },
  server: {
    proxy: { '/graphql': apiTarget, '/api': apiTarget, '/files': apiTarget },
  },
  build: { target: 'es2022' },
  // Composition API only: leaving the legacy API out keeps the bundle smaller.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
});
