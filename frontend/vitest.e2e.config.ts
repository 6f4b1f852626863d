import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser tests: the real server (fresh embedded database with the demo data) driven through
// Debian's Chromium with playwright-core. See e2e/global-setup.ts. The `@` alias lets a test read
// the app's navigation definition (src/app/features.ts), so new pages are covered automatically.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // Its ES module build has no "type": "module"; let Vite transform it.
    server: { deps: { inline: ['echarts-for-react'] } },
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
