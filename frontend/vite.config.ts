import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dev server proxies the API to a running `xingguang serve`, so the refresh cookie stays
// same-origin exactly as in production, where the API serves the built SPA itself.
const api = process.env.XINGGUANG_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': api, '/api-docs': api } },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Its ES module build has no "type": "module"; let Vite transform it.
    server: { deps: { inline: ['echarts-for-react'] } },
  },
});
