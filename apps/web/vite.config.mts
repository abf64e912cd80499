import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const hier = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app is built into dist/web and served by the API itself (one process, one command).
 * `npx vite --config apps/web/vite.config.ts` serves it with hot reload against an API on :3000.
 */
export default defineConfig({
  root: hier,
  base: '/',
  build: { outDir: `${hier}../../dist/web`, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
