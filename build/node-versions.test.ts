import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  endOfLifeNote,
  installerNode,
  nodeProblem,
  SECOND_NODE_MAJOR,
  SUPPORTED_NODE,
  satisfies,
} from './node-versions.mjs';

/*
 * The supported Node versions are declared once (package.json engines); setup, start and the
 * installer build check against it, and the department's documentation says the same.
 */
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('supported Node versions', () => {
  it('are package.json’s engines, which setup and start check and the installer build checks its own against', () => {
    expect(SUPPORTED_NODE).toBe(JSON.parse(read('package.json')).engines.node);
    expect(read('build/setup.mjs')).toMatch(/nodeProblem\('setup'\)/);
    expect(read('build/start.mjs')).toMatch(/nodeProblem\('start'\)/);
    expect(read('build/dist.mjs')).toMatch(/nodeProblem\([^;]*installerNode\(\),?\s*\)/);
  });

  it('are Node 22.12+ and 24+ LTS, and Node 20.19+ until it is dropped', () => {
    for (const version of ['20.19.0', '20.20.2', '22.12.0', '22.23.5', '24.0.0', '24.11.1', '26.0.0']) {
      expect(nodeProblem('setup', version), version).toBeNull();
    }
    for (const version of ['18.20.8', '20.18.3', '21.7.3', '22.11.0', '23.11.1']) {
      expect(nodeProblem('setup', version), version).toBe(
        `RootLog's setup needs Node ${SUPPORTED_NODE} and this is Node ${version}: install Node 22 or 24 LTS (nodejs.org) and run it again.`,
      );
    }
    expect(satisfies('v22.12.0', SUPPORTED_NODE)).toBe(true);
  });

  it('the installers need what electron-builder’s native rebuild declares, which is a supported Node too', () => {
    const rebuild = JSON.parse(read('node_modules/@electron/rebuild/package.json')) as { engines: { node: string } };
    expect(installerNode()).toBe(rebuild.engines.node);
    expect(nodeProblem('installer build', '20.20.2', installerNode())).toMatch(/needs Node >=22\.12\.0/);
    expect(nodeProblem('installer build', '22.12.0', installerNode())).toBeNull();
    expect(satisfies('22.12.0', SUPPORTED_NODE)).toBe(true);
  });

  it('Node 20 still works after its end of life, with a note to move on', () => {
    expect(endOfLifeNote('v20.20.2', new Date('2026-05-01T00:00:00Z'))).toBe(
      'Node 20 reached its end of life on 2026-04-30: it still works, but move to Node 22 or 24 LTS (RootLog will stop accepting Node 20).',
    );
    expect(endOfLifeNote('v20.20.2', new Date('2026-04-30T00:00:00Z'))).toBeNull();
    expect(endOfLifeNote('v22.23.5', new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('docs/desktop.md says the same: the range, the installers’ Node, the LTS the CLI is also tested on', () => {
    const doc = read('docs/desktop.md');
    expect(doc).toContain(`\`${SUPPORTED_NODE}\``);
    expect(doc).toContain(`\`${installerNode()}\``);
    expect(doc).toContain(`Node ${SECOND_NODE_MAJOR} LTS`);
    expect(doc).toMatch(/Node 20 reached its end of life/);
  });
});
