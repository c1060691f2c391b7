import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without an Electron binary', () => {
  it('says so in one sentence, names the test command, and exits non-zero', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, 'start.mjs')], {
      encoding: 'utf8',
      // Points Electron's locator at a folder with no binary, on any machine.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(import.meta.dirname, 'no-electron-here') },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^RootLog cannot start here because the Electron binary is not installed/);
    expect(lines[0]).toContain('npm test');
  });
});
