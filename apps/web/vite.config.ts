import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/**
 * Brotli and gzip copies of every text file of the build, made once at the highest levels; the
 * API serves them as they are to browsers that accept them (@fastify/static preCompressed).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const compressible = /\.(js|mjs|css|html|svg|json|ico|txt)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'xiangnong-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => compressible.test(f))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        const br = brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } });
        const gz = gzipSync(content, { level: 9 });
        if (br.length < content.length) writeFileSync(`${file}.br`, br);
        if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

// The browser needs ESM; the domain package publishes CommonJS, so point at its TypeScript source.
const domainSource = decodeURIComponent(new URL('../../packages/domain/src/index.ts', import.meta.url).pathname);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3200'}`;

export default defineConfig({
  plugins: [vue(), precompress()],
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
