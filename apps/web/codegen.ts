import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';

/**
 * The storefront's operations (src/graphql/documents/*.graphql) checked against the API's committed
 * schema and compiled into typed documents. Runs offline; the output is committed like schema.graphql.
 *
 *   node scripts/pnpm.mjs --filter @xiangnong/web run codegen           rewrite src/graphql/generated/
 *   node scripts/pnpm.mjs --filter @xiangnong/web run codegen:check     fail when it is out of date (part of test:unit)
 */
const HEADER = '// Generated from src/graphql/documents/*.graphql and apps/api/schema.graphql by GraphQL Code Generator (codegen.ts). Do not edit.';

/**
 * The client preset, keeping only graphql.ts (types and documents). Its gql.ts maps the source of
 * every document to the document, for `graphql()` tags in TypeScript; the documents here are .graphql
 * files imported by name, so that map would only be a way to pull every query into one chunk.
 * The file passes the project's lint as it is, so it says where it comes from instead of
 * switching ESLint off.
 */
const documentsPreset: typeof clientPreset = {
  ...clientPreset,
  async buildGeneratesSection(options) {
    const outputs = await clientPreset.buildGeneratesSection(options);
    return outputs
      .filter((output) => output.filename.endsWith('/graphql.ts'))
      .map((output) => ({
        ...output,
        // `/*#__PURE__*/ new TypedDocumentString(…)`: documents nobody imports (the fragments' own) leave the bundle.
        // The preset does not pass this option on by itself.
        config: { ...output.config, pureMagicComment: true },
        plugins: output.plugins.map((plugin) => ('add' in plugin ? { add: { content: HEADER } } : plugin)),
      }));
  },
};

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/graphql/documents/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: documentsPreset,
      presetConfig: {
        // Components get plain result types; a fragment is a named piece of a query, not a mask.
        fragmentMasking: false,
      },
      config: {
        // Each document is its query text (a String subclass carrying the result and variable types):
        // no syntax tree in the bundle, nothing from graphql-js at run time.
        documentMode: 'string',
        // Enums as string unions: types only, no objects in the bundle.
        enumsAsTypes: true,
        // Types for what the operations select and the inputs they send, not the whole schema.
        onlyOperationTypes: true,
        // A nullable field of a result is there, holding null: `T | null`, not `T?`. Variables stay optional.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        useTypeImports: true,
        skipTypename: true,
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          // Narrowed where it is read (see src/lib/json.ts).
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
