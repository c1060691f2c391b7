import { writeSync } from 'node:fs';
import { runExport } from '../exports/run.js';
import { removePartialsWhenStopped } from '../files/partial-files.js';
import { backupDatabase } from '../maintenance.js';
import { openStore } from '../store.js';

/*
 * Writes one backup or one export, reporting each step on stdout as it is reached, for the
 * tests that kill it at a reported moment (files/killed.test.ts). It stops on a signal as the
 * command line does.
 *
 *   files-child backup DB OUT [--exclude-key]
 *   files-child export DB FORMAT OUT [--pseudonymize]
 */
const [kind, db, ...rest] = process.argv.slice(2);
if (!db) throw new Error('usage: files-child backup|export DB …');
removePartialsWhenStopped();
const say = (line: string) => writeSync(1, `${line}\n`);
const store = openStore(db, { mustExist: true });

async function main(): Promise<void> {
  if (kind === 'backup') {
    const [out] = rest;
    await backupDatabase(store, out as string, {
      excludeKey: rest.includes('--exclude-key'),
      onProgress: (progress) => say(progress.stage === 'copying' ? `copying ${progress.pages}` : progress.stage),
    });
  } else {
    const [format, out] = rest;
    await runExport(
      store,
      { format, out, pseudonymize: rest.includes('--pseudonymize') },
      { onProgress: (done) => say(`exported ${done}`) },
    );
  }
  say('done');
  store.close();
}

void main();
