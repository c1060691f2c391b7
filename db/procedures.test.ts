import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from './audit.js';
import type { ProcedureInput, RootLogError } from './model/index.js';
import {
  amendProcedure,
  clinicalContent,
  deleteDraft,
  getProcedure,
  getVersion,
  saveDraft,
  signProcedure,
} from './procedures.js';
import { saveOperator, updateSettings } from './settings.js';
import type { Store } from './store.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';
import { recordSigner, signerOf, someSigner } from './testing/signer.js';

let store: Store;
let operatorId: string;
/** The proof of tempStore's operator, Dr. A. Keller: who signs their records. */
let signer: ReturnType<typeof tempStore>['signer'];
beforeEach(() => {
  ({ store, operatorId, signer } = tempStore());
});

const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error as RootLogError;
  }
  throw new Error('expected an error');
};

const signed = (overrides: Partial<ProcedureInput> = {}) => {
  const { record } = saveDraft(store, completeDraft(operatorId, overrides), context);
  return signProcedure(store, record.id, {}, recordSigner(store, record.id), context).record;
};

describe('saving drafts', () => {
  it('creates a draft with a UUIDv7, the console name and a create audit row', () => {
    const { record } = saveDraft(store, { patientId: 'P1' }, context);
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(record).toMatchObject({ status: 'draft', version: 1, patientId: 'P1', createdBy: 'Dr. Test' });
    expect(record.performedAt).toMatch(/[+-]\d\d:\d\d$/);
    const history = auditHistory(store, 'procedure', record.id);
    expect(history.map((entry) => entry.action)).toEqual(['create']);
    expect(history[0]?.changes.patientId).toEqual({ before: null, after: 'P1' });
  });

  it('replaces a draft and audits what changed, before and after', () => {
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    saveDraft(store, { ...completeDraft(operatorId, { painPost: 3 }), id: record.id }, context);
    const history = auditHistory(store, 'procedure', record.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[1]?.changes).toEqual({ painPost: { before: 2, after: 3 } });
    // Only the procedure's own row was rewritten; its parts are still all there.
    const after = getProcedure(store, record.id).record;
    expect(clinicalContent(after)).toEqual({ ...clinicalContent(record), painPost: 3 });
    saveDraft(store, { ...clinicalContent(after), drugs: [{ drug: 'dexamethasone', doseMg: 4, site: 0 }] }, context);
    expect(getProcedure(store, record.id).record.drugs).toEqual([{ drug: 'dexamethasone', doseMg: 4, site: 0 }]);
  });

  it('writes nothing when the content did not change (autosave)', () => {
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    saveDraft(store, { ...completeDraft(operatorId), id: record.id }, context);
    expect(auditHistory(store, 'procedure', record.id)).toHaveLength(1);
  });

  it('stores what it was given and reads it back the same', () => {
    const input = completeDraft(operatorId, {
      targets: [
        {
          root: 'L5',
          side: 'left',
          foramen: 'L5/S1',
          approach: 'transforaminal',
          needleGauge: 22,
          needleLengthMm: 90,
          needleRepositionings: 1,
          spread: ['epidural', 'perineural'],
          provokedPain: 'concordant',
          injectionSlowed: true,
        },
        { root: 'S1', side: 'left', spread: ['not_assessed'] },
      ],
      caudalEpidural: true,
      caudalSpread: ['epidural'],
      drugs: [
        { drug: 'dexamethasone', doseMg: 4, site: 0, lot: 'LOT-1' },
        { drug: 'dexamethasone', doseMg: 4, site: 'caudal' },
      ],
      complications: [{ type: 'vasovagal', severity: 'minor' }],
    });
    const { record } = saveDraft(store, input, context);
    const content = clinicalContent(record);
    expect(content).toMatchObject({ ...input, targets: expect.any(Array) });
    expect(content.targets[0]?.spread).toEqual(['perineural', 'epidural']);
    expect(content.targets[0]?.injectionSlowed).toBe(true);
    expect(content.drugs[1]?.site).toBe('caudal');
  });

  it('refuses bad input with the field and rule, and keeps the stored draft', () => {
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    const error = errorOf(() =>
      saveDraft(store, { ...completeDraft(operatorId), id: record.id, painPre: 12 }, context),
    );
    expect(error).toMatchObject({
      code: 'validation',
      field: 'painPre',
      message: 'Pain before (NRS) must be a whole number from 0 to 10',
    });
    expect(getProcedure(store, record.id).record.painPre).toBe(7);
  });

  it('refuses unknown operators, drugs and targets that do not exist', () => {
    const error = errorOf(() =>
      saveDraft(
        store,
        completeDraft('no-such-operator', { drugs: [{ drug: 'aspirin', doseMg: 1, site: 4 }] }),
        context,
      ),
    );
    expect(error.problems?.map((p) => p.field)).toEqual(['operatorId', 'drugs[0].drug', 'drugs[0].site']);
    expect(store.writer.db.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(0);
  });

  it('refuses to edit a signed record as a draft', () => {
    const record = signed();
    const error = errorOf(() =>
      saveDraft(store, { ...completeDraft(operatorId), id: record.id, painPost: 0 }, context),
    );
    expect(error.code).toBe('not_a_draft');
    expect(getProcedure(store, record.id).record.painPost).toBe(2);
  });
});

describe('signing', () => {
  it('signs a complete draft, keeps version 1 and audits it', () => {
    const record = signed();
    // The signer is the operator proven by their PIN, by their printed name: not the console's account.
    expect(record).toMatchObject({
      status: 'signed',
      version: 1,
      signedBy: 'Dr. A. Keller',
      signedById: operatorId,
      signedMeaning: 'performed_and_signed',
    });
    expect(getVersion(store, record.id, 1)).toEqual(clinicalContent(record));
    expect(auditHistory(store, 'procedure', record.id).map((entry) => entry.action)).toEqual(['create', 'sign']);
  });

  it('refuses an incomplete draft with every problem at its field, and leaves it a draft', () => {
    const { record } = saveDraft(store, { patientId: 'P1', painPre: 5 }, context);
    const error = errorOf(() => signProcedure(store, record.id, {}, signer, context));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/cannot be signed yet: 8 fields need attention/);
    expect(error.problems?.map((p) => p.field)).toEqual([
      'operatorId',
      'indications',
      'consent',
      'modality',
      'painPost',
      'targets',
      'drugs',
      'complications',
    ]);
    expect(error.field).toBe('operatorId');
    expect(getProcedure(store, record.id).record.status).toBe('draft');
  });

  it('requires every clinical warning to be confirmed, then records the confirmation', () => {
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, {
        targets: [
          { root: 'S1', side: 'left', spread: ['intravascular_venous'], abnormalSpreadAction: 'digital_subtraction' },
        ],
        drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 0 }],
        complications: [{ type: 'intravascular_injection', severity: 'minor' }],
      }),
      context,
    );
    const error = errorOf(() => signProcedure(store, record.id, {}, recordSigner(store, record.id), context));
    expect(error).toMatchObject({ code: 'warnings_unconfirmed', field: 'drugs[0].drug' });
    expect(getProcedure(store, record.id).record.status).toBe('draft');
    const done = signProcedure(
      store,
      record.id,
      { confirmedWarnings: ['particulate_after_unsafe_spread'] },
      recordSigner(store, record.id),
      context,
    );
    expect(done.record.status).toBe('signed');
    const sign = auditHistory(store, 'procedure', record.id).at(-1);
    expect(sign?.changes.confirmedWarnings).toEqual({ before: null, after: ['particulate_after_unsafe_spread'] });
  });

  it('asks for a reason, not a tick, for a dose above the reference level', () => {
    const { record } = saveDraft(store, completeDraft(operatorId, { dlpMGyCm: 250 }), context);
    const ticked = errorOf(() =>
      signProcedure(
        store,
        record.id,
        { confirmedWarnings: ['dlp_above_reference'] },
        recordSigner(store, record.id),
        context,
      ),
    );
    expect(ticked).toMatchObject({ code: 'warnings_unconfirmed', field: 'doseExceedanceReason' });
    // The refusal names the figure and the level it is above; the field's own line keeps its
    // words, so the window says it in the reader's language.
    expect(ticked.message).toMatch(/give the reason above the reference level \(DLP 250 mGy·cm, level DLP \d+ mGy·cm/);
    expect(ticked.problems?.find((p) => p.field === 'doseExceedanceReason')?.words?.message.id).toBe(
      'warning.aboveReferenceLevel',
    );
    expect(getProcedure(store, record.id).record.status).toBe('draft');
    saveDraft(store, { ...clinicalContent(record), doseExceedanceReason: 'patient_size' }, context);
    const done = signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    expect(done.record).toMatchObject({ status: 'signed', doseExceedanceReason: 'patient_size' });
    const sign = auditHistory(store, 'procedure', record.id).at(-1);
    expect(sign?.changes.confirmedWarnings).toEqual({ before: null, after: ['dlp_above_reference'] });
  });

  it("warns about the patient's steroid total for the day across signed procedures, in dexamethasone equivalents", () => {
    signed();
    const today = { accessionNumber: 'ACC2', performedAt: '2026-03-14T14:00:00+01:00' };
    // 8 mg dexamethasone signed this morning; now 8 mg dexamethasone and 12 mg betamethasone
    // (15 mg of dexamethasone): 31 mg, above the 30 mg limit.
    const drugs = [
      { drug: 'dexamethasone', doseMg: 8, site: 0 },
      { drug: 'betamethasone', doseMg: 12, site: 0 },
    ];
    // Other roots than this morning's L5 left: not the same procedure twice.
    const root = (name: 'L4' | 'S1') => ({
      targets: [
        {
          root: name,
          side: 'left' as const,
          foramen: name === 'L4' ? ('L4/L5' as const) : ('S1' as const),
          approach: 'transforaminal' as const,
          spread: ['perineural' as const],
        },
      ],
    });
    const second = saveDraft(store, completeDraft(operatorId, { ...today, ...root('L4'), drugs }), context);
    expect(second.warnings.map((w) => w.code)).toEqual(['day_steroid_above_maximum']);
    // A draft gave nothing yet: it does not count for another record.
    const third = saveDraft(
      store,
      completeDraft(operatorId, { ...today, ...root('S1'), accessionNumber: 'ACC3' }),
      context,
    );
    expect(third.warnings).toEqual([]);
    const otherDay = saveDraft(store, completeDraft(operatorId, { performedAt: '2026-03-15T09:00:00+01:00' }), context);
    expect(otherDay.warnings).toEqual([]);
  });

  it('refuses to sign twice or to sign what does not exist', () => {
    const record = signed();
    expect(errorOf(() => signProcedure(store, record.id, {}, recordSigner(store, record.id), context)).code).toBe(
      'not_a_draft',
    );
    expect(errorOf(() => signProcedure(store, '01890a5d-ac96-774b-bcce-b302099a8057', {}, signer, context)).code).toBe(
      'not_found',
    );
    expect(errorOf(() => signProcedure(store, 'x', {}, signer, context))).toMatchObject({
      code: 'validation',
      field: 'id',
    });
  });
});

