import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { stripIgnoredCharacters } from 'graphql';
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

/**
 * The typed documents (src/graphql/generated/graphql.ts, see codegen.ts) hold their query text as
 * GraphQL Code Generator prints it: indented, one field a line. The build sends the same operations
 * without the whitespace and commas GraphQL ignores (graphql-js `stripIgnoredCharacters`, which keeps
 * the meaning), so the browser downloads the smallest text that asks the same.
 */
function compactDocuments(): Plugin {
  const documentText = /new TypedDocumentString\(`((?:[^`\\]|\\.)*)`/g;
  return {
    name: 'xiangnong-compact-graphql-documents',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/src/graphql/generated/graphql.ts')) return null;
      let compactedCount = 0;
      const compacted = code.replace(documentText, (_match, raw: string) => {
        compactedCount += 1;
        // Codegen escapes only backslashes in the text (the template has no substitutions).
        const text = raw.replace(/\\(.)/g, '$1');
        return `new TypedDocumentString(${JSON.stringify(stripIgnoredCharacters(text))}`;
      });
      // A new codegen output format must not silently ship the documents as they are.
      const documents = code.split('new TypedDocumentString(').length - 1;
      if (compactedCount !== documents) this.error(`compacted ${compactedCount} of ${documents} GraphQL documents in ${id}`);
      return { code: compacted, map: null };
    },
  };
}

// The browser needs ESM; the domain package publishes CommonJS, so point at its TypeScript source.
const domainSource = decodeURIComponent(new URL('../../packages/domain/src/index.ts', import.meta.url).pathname);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3200'}`;

export default defineConfig({
  plugins: [vue(), compactDocuments(), precompress()],
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
