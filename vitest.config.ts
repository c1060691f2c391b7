import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'build/**/*.test.ts'],
    // The command line and the Electron files are built once for every test file (see the file).
    globalSetup: ['build/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // SQLite files and child processes: keep parallelism to the two cores.
    maxWorkers: 2,
  },
});
