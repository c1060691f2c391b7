import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from './exports/run.js';
import { getProcedure, getVersion, saveDraft, signProcedure } from './procedures.js';
import { saveDrug } from './settings.js';
import { dashboardFactsWriter, forEachProcedureBatch, proceduresWithWrongFacts } from './sqlite/dashboard-facts.js';
import { dashboard } from './stats/dashboard.js';
import { followUpOutcomes } from './stats/outcomes.js';
import type { Store } from './store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from './testing/fixtures.js';
import { recordSigner } from './testing/signer.js';

/*
 * "History keeps its meaning": a signed record says what the catalogue said of its drugs when
 * it was signed; editing the catalogue afterwards changes drafts only.
 */

const atIntravascularTarget = (operatorId: string, patientId: string) =>
  completeDraft(operatorId, {
    patientId,
    targets: [
      { root: 'L5', side: 'left', foramen: 'L5/S1', approach: 'transforaminal', spread: ['intravascular_venous'] },
    ],
    drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 0 }],
  });

const codes = (store: Store, id: string) =>
  getProcedure(store, id)
    .warnings.map((warning) => warning.code)
    .sort();

async function drugRows(store: Store) {
  const out = tempPath('export.csv');
  const result = await runExport(store, { format: 'csv', out, detailFiles: true, includeDrafts: true });
  const drugsFile = result.files.find((file) => file.includes('drugs')) as string;
  const [header, ...rows] = readFileSync(drugsFile, 'utf8').trim().split(/\r?\n/);
  const columns = (header as string).split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, at) => [columns[at], cell])));
}

