import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { ajvPrecompile } from './ajv-precompile.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), ajvPrecompile()],
  resolve: {
    alias: [
      // No eval under the server's CSP: schemas are compiled at build time (ajv-precompile.mjs).
      { find: /^ajv$/, replacement: src('platform/ajv-browser.ts') },
      { find: /^ajv-formats$/, replacement: src('platform/ajv-formats-browser.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
