import { defineConfig } from 'vitest/config';

// Browser tests: the real server (fresh embedded database with the demo data) driven through
// Debian's Chromium with playwright-core. See e2e/global-setup.ts.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
