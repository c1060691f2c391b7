// One-step setup for a fresh machine: `npm run setup` (add `-- --tests` for the test tools).
// Installs the locked dependencies, then tries Electron's own binary download separately, so
// a machine that cannot reach it still gets a working install for the CLI and the tests; with
// Electron, better-sqlite3 is also built for Electron's ABI beside Node's build (electron-sqlite.mjs).
// `npm run setup:electron` (--electron) does only the Electron part, on an installed tree.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { setUpElectronSqlite } from './electron-sqlite.mjs';
import { endOfLifeNote, nodeProblem } from './node-versions.mjs';
import { setUpSecondNode } from './second-node.mjs';

const forTests = process.argv.includes('--tests');
const electronOnly = process.argv.includes('--electron');

const tooOld = nodeProblem('setup');
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}
const note = endOfLifeNote();
if (note) console.log(`setup: ${note}`);

/** Debian's PostgreSQL server (initdb of any major version), or null when none is installed. */
function postgresServer() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const found = readdirSync(root).find((major) => existsSync(`${root}/${major}/bin/initdb`));
  return found ? `${root}/${found}/bin/initdb` : null;
}
const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });

// The end-to-end tests drive Debian's Chromium and read the printed PDFs with poppler
// (pdftotext, pdftoppm); the hub's tests run a real PostgreSQL; the worklist and dose-report
// tests run real DICOM peers (dcmtk, Orthanc) and the RIS tests an MLLP peer (python3-hl7):
// installed when missing.
const packages = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/pdftoppm', 'poppler-utils'],
  // The department hub's tests start a throw-away PostgreSQL cluster of their own.
  [postgresServer(), 'postgresql'],
  ['/usr/bin/wlmscpfs', 'dcmtk'],
  ['/usr/sbin/Orthanc', 'orthanc'],
  ['/usr/bin/mllp_send', 'python3-hl7'],
].filter(([path]) => !path || !existsSync(path));
if (forTests && !electronOnly && packages.length > 0) {
  const names = packages.map(([, name]) => name);
  if (process.getuid?.() === 0) {
    console.log(`setup: installing ${names.join(' and ')} for the end-to-end tests (apt-get)…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...names], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.error(
      `setup: the end-to-end tests need ${names.join(' and ')}: run "sudo apt-get install -y ${names.join(' ')}".`,
    );
    process.exit(1);
  }
}

if (!electronOnly) {
  console.log('setup: installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
}

const electron = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
  stdio: 'pipe',
  encoding: 'utf8',
  timeout: 300_000,
});
if (electron.status === 0 && existsSync('node_modules/electron/path.txt')) {
  console.log('setup: Electron binary installed.');
  if (setUpElectronSqlite()) console.log('setup: "npm start" launches RootLog.');
} else {
  console.log(
    'setup: the Electron binary could not be downloaded on this machine; the command line and "npm test" (Chromium) work, "npm start" needs Electron.',
  );
  if (electronOnly) process.exit(1);
}

// The command line is tested on a second Node LTS too (build/second-node.test.ts).
if (forTests && !setUpSecondNode()) process.exitCode = 1;
