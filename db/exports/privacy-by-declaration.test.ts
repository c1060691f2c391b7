import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import {
  COMPLICATION_FIELDS,
  DRUG_FIELDS,
  type Field,
  FOLLOW_UP_ENTRY_FIELDS,
  isPrivate,
  PROCEDURE_FIELDS,
  TARGET_FIELDS,
} from '../model/index.js';
import { amendProcedure, saveDraft, signProcedure } from '../procedures.js';
import { saveOperator } from '../settings.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { signerOf } from '../testing/signer.js';
import { EXPORT_FORMATS } from './options.js';
import { runExport } from './run.js';

/*
 * Generated from the field declarations (db/model/fields): every field whose privacy class is
 * identifying or free text gets a value of its own, and a pseudonymised export in every format
 * must hold none of them — so a field declared later is covered without a test being written
 * for it. Values the app makes itself (ids, who did what) come from the step that makes them;
 * a private field that none of them gives, and that is not entered content, fails the test.
 */

const DECLARATIONS: readonly (readonly Field[])[] = [
  PROCEDURE_FIELDS,
  TARGET_FIELDS,
  DRUG_FIELDS,
  COMPLICATION_FIELDS,
  FOLLOW_UP_ENTRY_FIELDS,
];
const PRIVATE = DECLARATIONS.flatMap((fields) => fields.filter(isPrivate));
/** Private values the app makes itself: the ids, and what points at them. */
const MADE_BY_THE_APP = new Set([
  'procedure.id',
  'followUpEntry.procedureId',
  'followUpEntry.id',
  'followUpEntry.supersedes',
  // The record points at an operator by id; what an export shows is the operator's name.
  'procedure.operatorId',
]);

/** The printed names of who signed, amended and recorded: operators' names since schema 20. */
const SIGNER_NAMES = new Set(['procedure.signedBy', 'procedure.amendedBy', 'followUpEntry.recordedBy']);

/** A value nobody would write by chance, of the field's type, within its limits. */
function sampleOf(field: Field, index: number): string {
  switch (field.type) {
    case 'date':
      return `19${String(20 + index).padStart(2, '0')}-04-19`;
    case 'time':
      return `05:${String(10 + index).padStart(2, '0')}`;
    case 'datetime':
      return `2026-03-14T05:${String(10 + index).padStart(2, '0')}:00+01:00`;
    default: {
      const text = `Zq${field.part}${field.key}${index}Qz`.slice(0, field.maxLength ?? 64);
      // A field whose rule takes no such text (a DICOM UID) gets a value of its own form, as unlikely.
      return field.schema?.safeParse(text).success === false ? `2.25.${9876543210 + index}` : text;
    }
  }
}

async function textOf(files: string[]): Promise<string> {
  const texts: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.xlsx')) {
      texts.push(readFileSync(file, 'utf8'));
      continue;
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => texts.push(JSON.stringify(row.values))));
  }
  return texts.join('\n');
}

