import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/*
 * Tests that run the built command line or read the built Electron files share one build,
 * made once before any test file starts. Each file used to rebuild in its own beforeAll, and two
 * files running in parallel then read dist/cli/rootlog.cjs while the other was rewriting it
 * (CI failed with "SyntaxError: Invalid or unexpected token" in a half-written file).
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'build', 'build.mjs'), 'cli', 'electron', 'renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
}
