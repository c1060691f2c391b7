import { defineConfig } from '@playwright/test';

/*
 * The same specs run against Electron where its binary is installed and against Debian's
 * Chromium with the real API bound into the page where it is not (see fixtures.ts).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Time limits only stop a hang; they are never a verdict on speed (docs/decisions/0011): an
  // expectation waits for its condition as long as a loaded machine may need.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json', { outputFile: '../.tmp/playwright.json' }]],
  use: {
    actionTimeout: 60_000,
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
  },
});