describe('signed records keep the catalogue as it was at signing', () => {
  it('signing writes the facts into the drug rows and leaves every other part row as it was', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, {
        patientId: 'BILAT-1',
        targets: [
          { root: 'L4', side: 'left', foramen: 'L4/L5', approach: 'transforaminal', spread: ['perineural'] },
          {
            root: 'L4',
            side: 'right',
            foramen: 'L4/L5',
            approach: 'transforaminal',
            spread: ['perineural', 'epidural'],
          },
        ],
        caudalEpidural: true,
        caudalSpread: ['epidural'],
        drugs: [
          { drug: 'dexamethasone', doseMg: 4, site: 0 },
          { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 1, site: 1 },
          { drug: 'triamcinolone', doseMg: 40, site: 'caudal' },
        ],
      }),
      context,
    );
    const db = store.reader.db;
    const partTables = ['procedure_indications', 'targets', 'target_spread', 'caudal_spread', 'complications'];
    const parts = () =>
      Object.fromEntries(
        partTables.map((table) => [table, db.prepare(`SELECT * FROM ${table} WHERE procedure_id = ?`).all(record.id)]),
      );
    const drugs = () =>
      db.prepare('SELECT * FROM drug_administrations WHERE procedure_id = ? ORDER BY ordinal').all(record.id) as Record<
        string,
        unknown
      >[];
    const [partsBefore, drugsBefore] = [parts(), drugs()];
    expect(drugsBefore.every((row) => row.signed_name === null)).toBe(true);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
    expect(parts()).toEqual(partsBefore);
    const signed = drugs();
    expect(
      signed.map(({ signed_name, signed_class, signed_particulate, signed_max_dose_mg, ...rest }) => rest),
    ).toEqual(
      drugsBefore.map(({ signed_name, signed_class, signed_particulate, signed_max_dose_mg, ...rest }) => rest),
    );
    expect(signed.map((row) => [row.signed_class, row.signed_particulate])).toEqual([
      ['steroid', 0],
      ['local_anaesthetic', 0],
      ['steroid', 1],
    ]);
    // The record, its signed version, its dashboard facts and the ledger all agree.
    expect(getProcedure(store, record.id).record.drugs).toEqual(getVersion(store, record.id, 1).drugs);
    expect(proceduresWithWrongFacts(db)).toEqual([]);
  });

  it('rules, version, exports and dashboard read the signed facts; a draft follows the catalogue', async () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, atIntravascularTarget(operatorId, 'SIGNED-1'), context);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
    expect(codes(store, record.id)).toContain('particulate_after_unsafe_spread');
    expect(getVersion(store, record.id, 1).drugs[0]?.asSigned).toEqual({
      name: 'Triamcinolone acetonide',
      drugClass: 'steroid',
      particulate: true,
      maxDoseMg: 80,
    });
    const before = {
      warnings: codes(store, record.id),
      dashboard: dashboard(store).spread,
      drugs: await drugRows(store),
    };

    // The department edits the catalogue: renamed, no longer particulate, a lower maximum.
    saveDrug(
      store,
      {
        code: 'triamcinolone',
        name: 'Triamcinolone (new supplier)',
        drugClass: 'steroid',
        particulate: false,
        dosing: 'mg',
        usualDoseMg: 10,
        maxDoseMg: 20,
      },
      context,
    );
    expect(codes(store, record.id)).toEqual(before.warnings);
    expect(dashboard(store).spread).toEqual(before.dashboard);
    const after = await drugRows(store);
    expect(after).toEqual(before.drugs);
    expect(after[0]).toMatchObject({ drug_name: 'Triamcinolone acetonide', particulate: 'yes' });

    // A draft follows the catalogue as it is now: no particulate warning, but above the new maximum.
    const { record: draft } = saveDraft(store, atIntravascularTarget(operatorId, 'DRAFT-1'), context);
    expect(draft.drugs[0]?.asSigned).toBeUndefined();
    expect(codes(store, draft.id)).toContain('dose_above_maximum');
    expect(codes(store, draft.id)).not.toContain('particulate_after_unsafe_spread');
    const rows = await drugRows(store);
    expect(rows.find((row) => row.drug_name === 'Triamcinolone (new supplier)')).toMatchObject({ particulate: 'no' });
  });

  it('a draft cannot bring facts of its own: they are set at signing from the catalogue', () => {
    const { store, operatorId } = tempStore();
    const draft = atIntravascularTarget(operatorId, 'FORGED-1');
    const forged = {
      ...draft,
      drugs: [
        { ...draft.drugs?.[0], asSigned: { name: 'Saline', drugClass: 'other', particulate: false, maxDoseMg: null } },
      ],
    };
    const { record } = saveDraft(store, forged, context);
    expect(record.drugs[0]?.asSigned).toBeUndefined();
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
    expect(getProcedure(store, record.id).record.drugs[0]?.asSigned?.name).toBe('Triamcinolone acetonide');
  });

  it('a record signed before schema 6 (no facts of its own) reads the catalogue as it was at the upgrade', async () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, atIntravascularTarget(operatorId, 'OLD-1'), context);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
    // As a schema-5 console left it: no facts beside the drug rows, bare codes in the facts' text.
    const db = store.writer.db;
    const locks = ['drug_administrations_locked_when_signed_update', 'signed_procedure_no_update'].map(
      (name) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string,
    );
    db.exec('DROP TRIGGER drug_administrations_locked_when_signed_update; DROP TRIGGER signed_procedure_no_update');
    db.prepare(
      'UPDATE drug_administrations SET signed_name = NULL, signed_class = NULL, signed_particulate = NULL, signed_max_dose_mg = NULL WHERE procedure_id = ?',
    ).run(record.id);
    db.prepare("UPDATE procedures SET target_drugs_text = replace(target_drugs_text, '!p', '') WHERE id = ?").run(
      record.id,
    );
    const facts = dashboardFactsWriter(db);
    forEachProcedureBatch(db, (rows) => {
      for (const row of rows)
        db.prepare('UPDATE procedures SET dashboard_facts = ? WHERE rowid = ?').run(facts(row), row.rowid);
    });
    expect(proceduresWithWrongFacts(db)).toEqual([]);
    for (const sql of locks) db.exec(sql);
    expect(getProcedure(store, record.id).record.drugs[0]?.asSigned).toBeUndefined();
    // The follow-up outcomes group it by its steroid as the catalogue was then, too.
    const steroidGroups = () =>
      followUpOutcomes(store, {}, { asOf: '2099-12-31' }).bySteroid.map((group) => [group.key, group.early.eligible]);
    const before = {
      warnings: codes(store, record.id),
      dashboard: dashboard(store).spread,
      drugs: await drugRows(store),
      steroid: steroidGroups(),
    };
    expect(before.dashboard.particulateAfterIntravascular.withParticulateSteroid).toBe(1);
    expect(before.steroid).toEqual([['particulate', 1]]);

    saveDrug(
      store,
      { code: 'triamcinolone', name: 'Renamed', drugClass: 'steroid', particulate: false, dosing: 'mg', maxDoseMg: 20 },
      context,
    );
    expect(codes(store, record.id)).toEqual(before.warnings);
    expect(dashboard(store).spread).toEqual(before.dashboard);
    expect(await drugRows(store)).toEqual(before.drugs);
    expect(steroidGroups()).toEqual(before.steroid);
  });
});