describe('the department’s patient IDs', () => {
  it('are stored as the department writes them, and an ID that does not follow its pattern is refused at the field', () => {
    updateSettings(store, { patientIdRule: { case: 'upper', pattern: 'K-\\d{6}', example: 'K-100301' } }, context);
    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: ' k-100301 ' }), context);
    expect(record.patientId).toBe('K-100301');
    const refused = errorOf(() => saveDraft(store, completeDraft(operatorId, { patientId: 'K100301' }), context));
    expect(refused).toMatchObject({ code: 'validation', field: 'patientId' });
    expect(refused.problems).toMatchObject([
      {
        field: 'patientId',
        message: 'Patient ID does not look like this department’s patient IDs: type it like K-100301',
        words: { message: { id: 'refusal.patientIdOffPattern' }, values: { example: 'K-100301' } },
      },
    ]);
    // A pattern that is not one, or an example that does not follow it, is refused in Settings.
    expect(() =>
      updateSettings(store, { patientIdRule: { case: 'upper', pattern: 'K-(', example: 'K-1' } }, context),
    ).toThrowError(expect.objectContaining({ field: 'patientIdRule.pattern' }));
    expect(() =>
      updateSettings(store, { patientIdRule: { case: 'upper', pattern: 'K-\\d{6}', example: 'K-1' } }, context),
    ).toThrowError(expect.objectContaining({ field: 'patientIdRule.example' }));
  });

  it('do not hold an ID a draft was saved with before the rule: the rest of the draft is saved, the ID kept', () => {
    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'old-78' }), context);
    updateSettings(store, { patientIdRule: { case: 'upper', pattern: 'K-\\d{6}', example: 'K-100301' } }, context);
    const again = saveDraft(store, { ...clinicalContent(record), id: record.id, notes: 'Calm' }, context);
    expect(again.record).toMatchObject({ patientId: 'old-78', notes: 'Calm' });
    // Typed anew, it follows the rule.
    expect(
      errorOf(() => saveDraft(store, { ...clinicalContent(record), id: record.id, patientId: 'old-79' }, context)),
    ).toMatchObject({ code: 'validation', field: 'patientId' });
  });

  it('do not hold an ID signed before the rule: its amendment keeps it as signed', () => {
    const old = signed({ patientId: 'old-77' });
    updateSettings(store, { patientIdRule: { case: 'upper', pattern: 'K-\\d{6}', example: 'K-100301' } }, context);
    const amended = amendProcedure(
      store,
      { ...clinicalContent(old), painPost: 1 },
      { reason: 'Pain re-asked' },
      recordSigner(store, old.id),
      context,
    );
    expect(amended.record.patientId).toBe('old-77');
  });
});

