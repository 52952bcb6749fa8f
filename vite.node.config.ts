import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Node-side entry points (serve mode, benchmarks), bundled so migrations ship inside them.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  // Bundled, so only the functions used are loaded: date-fns' package entry alone pulls in some 300
  // modules, a third of the time serve mode took to answer its first call.
  ssr: { noExternal: ['date-fns', '@date-fns/tz'] },
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
