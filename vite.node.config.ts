import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Node-side entry points (serve mode, benchmarks), bundled so migrations ship inside them.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  // Bundled rather than loaded file by file from node_modules at start: date-fns' package entry
  // alone pulls in some 300 modules, and zod about a hundred; one bundle answers the first call
  // about a fifth sooner (npm run bench -- startup). better-sqlite3 stays out: it is native.
  ssr: { noExternal: ['date-fns', '@date-fns/tz', 'zod', 'pinyin-pro', 'gcoord'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { serve: 'server/serve.ts', bench: 'scripts/bench.ts', 'audit-verify': 'scripts/audit-verify.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