describe('an X-ray-guided case with no dose', () => {
  it('signs only with the reason there is none, which is kept; a dose recorded later makes it moot', () => {
    const { record } = saveDraft(store, completeDraft(operatorId, { dlpMGyCm: null }), context);
    const refused = errorOf(() => signProcedure(store, record.id, {}, recordSigner(store, record.id), context));
    expect(refused.code).toBe('validation');
    expect(refused.problems).toMatchObject([
      {
        field: 'noDoseReason',
        message:
          'Reason no dose is recorded is required to sign a case with no dose recorded: type the DLP, CTDIvol, DAP or fluoroscopy time, or choose why there is none',
        words: { message: { id: 'refusal.noDoseReasonNeeded' } },
      },
    ]);
    saveDraft(store, { ...clinicalContent(record), noDoseReason: 'other' }, context);
    expect(
      errorOf(() => signProcedure(store, record.id, {}, recordSigner(store, record.id), context)).problems?.map(
        (p) => p.field,
      ),
    ).toEqual(['noDoseReasonText']);
    saveDraft(store, { ...clinicalContent(record), noDoseReason: 'dose_report_pending' }, context);
    const done = signProcedure(store, record.id, {}, recordSigner(store, record.id), context).record;
    expect(done).toMatchObject({ status: 'signed', noDoseReason: 'dose_report_pending' });
    // The dose report arrives: the amendment keeps the dose and drops the reason.
    const amended = amendProcedure(
      store,
      { ...clinicalContent(done), dlpMGyCm: 120 },
      { reason: 'Dose report arrived' },
      recordSigner(store, done.id),
      context,
    ).record;
    expect(amended.dlpMGyCm).toBe(120);
    expect(amended.noDoseReason).toBeUndefined();
  });
});

