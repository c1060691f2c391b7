import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicalContent, saveDraft, signProcedure } from '../db/procedures.js';
import { saveOperator } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { signerOf } from '../db/testing/signer.js';
import { report, time } from './stats.js';

/*
 * Durable save latency: each save is one SQLite transaction with synchronous=FULL in WAL
 * mode, so it includes the fsync of the WAL. Target: p99 under 2 ms on these machines.
 */
const dir = mkdtempSync(join(tmpdir(), 'rootlog-bench-save-'));
const store = openStore(join(dir, 'save.sqlite'));
const context = { actor: 'bench' };
const operatorId = saveOperator(store, { name: 'Dr. Bench' }, context).id;
// The PIN is hashed once, before the loop: what is timed is the signature's transaction (it compares).
const signer = signerOf(store, operatorId);
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
  const [, signMs] = time(() => signProcedure(store, saved.record.id, {}, signer, context));
  signs.push(signMs);
}
// The floor: one row committed durably through the same connection settings, nothing else.
const floorDb = openStore(join(dir, 'floor.sqlite')).writer.db;
floorDb.exec('CREATE TABLE floor (n INTEGER) STRICT');
const insertFloor = floorDb.prepare('INSERT INTO floor (n) VALUES (?)');
const commitOne = floorDb.transaction((n: number) => insertFloor.run(n));
const floor: number[] = [];
for (let i = 0; i < rounds; i++) floor.push(time(() => commitOne.immediate(i))[1]);
console.log(`durable saves (synchronous=FULL, WAL) on ${dir}`);
console.log(report('one-row durable commit (the floor)', floor));
console.log(report('save draft: create', creates, 2));
console.log(report('save draft: update one field (autosave)', updates, 2));
const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`autosave p50 / floor p50: ${(p50(updates) / p50(floor)).toFixed(1)}× (goal ≤ 3×)`);
console.log(report('sign', signs, 2));
store.close();
