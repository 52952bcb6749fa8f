import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Node-side entry points (serve mode, benchmarks), bundled so migrations ship inside them.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
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