describe('the same patient, the same root, twice on one day', () => {
  const at = (clock: string) => `2026-03-14T${clock}:00+01:00`;

  it('is asked before signing, naming the other record, whatever case and spaces the ID was typed in', () => {
    signed({ patientId: 'K-100301', performedAt: at('09:00') });
    const { record, warnings } = saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'k-100301 ', performedAt: at('09:20') }),
      context,
    );
    const repeated = warnings.filter((warning) => warning.code === 'same_root_same_day');
    expect(repeated.map((warning) => [warning.level, warning.field])).toEqual([['check', 'targets[0].root']]);
    expect(repeated[0]?.message).toBe(
      'This patient already has L5 left (a signed record performed at 09:00) today: is this the same procedure entered twice? Delete the duplicate, or confirm that it was done again.',
    );
    const error = errorOf(() => signProcedure(store, record.id, {}, recordSigner(store, record.id), context));
    expect(error.code).toBe('warnings_unconfirmed');
    expect(error.message).toContain('L5 left (a signed record performed at 09:00)');
    expect(
      signProcedure(
        store,
        record.id,
        { confirmedWarnings: ['same_root_same_day'] },
        recordSigner(store, record.id),
        context,
      ).record.status,
    ).toBe('signed');
  });

  it('names an unsigned draft too; another root, side or day is not asked', () => {
    saveDraft(store, completeDraft(operatorId, { patientId: 'K-2', performedAt: at('08:00') }), context);
    const codes = (overrides: Partial<ProcedureInput>) =>
      saveDraft(store, completeDraft(operatorId, { patientId: 'K-2', ...overrides }), context).warnings.map(
        (warning) => warning.code,
      );
    const again = saveDraft(store, completeDraft(operatorId, { patientId: 'K-2', performedAt: at('08:30') }), context);
    expect(again.warnings.find((w) => w.code === 'same_root_same_day')?.message).toContain(
      'L5 left (an unsigned draft performed at 08:00)',
    );
    expect(
      codes({
        performedAt: at('10:00'),
        targets: [{ root: 'S1', side: 'left', foramen: 'S1', approach: 'transforaminal', spread: ['perineural'] }],
      }),
    ).not.toContain('same_root_same_day');
    expect(codes({ performedAt: '2026-03-15T08:00:00+01:00' })).not.toContain('same_root_same_day');
  });
});

