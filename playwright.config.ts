import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts run their e2e tests side by side.
const port = Number(process.env.E2E_PORT) || 4329;
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'off',
    // The site's offline worker downloads the whole site in the background after each first visit:
    // only the offline test (tests/e2e/playground-offline.spec.ts) lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
