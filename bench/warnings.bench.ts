import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClinicalWarning, type ProcedureRecord, warnings } from '../db/model/index.js';
import { getProcedure } from '../db/procedures.js';
import { seedDatabase } from '../db/seed.js';
import { drugCatalogue, referenceLevels, steroidDayMaxDexamethasoneMg } from '../db/settings.js';
import { adoptReferenceLevels } from '../db/stats/reference-proposal.js';
import { openStore, type Store } from '../db/store.js';

/*
 * How noisy the clinical rules are on demo data shaped like the literature: warnings per 100
 * procedures (each code, and procedures with at least one warning to answer), first with the
 * starting reference levels, then with the department's own P75 adopted from the same
 * records. A warning nearly every case raises is one every case clicks away.
 */
const COUNT = Number(process.env.BENCH_WARNING_PROCEDURES ?? 10_000);
const until = new Date('2026-06-30T12:00:00Z');

function rates(store: Store, records: readonly ProcedureRecord[]): Map<string, number> {
  const settings = {
    referenceLevels: referenceLevels(store),
    drugCatalogue: drugCatalogue(store),
    steroidDayMaxDexamethasoneMg: steroidDayMaxDexamethasoneMg(store),
  };
  const counts = new Map<string, number>();
  let answered = 0;
  for (const record of records) {
    const found: ClinicalWarning[] = warnings(record, settings);
    for (const warning of found) counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
    if (found.some((warning) => warning.level !== 'reminder')) answered++;
  }
  counts.set('(procedures with a warning to answer)', answered);
  return counts;
}

const store = openStore(join(mkdtempSync(join(tmpdir(), 'rootlog-warnings-')), 'rootlog.sqlite'));
seedDatabase(store, { count: COUNT, seed: 1, until }, { actor: 'bench' });
const ids = store.writer.db.prepare("SELECT id FROM procedures WHERE status = 'signed'").pluck().all() as string[];
const records = ids.map((id) => getProcedure(store, id).record);
const before = rates(store, records);
adoptReferenceLevels(store, { from: '2000-01-01', to: '2026-06-30' }, { actor: 'bench' });
const after = rates(store, records);

console.log(`warnings per 100 demo procedures (${records.length} signed, seed 1)`);
console.log(`${'warning'.padEnd(44)} ${'starting levels'.padStart(16)} ${'adopted P75'.padStart(12)}`);
const per100 = (count = 0) => ((count / records.length) * 100).toFixed(1);
for (const code of new Set([...before.keys(), ...after.keys()])) {
  console.log(`${code.padEnd(44)} ${per100(before.get(code)).padStart(16)} ${per100(after.get(code)).padStart(12)}`);
}
store.close();
