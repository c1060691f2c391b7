// Which Node versions RootLog's setup, build, command line and tests run on, declared once:
// package.json "engines" (npm warns on any other). The app itself runs on Electron's own Node.
// Setup and start check the machine's Node against it, in one sentence; the installers need
// what electron-builder's native rebuild (@electron/rebuild) declares in its own "engines".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The supported range, e.g. "^20.19.0 || ^22.12.0 || >=24.0.0". */
export const SUPPORTED_NODE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;

/** What building installers needs (electron-builder 26 rebuilds native modules with @electron/rebuild 4). */
export function installerNode() {
  try {
    return require('@electron/rebuild/package.json').engines.node;
  } catch {
    return '>=22.12.0';
  }
}

/** End of life of the Node majors RootLog still accepts (nodejs.org/en/about/previous-releases). */
export const END_OF_LIFE = { 20: '2026-04-30' };

/** The LTS line the command line is also tested on (setup --tests installs it from the npm registry's node package). */
export const SECOND_NODE_MAJOR = 22;

const parse = (version) => String(version).replace(/^v/, '').split('.').map(Number);
const compare = (a, b) => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** True when `version` is in `range`: comparators `^X.Y.Z` and `>=X.Y.Z`, joined by `||` (all RootLog writes). */
export function satisfies(version, range) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const comparator = part.trim();
    const caret = /^\^(\d+\.\d+\.\d+)$/.exec(comparator);
    if (caret) {
      const base = parse(caret[1]);
      return v[0] === base[0] && compare(v, base) >= 0;
    }
    const atLeast = /^>=\s*(\d+\.\d+\.\d+)$/.exec(comparator);
    if (atLeast) return compare(v, parse(atLeast[1])) >= 0;
    throw new Error(`build/node-versions.mjs does not read the range "${comparator}"`);
  });
}

/** The one sentence said when this Node cannot run `what` (setup, start, the installers), or null. */
export function nodeProblem(what, version = process.version, range = SUPPORTED_NODE) {
  if (satisfies(version, range)) return null;
  return `RootLog's ${what} needs Node ${range} and this is Node ${String(version).replace(/^v/, '')}: install Node 22 or 24 LTS (nodejs.org) and run it again.`;
}

/** A note for a Node that works but is past its end of life, or null. */
export function endOfLifeNote(version = process.version, today = new Date()) {
  const major = parse(version)[0];
  const end = END_OF_LIFE[major];
  if (!end || today.toISOString().slice(0, 10) <= end) return null;
  return `Node ${major} reached its end of life on ${end}: it still works, but move to Node 22 or 24 LTS (RootLog will stop accepting Node ${major}).`;
}
