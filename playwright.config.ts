// End-to-end tests load the built renderer in Chromium, with window.linerNotes bound to the real
// main-side services over a temporary library folder (see e2e/fixtures.ts). Debian's Chromium is used
// where it is installed, else Playwright's own browser.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  // The README's screenshots are taken by *.docs.ts files, only when asked for (npm run screenshots).
  testMatch: process.env.LINER_NOTES_SCREENSHOTS ? /.*\.docs\.ts$/ : /.*\.spec\.ts$/,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    },
    trace: 'retain-on-failure'
  }
})
