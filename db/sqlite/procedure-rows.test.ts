import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedChecker } from '../ledger/derived.js';
import type { ProcedureInput } from '../model/index.js';
import { clinicalContent, saveDraft } from '../procedures.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import type { ReadableDb, WritableDb } from './connection.js';
import { dashboardFactsReader } from './dashboard-facts.js';
import { RECORD_TABLES, readProcedure, readRecordRows } from './procedure-rows.js';

/*
 * A save writes only what changed (issue 22): the procedures row's changed columns (the
 * search index only when its text changed), only the lists that changed. Temporary triggers
 * on the writer's connection note every column an UPDATE sets and every row of a list
 * written, so the test sees the statements the save ran, not only their outcome.
 */

function watch(db: WritableDb) {
  db.exec('CREATE TEMP TABLE touched (what TEXT NOT NULL)');
  const columns = db.prepare("SELECT name FROM pragma_table_info('procedures')").pluck().all() as string[];
  for (const column of columns) {
    db.exec(`CREATE TEMP TRIGGER watch_${column} AFTER UPDATE OF ${column} ON main.procedures
      BEGIN INSERT INTO touched VALUES ('procedures.${column}'); END`);
  }
  for (const table of RECORD_TABLES.filter((table) => table !== 'procedures')) {
    for (const event of ['INSERT', 'DELETE'])
      db.exec(`CREATE TEMP TRIGGER watch_${table}_${event} AFTER ${event} ON main.${table}
        BEGIN INSERT INTO touched VALUES ('${table}'); END`);
  }
  return (save: () => unknown): string[] => {
    db.exec('DELETE FROM touched');
    save();
    return [...new Set(db.prepare('SELECT what FROM touched').pluck().all() as string[])].sort();
  };
}

function stored(db: ReadableDb, id: string) {
  const found = readProcedure(db, id);
  if (!found) throw new Error(`procedure ${id} is not stored`);
  return found;
}

/** Set by every update whatever changed: the outbox triggers watch them, and the save's time. */
const ALWAYS = ['procedures.status', 'procedures.updated_at', 'procedures.version'];

describe('a draft saved again', () => {
  it('sets only the columns that changed, the search text and the lists only when theirs did', () => {
    const { store, operatorId } = tempStore();
    const touched = watch(store.writer.db);
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    const saveWith = (change: Partial<ProcedureInput>) =>
      touched(() =>
        saveDraft(store, { ...clinicalContent(stored(store.reader.db, record.id).record), ...change }, context),
      );

    // The notes are no input of the dashboard facts nor of the search.
    expect(saveWith({ notes: 'Tolerated well.' })).toEqual([...ALWAYS, 'procedures.notes'].sort());
    // A pain score is a dashboard fact: the facts are made again.
    expect(saveWith({ painPost: 3 })).toEqual([...ALWAYS, 'procedures.dashboard_facts', 'procedures.pain_post'].sort());
    // The name is searched: its columns, and with them the search index's trigger.
    expect(saveWith({ patientName: 'Muster, Erica' })).toEqual(
      [...ALWAYS, 'procedures.patient_name', 'procedures.patient_name_folded'].sort(),
    );
    // A list: only its own table is written.
    expect(saveWith({ complications: [{ type: 'vasovagal' }] })).toEqual(
      [...ALWAYS, 'complications', 'procedures.complications_text', 'procedures.dashboard_facts'].sort(),
    );
    // Nothing changed: nothing written.
    expect(saveWith({})).toEqual([]);
    store.close();
  });

  it('reads back equal, and as a whole write gives its rows, after many random partial edits', () => {
    const edit = fc.oneof(
      fc.record({ painPost: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }) }),
      fc.record({ painPre: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ notes: fc.option(fc.string({ maxLength: 20 }), { nil: null }) }),
      fc.record({ patientName: fc.constantFrom('Muster, Erika', 'Müller, Jürgen', 'Weiß, Anna', null) }),
      fc.record({ accessionNumber: fc.constantFrom('ACC77001', 'ACC77002', null) }),
      fc.record({ modality: fc.constantFrom('ct', 'fluoroscopy') }),
      fc.record({ dlpMGyCm: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }) }),
      fc.record({
        complications: fc.constantFrom(
          [{ type: 'none' }],
          [{ type: 'vasovagal' }],
          [{ type: 'transient_motor_block' }],
        ),
      }),
      fc.record({ indications: fc.constantFrom(['disc_herniation'], ['foraminal_stenosis'], []) }),
      fc.record({ side: fc.constantFrom('left', 'right') }).map(({ side }) => ({ side })),
      fc.record({ volumeMl: fc.integer({ min: 1, max: 40 }).map((tenths) => tenths / 10) }),
      fc.record({ caudalSpread: fc.constantFrom([], ['epidural']) }),
    );
    const { store, operatorId } = tempStore();
    const check = derivedChecker(store.reader.db, dashboardFactsReader(store.reader.db));
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        for (const change of edits) {
          const current = clinicalContent(stored(store.reader.db, record.id).record);
          const { side, volumeMl, ...fields } = change as Record<string, unknown>;
          const next: Record<string, unknown> = { ...current, ...fields };
          if (side !== undefined) next.targets = current.targets.map((target) => ({ ...target, side }));
          if (volumeMl !== undefined)
            next.drugs = current.drugs.map((drug) => (drug.volumeMl === undefined ? drug : { ...drug, volumeMl }));
          const saved = saveDraft(store, next, context).record;
          const now = stored(store.reader.db, record.id);
          // What the save answered is what is stored, read back whole.
          expect(now.record).toEqual(saved);
          // And every column of every table is what writing the record whole gives.
          expect(check(clinicalContent(now.record), now.life, readRecordRows(store.reader.db, record.id))).toBe(null);
        }
      }),
      { numRuns: 40 },
    );
    store.close();
  });
});