describe('amending', () => {
  it('keeps the old version and records the reason and the changes', () => {
    const record = signed();
    const amended = amendProcedure(
      store,
      { ...clinicalContent(record), painPost: 3 },
      { reason: 'NRS after was 3, not 2' },
      someSigner(store),
      { actor: 'Dr. Lang' },
    );
    expect(amended.record).toMatchObject({
      status: 'amended',
      version: 2,
      painPost: 3,
      amendedBy: 'Dr. A. Keller',
      amendedById: operatorId,
      amendedMeaning: 'amended',
      amendReason: 'NRS after was 3, not 2',
      signedBy: 'Dr. A. Keller',
    });
    expect(getVersion(store, record.id, 1).painPost).toBe(2);
    expect(getVersion(store, record.id, 2).painPost).toBe(3);
    const { history, versions } = getProcedure(store, record.id);
    expect(history.at(-1)).toMatchObject({
      action: 'amend',
      version: 2,
      reason: 'NRS after was 3, not 2',
      changes: { painPost: { before: 2, after: 3 } },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('requires a reason, a change and signable content; a refused amendment changes nothing', () => {
    const record = signed();
    const content = clinicalContent(record);
    expect(
      errorOf(() => amendProcedure(store, { ...content, painPost: 3 }, { reason: ' ' }, someSigner(store), context)),
    ).toMatchObject({
      field: 'reason',
    });
    expect(
      errorOf(() => amendProcedure(store, content, { reason: 'no change' }, someSigner(store), context)).message,
    ).toMatch(/changes nothing/);
    expect(
      errorOf(() =>
        amendProcedure(store, { ...content, painPost: null }, { reason: 'clear NRS' }, someSigner(store), context),
      ),
    ).toMatchObject({ field: 'painPost' });
    expect(getProcedure(store, record.id).record).toEqual(record);
    expect(getProcedure(store, record.id).versions).toHaveLength(1);
  });

  it('cannot amend a draft', () => {
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    expect(
      errorOf(() =>
        amendProcedure(
          store,
          { ...clinicalContent(record), painPost: 1 },
          { reason: 'typo' },
          someSigner(store),
          context,
        ),
      ).code,
    ).toBe('not_a_draft');
  });
});

describe('deleting', () => {
  it('deletes a draft with all its parts and audits what it held', () => {
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    deleteDraft(store, record.id, context);
    expect(errorOf(() => getProcedure(store, record.id)).code).toBe('not_found');
    for (const table of [
      'targets',
      'target_spread',
      'drug_administrations',
      'complications',
      'procedure_indications',
    ]) {
      expect(store.writer.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    const history = auditHistory(store, 'procedure', record.id);
    expect(history.at(-1)).toMatchObject({
      action: 'delete',
      changes: { patientId: { before: 'P1234567', after: null } },
    });
  });

  it('never deletes a signed record', () => {
    const record = signed();
    expect(errorOf(() => deleteDraft(store, record.id, context)).code).toBe('not_a_draft');
    expect(getProcedure(store, record.id).record.status).toBe('signed');
  });
});

describe('what SQLite itself refuses', () => {
  const raw = () => new Database(store.path);

  it('any UPDATE or DELETE on the audit log', () => {
    signed();
    const db = raw();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('any UPDATE or DELETE on a signed version', () => {
    signed();
    const db = raw();
    expect(() => db.prepare("UPDATE procedure_versions SET content = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM procedure_versions').run()).toThrow(/append-only/);
    db.close();
  });

  it('changing or deleting a signed procedure or any of its parts', () => {
    const record = signed();
    const db = raw();
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare('UPDATE procedures SET pain_post = 0 WHERE id = ?').run(record.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM procedures WHERE id = ?').run(record.id)).toThrow(/never be deleted/);
    expect(() => db.prepare("UPDATE targets SET side = 'right' WHERE procedure_id = ?").run(record.id)).toThrow(
      /immutable/,
    );
    expect(() => db.prepare('DELETE FROM drug_administrations WHERE procedure_id = ?').run(record.id)).toThrow(
      /immutable/,
    );
    expect(() =>
      db
        .prepare("INSERT INTO complications (procedure_id, complication, severity) VALUES (?, 'hematoma', 'minor')")
        .run(record.id),
    ).toThrow(/immutable/);
    expect(() =>
      db.prepare('UPDATE procedures SET version = 2, status = ? WHERE id = ?').run('amended', record.id),
    ).toThrow();
    db.close();
    expect(getProcedure(store, record.id).record).toEqual(record);
  });

  it('a signed row without its sign fields, and out-of-range values', () => {
    const { record } = saveDraft(store, { patientId: 'P1' }, context);
    const db = raw();
    expect(() => db.prepare("UPDATE procedures SET status = 'signed' WHERE id = ?").run(record.id)).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare('UPDATE procedures SET pain_pre = 11 WHERE id = ?').run(record.id)).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare("UPDATE procedures SET modality = 'mri' WHERE id = ?").run(record.id)).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });

  it('operators are kept: a record points at them', () => {
    const record = signed();
    const db = raw();
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare('DELETE FROM operators WHERE id = ?').run(record.operatorId)).toThrow(/FOREIGN KEY/);
    db.close();
    // Another administrator first: the last one who can prove it is never deactivated.
    const colleague = saveOperator(store, { name: 'Dr. B. Amrein', administrator: true }, context).id;
    signerOf(store, colleague);
    expect(saveOperator(store, { id: operatorId, name: 'Dr. A. Keller', active: false }, context).active).toBe(false);
  });
});

describe('the denormalised list columns', () => {
  it('always match the tables they summarise', () => {
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, {
        indications: ['foraminal_stenosis', 'disc_herniation'],
        targets: [
          { root: 'L4', side: 'left', spread: ['epidural', 'perineural'] },
          { root: 'L5', side: 'left', spread: ['perineural'] },
        ],
        caudalEpidural: true,
        caudalSpread: ['epidural'],
        drugs: [
          { drug: 'dexamethasone', doseMg: 4, site: 0 },
          { drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 1.5, site: 1 },
          { drug: 'dexamethasone', doseMg: 4, site: 'caudal' },
        ],
        complications: [{ type: 'vasovagal', severity: 'minor' }],
      }),
      context,
    );
    signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    const current = getProcedure(store, record.id).record;
    amendProcedure(
      store,
      { ...clinicalContent(current), complications: [{ type: 'none' }] },
      { reason: 'was not vasovagal' },
      someSigner(store),
      context,
    );
    const row = store.writer.db
      .prepare(
        'SELECT root_sides, indications_text, caudal_spread_text, complications_text FROM procedures WHERE id = ?',
      )
      .get(record.id);
    expect(row).toEqual({
      root_sides: 'L4 left,L5 left',
      indications_text: 'disc_herniation;foraminal_stenosis',
      caudal_spread_text: 'epidural',
      complications_text: 'none',
    });
    expect(
      store.writer.db
        .prepare('SELECT spread_text, drugs_text FROM targets WHERE procedure_id = ? ORDER BY ordinal')
        .all(record.id),
    ).toEqual([
      { spread_text: 'perineural;epidural', drugs_text: 'dexamethasone 4 mg' },
      { spread_text: 'perineural', drugs_text: 'lidocaine 15 mg' },
    ]);
  });
});
