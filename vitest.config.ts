import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'build/**/*.test.ts'],
    // The command line and the Electron files are built once for every test file (see the file).
    globalSetup: ['build/vitest-global-setup.ts'],
    // Time limits only stop a hang; they are never a verdict on speed (docs/decisions/0011). A
    // loaded machine runs the heavy tests several times slower than an idle one.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // SQLite files and child processes: keep parallelism to the two cores.
    maxWorkers: 2,
  },
});
