import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicalContent, saveDraft, signProcedure } from '../db/procedures.js';
import { saveOperator } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { report, time } from './stats.js';

/*
 * Durable save latency: each save is one SQLite transaction with synchronous=FULL in WAL
 * mode, so it includes the fsync of the WAL. Target: p99 under 2 ms on these machines.
 */
const dir = mkdtempSync(join(tmpdir(), 'rootlog-bench-save-'));
const store = openStore(join(dir, 'save.sqlite'));
const context = { actor: 'bench' };
const operatorId = saveOperator(store, { name: 'Dr. Bench' }, context).id;
const rounds = Number(process.env.BENCH_SAVES ?? 2000);

const creates: number[] = [];
const updates: number[] = [];
const signs: number[] = [];
for (let i = 0; i < rounds; i++) {
  const [saved, createMs] = time(() =>
    saveDraft(store, completeDraft(operatorId, { patientId: `B${i}`, painPost: null }), context),
  );
  creates.push(createMs);
  // The autosave of the next keystroke: one field changed.
  const [, updateMs] = time(() => saveDraft(store, { ...clinicalContent(saved.record), painPost: i % 8 }, context));
  updates.push(updateMs);
  const [, signMs] = time(() => signProcedure(store, saved.record.id, {}, context));
  signs.push(signMs);
}
console.log(`durable saves (synchronous=FULL, WAL) on ${dir}`);
console.log(report('save draft: create', creates, 2));
console.log(report('save draft: update one field (autosave)', updates, 2));
console.log(report('sign', signs, 2));
store.close();