describe('pseudonymised exports, by the privacy class of every declared field', () => {
  it('hold no value of any identifying or free-text field, in CSV, XLSX, JSON and FHIR', async () => {
    const { store, operatorId } = tempStore();
    const samples = new Map<Field, string>(PRIVATE.map((field, index) => [field, sampleOf(field, index)]));
    const entered = (fields: readonly Field[]) =>
      Object.fromEntries(
        fields
          .filter(
            (field) =>
              isPrivate(field) && field.role === 'content' && !MADE_BY_THE_APP.has(`${field.part}.${field.key}`),
          )
          .map((field) => [field.key, samples.get(field)]),
      );
    const life = (fields: readonly Field[], key: string) =>
      samples.get(fields.find((field) => field.key === key) as Field) as string;

    // Who signs, amends and records is an operator proven by their PIN: their names are the samples.
    const operatorNamed = (name: string) => {
      const id = saveOperator(store, { name }, context).id;
      return { id, proof: signerOf(store, id) };
    };
    const signer = operatorNamed(life(PROCEDURE_FIELDS, 'signedBy'));
    const amender = operatorNamed(life(PROCEDURE_FIELDS, 'amendedBy'));
    const recorderOperator = operatorNamed(life(FOLLOW_UP_ENTRY_FIELDS, 'recordedBy'));
    expect(operatorId).not.toBe(signer.id);
    const base = completeDraft(signer.id);
    const draft = {
      ...base,
      ...entered(PROCEDURE_FIELDS),
      // The no-dose reason's words are kept only for a case with no dose (dose-record.ts).
      dlpMGyCm: null,
      noDoseReason: 'other' as const,
      targets: (base.targets ?? []).map((target) => ({ ...target, ...entered(TARGET_FIELDS) })),
      drugs: (base.drugs ?? []).map((drug) => ({ ...drug, ...entered(DRUG_FIELDS) })),
      complications: (base.complications ?? []).map((entry) => ({ ...entry, ...entered(COMPLICATION_FIELDS) })),
    };
    const at = (time: string) => () => new Date(`2026-03-14T${time}:00Z`);
    const created = saveDraft(store, draft, { actor: life(PROCEDURE_FIELDS, 'createdBy'), now: at('09:00') });
    const id = created.record.id;
    const confirmed = { confirmedWarnings: EVERY_CONFIRMABLE_WARNING };
    signProcedure(store, id, confirmed, signer.proof, { actor: life(PROCEDURE_FIELDS, 'signedBy'), now: at('10:00') });
    amendProcedure(
      store,
      { ...draft, id, painPost: 3 },
      { ...confirmed, reason: life(PROCEDURE_FIELDS, 'amendReason') },
      amender.proof,
      { actor: life(PROCEDURE_FIELDS, 'amendedBy'), now: at('11:00') },
    );
    const recorder = { actor: life(FOLLOW_UP_ENTRY_FIELDS, 'recordedBy'), now: () => new Date('2026-03-20T10:00:00Z') };
    const first = recordFollowUp(
      store,
      { procedureId: id, contactDate: '2026-03-16', method: 'phone', legNrs: 3, ...entered(FOLLOW_UP_ENTRY_FIELDS) },
      recorderOperator.proof,
      recorder,
    );
    const correction = recordFollowUp(
      store,
      {
        procedureId: id,
        contactDate: '2026-03-16',
        method: 'phone',
        legNrs: 2,
        ...entered(FOLLOW_UP_ENTRY_FIELDS),
        supersedes: first.id,
      },
      recorderOperator.proof,
      recorder,
    );
    // Values the app made: the record's and the entries' ids, and what points at them.
    const made: Record<string, string> = {
      'procedure.id': id,
      'followUpEntry.procedureId': id,
      'followUpEntry.id': correction.id,
      'followUpEntry.supersedes': first.id,
      // The record's operator signs it: the export names them by the signer's name.
      'procedure.operatorId': life(PROCEDURE_FIELDS, 'signedBy'),
    };
    const values = PRIVATE.map((field) => {
      const name = `${field.part}.${field.key}`;
      const value = made[name] ?? samples.get(field);
      return { name, value: value as string };
    });

    const identified = await runExport(store, { format: 'json', out: tempPath('identified.json') });
    const identifiedText = await textOf(identified.files);
    // Each value reached the logbook (so its absence below means something).
    for (const { name, value } of values) expect(identifiedText, `${name} was stored`).toContain(value);

    for (const format of EXPORT_FORMATS) {
      const result = await runExport(store, {
        format,
        out: tempPath(`pseudonymised.${format}`),
        pseudonymize: true,
        detailFiles: format === 'csv',
      });
      const text = await textOf(result.files);
      // A signer is an operator proven by their PIN (schema 20): their printed name is an
      // operator's, whom pseudonymised exports name by design (the operator column and list).
      // The signer-name columns themselves are still left out, as their privacy class says.
      for (const { name, value } of values)
        if (!SIGNER_NAMES.has(name)) expect(text, `${format}: ${name}`).not.toContain(value);
      if (format === 'csv') expect(text.split('\n')[0]?.split(',')).not.toEqual(expect.arrayContaining(['signed_by']));
    }
    store.close();
  });
});
