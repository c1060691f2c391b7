import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clinicalContent, saveDraft, signProcedure } from '../db/procedures.js';
import { saveOperator } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { signerOf } from '../db/testing/signer.js';
import { percentile, report, time } from './stats.js';

/*
 * Durable save latency: each save is one SQLite transaction with synchronous=FULL in WAL
 * mode, so it includes the fsync of the WAL. Target: p99 under 2 ms on these machines.
 *
 * The saves run on TMPDIR. With TMPDIR=/dev/shm (a tmpfs, where an fsync costs nothing) they
 * time the autosave's CPU part; issue 22's goal compares that with the floor as a disk gives
 * it: one row committed durably on a directory that is not a tmpfs — ROOTLOG_BENCH_DISK, or
 * else the repository's ignored .tmp/ folder. The floor on TMPDIR is printed too.
 */
const TMPFS_MAGIC = 0x01021994;
const onTmpfs = (path: string) => statfsSync(path).type === TMPFS_MAGIC;
const where = (path: string) => `${path} (${onTmpfs(path) ? 'tmpfs' : 'disk'})`;

const dir = mkdtempSync(join(tmpdir(), 'rootlog-bench-save-'));
const diskRoot = resolve(
  process.env.ROOTLOG_BENCH_DISK ?? fileURLToPath(new URL('../../.tmp/bench-disk', import.meta.url)),
);
mkdirSync(diskRoot, { recursive: true });
const diskDir = mkdtempSync(join(diskRoot, 'rootlog-bench-floor-'));
const diskSource = process.env.ROOTLOG_BENCH_DISK ? 'ROOTLOG_BENCH_DISK' : "the repository's .tmp/";

const store = openStore(join(dir, 'save.sqlite'));
const context = { actor: 'bench' };
const operatorId = saveOperator(store, { name: 'Dr. Bench' }, context).id;
// The PIN is hashed once, before the loop: what is timed is the signature's transaction (it compares).
const signer = signerOf(store, operatorId);
const rounds = Number(process.env.BENCH_SAVES ?? 2000);

const creates: number[] = [];
const updates: number[] = [];
const signs: number[] = [];
// The keystrokes after it: the same draft saved again as a note is typed (the form's autosave
// while someone types, where what did not change since the last save is not parsed or read again).
const typing: number[] = [];
const NOTE = 'Good contrast spread along the root, no pain on injection.';
const KEYSTROKES = 5;
for (let i = 0; i < rounds; i++) {
  const [saved, createMs] = time(() =>
    saveDraft(store, completeDraft(operatorId, { patientId: `B${i}`, painPost: null }), context),
  );
  creates.push(createMs);
  // The autosave of the next keystroke: one field changed.
  const [, updateMs] = time(() => saveDraft(store, { ...clinicalContent(saved.record), painPost: i % 8 }, context));
  updates.push(updateMs);
  let draft = { ...clinicalContent(saved.record), painPost: i % 8 };
  for (let k = 1; k <= KEYSTROKES; k++) {
    draft = { ...draft, notes: NOTE.slice(0, 10 + k) };
    const next = draft;
    typing.push(time(() => saveDraft(store, next, context))[1]);
  }
  const [, signMs] = time(() => signProcedure(store, saved.record.id, {}, signer, context));
  signs.push(signMs);
}
store.close();

/** One row committed durably through the same connection settings, nothing else. */
function floorOn(directory: string): number[] {
  const floorStore = openStore(join(directory, 'floor.sqlite'));
  const floorDb = floorStore.writer.db;
  floorDb.exec('CREATE TABLE floor (n INTEGER) STRICT');
  const insertFloor = floorDb.prepare('INSERT INTO floor (n) VALUES (?)');
  const commitOne = floorDb.transaction((n: number) => insertFloor.run(n));
  const timings: number[] = [];
  for (let i = 0; i < rounds; i++) timings.push(time(() => commitOne.immediate(i))[1]);
  floorStore.close();
  return timings;
}
const floorHere = floorOn(dir);
const floorDisk = floorOn(diskDir);

console.log(`durable saves (synchronous=FULL, WAL) on TMPDIR: ${where(dir)}`);
console.log(`the floor on disk (${diskSource}): ${where(diskDir)}`);
if (onTmpfs(diskDir)) console.log('  ROOTLOG_BENCH_DISK is a tmpfs: the disk floor below is no disk floor');
console.log(report('one-row durable commit on TMPDIR', floorHere));
console.log(report('one-row durable commit on disk (the floor)', floorDisk));
console.log(report('save draft: create', creates, 2));
console.log(report('save draft: update one field (autosave)', updates, 2));
const p50 = (values: readonly number[]) => percentile(values, 50);
console.log(`autosave p50 / floor on TMPDIR p50: ${(p50(updates) / p50(floorHere)).toFixed(1)}×`);
console.log(
  `autosave ${onTmpfs(dir) ? 'CPU part ' : ''}p50 (on TMPDIR) / durable one-row commit p50 (on disk): ${(p50(updates) / p50(floorDisk)).toFixed(1)}× (goal ≤ 3×${onTmpfs(dir) ? '' : '; run with TMPDIR=/dev/shm for the CPU part'})`,
);
console.log(report('save draft: the next keystrokes (a note typed)', typing, 2));
console.log(
  `keystrokes' autosave p50 / durable one-row commit p50 (on disk): ${(p50(typing) / p50(floorDisk)).toFixed(1)}× (goal ≤ 3×)`,
);
console.log(report('sign', signs, 2));
for (const made of [dir, diskDir]) rmSync(made, { recursive: true, force: true });
