import { defineConfig } from '@playwright/test';
const chromium = require('./tests/chromium.cjs');

// End-to-end tests against the release build, served from dist/ by the
// tests' static file server (tests/serve-site.mjs) at / and under /reform/
// (`cargo xtask test` prepares target/site). Browsers cannot be downloaded
// here: Debian's Chromium is used.
const port = Number(process.env.E2E_PORT ?? 8091);
// The served copy of dist/ (at / and /reform/); `cargo xtask test` prepares it.
const site = process.env.E2E_SITE ?? 'target/site';

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './target/playwright',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ja-JP',
    launchOptions: chromium,
  },
  webServer: {
    command: `node tests/serve-site.mjs ${site} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
