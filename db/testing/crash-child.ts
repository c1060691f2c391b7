import { writeSync } from 'node:fs';
import { saveDraft, signProcedure } from '../procedures.js';
import { saveOperator } from '../settings.js';
import { openStore } from '../store.js';
import { completeDraft } from './fixtures.js';
import { signerOf } from './signer.js';

/*
 * Saves and signs procedures as fast as it can, reporting each commit on stdout only
 * after the service returned. The crash test kills it with SIGKILL at a random moment.
 */
const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: crash-child DB');
const store = openStore(path);
const context = { actor: 'crash-child' };
const operatorId = saveOperator(store, { name: `Operator ${process.pid}` }, context).id;
const signer = signerOf(store, operatorId);
for (let n = 0; ; n++) {
  const { record } = saveDraft(store, completeDraft(operatorId, { patientId: `C${process.pid}-${n}` }), context);
  writeSync(1, `draft ${record.id}\n`);
  if (n % 2 === 0) {
    signProcedure(store, record.id, {}, signer, context);
    writeSync(1, `signed ${record.id}\n`);
  }
}
