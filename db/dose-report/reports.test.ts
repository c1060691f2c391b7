import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { checkDatabase } from '../maintenance.js';
import { type ProcedureInput, sayDevice } from '../model/index.js';
import { inEnglish, say } from '../model/words.js';
import { clinicalContent, deleteDraft, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { insertDoseReport, LINK_RULES } from '../sqlite/dose-reports.js';
import type { Store } from '../store.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { fixtureFile } from './fixtures/fixture-files.js';
import { readDoseReport } from './read-dose-report.js';
import {
  attachFetchedDoseReports,
  doseFromReportFor,
  doseReportEvidence,
  doseReportInbox,
  linkDoseReportByHand,
  linkWaitingDoseReports,
  receiveDoseReport,
} from './reports.js';

let store: Store;
let operatorId: string;
beforeEach(() => {
  ({ store, operatorId } = tempStore());
});
afterEach(() => store.close());

const fileOf = (name: string) => new Uint8Array(readFileSync(fixtureFile(name)));
const receive = (name: string) =>
  receiveDoseReport(store, { bytes: fileOf(name), form: 'file', receivedFrom: `test file ${name}` }, context);
/** A draft for the fixtures' first CT study (ACC-1001, K-100301, 12 March 2026). */
const draft = (overrides: Partial<ProcedureInput> = {}) =>
  saveDraft(
    store,
    completeDraft(operatorId, {
      accessionNumber: 'ACC-1001',
      patientId: 'K-100301',
      performedAt: '2026-03-12T10:10:00+01:00',
      dlpMGyCm: undefined,
      ...overrides,
    }),
    context,
  ).record;
const reportRows = () =>
  store.reader
    .prepare(
      'SELECT sop_instance_uid AS sop, procedure_id AS procedureId, linked_by AS linkedBy, superseded_by AS supersededBy FROM dose_reports ORDER BY rowid',
    )
    .all() as { sop: string; procedureId: string | null; linkedBy: string | null; supersededBy: string | null }[];

describe('keeping and linking dose reports', () => {
  it('links a report to its record by accession number and gives the values to fill, with their source', () => {
    const record = draft();
    const received = receive('ct-standard');
    expect(received).toMatchObject({ outcome: 'stored', procedureId: record.id, linkedBy: 'accession' });
    const dose = doseFromReportFor(store, record.id, context);
    expect(dose?.fill).toEqual({
      dlpMGyCm: 46.59,
      ctdiVolMGy: 4.35,
      ctAcquisitions: 2,
      dapGyCm2: null,
      fluoroTimeS: null,
    });
    expect(dose?.ctdiVolPhantom).toBe('body-32cm');
    expect(dose?.reports).toEqual([
      expect.objectContaining({
        sopInstanceUid: '2.25.310000000000000000000000000000000101',
        manufacturer: 'SIEMENS',
        model: 'SOMATOM go.Up',
        stationName: 'CTSUED1',
        deviceSerial: '108845',
        linkedBy: 'accession',
      }),
    ]);
    expect(dose?.ctEvents.map((event) => event.protocol)).toEqual(['Topogram', 'PRT Planung', 'PRT Nadelkontrolle']);
    expect(dose?.questions).toEqual([]);
  });

  it('keeps the same report sent twice once', () => {
    const first = receive('ct-standard');
    expect(receive('ct-standard')).toEqual({ outcome: 'duplicate', reportId: first.reportId, sameBytes: true });
    expect(reportRows()).toHaveLength(1);
  });

  it('lets a later report whose events include the earlier one’s replace it, in either order of arrival', () => {
    const record = draft();
    const partial = receive('ct-standard-partial');
    const full = receive('ct-standard');
    expect(full).toMatchObject({ outcome: 'stored', replaced: [partial.reportId], replacedBy: null });
    expect(doseFromReportFor(store, record.id, context)?.fill.dlpMGyCm).toBe(46.59);

    // Arriving late, the earlier report is kept as replaced by the fuller one already there.
    const { store: other, operatorId: otherOperator } = tempStore();
    try {
      const otherRecord = saveDraft(
        other,
        completeDraft(otherOperator, { accessionNumber: 'ACC-1001', patientId: 'K-100301', dlpMGyCm: undefined }),
        context,
      ).record;
      const fullFirst = receiveDoseReport(
        other,
        { bytes: fileOf('ct-standard'), form: 'file', receivedFrom: 't' },
        context,
      );
      const late = receiveDoseReport(
        other,
        { bytes: fileOf('ct-standard-partial'), form: 'file', receivedFrom: 't' },
        context,
      );
      expect(late).toMatchObject({ outcome: 'stored', replacedBy: fullFirst.reportId, procedureId: otherRecord.id });
      expect(doseFromReportFor(other, otherRecord.id, context)?.fill.dlpMGyCm).toBe(46.59);
    } finally {
      other.close();
    }
    expect(reportRows().map((row) => row.supersededBy)).toEqual([full.reportId, null]);
  });

  it('keeps a report that arrives before its record in the inbox, and links it when the record appears', () => {
    receive('ct-standard');
    receive('xa-single-plane.latin1');
    expect(doseReportInbox(store)).toMatchObject({
      count: 2,
      words: '2 dose reports without a procedure',
      reports: [
        expect.objectContaining({
          accessionNumber: 'ACC-1001',
          patientName: 'Müller^Hans',
          device: 'SIEMENS SOMATOM go.Up (CTSUED1)',
        }),
        expect.objectContaining({ accessionNumber: 'ACC-8001', kind: 'projection' }),
      ],
    });
    const record = draft();
    expect(linkWaitingDoseReports(store, context)).toEqual({ linked: 1, waiting: 1 });
    expect(doseReportInbox(store).words).toBe('1 dose report without a procedure');
    expect(doseFromReportFor(store, record.id, context)?.fill.dlpMGyCm).toBe(46.59);

    // Asking for a new record's dose links what was waiting for it.
    const fluoro = draft({ accessionNumber: 'ACC-8001', patientId: 'K-801008', modality: 'fluoroscopy' });
    expect(doseFromReportFor(store, fluoro.id, context)?.fill).toMatchObject({ dapGyCm2: 3.2, fluoroTimeS: 45 });
    expect(doseReportInbox(store).words).toBe('No dose reports without a procedure');
  });

  it('links by patient and day when the accession number is missing, whatever the ID’s case and spaces', () => {
    const record = draft({ accessionNumber: undefined, patientId: 'k-100301 ' });
    expect(receive('ct-standard')).toMatchObject({ procedureId: record.id, linkedBy: 'patient_day' });
  });

  it('leaves a report that matches two records to a person, saying so', () => {
    draft();
    const second = draft({ patientName: 'Muster, Erika (second record)' });
    expect(receive('ct-standard')).toMatchObject({ procedureId: null });
    const waiting = doseReportInbox(store).reports[0];
    expect(waiting && inEnglish(waiting.why)).toBe('2 records match its accession number: choose one.');
    // Said in the reader's language at the dose inbox.
    expect(waiting && say(waiting.why, translator('de'), 'de')).toBe(
      '2 Einträge passen zu seiner Auftragsnummer: Wählen Sie einen.',
    );
    const reportId = doseReportInbox(store).reports[0]?.id ?? '';
    linkDoseReportByHand(store, reportId, second.id, context);
    expect(doseFromReportFor(store, second.id, context)?.reports[0]?.linkedBy).toBe('hand');
  });

  it('links by the Study Instance UID the record took from the worklist before its accession number', () => {
    // Two records: one with the report's accession, one with its study (from the worklist).
    const byStudy = draft({
      accessionNumber: 'ACC-OTHER',
      studyInstanceUid: '2.25.310000000000000000000000000000000001',
    });
    draft();
    const received = receiveDoseReport(
      store,
      { bytes: fileOf('ct-standard'), form: 'file', receivedFrom: 't' },
      context,
    );
    expect(received).toMatchObject({ procedureId: byStudy.id, linkedBy: 'study' });
    expect(LINK_RULES[0]?.by).toBe('study');
  });

  it('never changes a signed record: it gives the values, a person’s save fills them', () => {
    const toSign = draft({ dlpMGyCm: 120 });
    const signed = signProcedure(store, toSign.id, {}, recordSigner(store, toSign.id), context).record;
    const before = getProcedure(store, signed.id);
    expect(receive('ct-standard')).toMatchObject({ procedureId: signed.id });
    expect(getProcedure(store, signed.id)).toEqual(before);
    expect(doseFromReportFor(store, signed.id, context)?.fill.dlpMGyCm).toBe(46.59);
    store.close();
    const check = checkDatabase(store.path);
    expect(check.ok).toBe(true);
    ({ store } = tempStore());
  });

  it('asks before a report fills a field with a figure 100× the department’s usual', () => {
    for (let index = 0; index < 20; index += 1) {
      const record = saveDraft(
        store,
        completeDraft(operatorId, {
          patientId: `P-${index}`,
          accessionNumber: `A-${index}`,
          modality: 'fluoroscopy',
          dlpMGyCm: undefined,
          dapGyCm2: 0.03,
          fluoroTimeS: 30,
        }),
        context,
      ).record;
      signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    }
    const fluoro = draft({ accessionNumber: 'ACC-8001', patientId: 'K-801008', modality: 'fluoroscopy' });
    receive('xa-single-plane.latin1');
    expect(doseFromReportFor(store, fluoro.id, context)?.questions).toEqual([
      expect.objectContaining({
        field: 'dapGyCm2',
        message: 'DAP 3.2 Gy·cm² is 100× the usual: was it µGy·m²? (3.2 µGy·m² = 0.032 Gy·cm²)',
      }),
    ]);
  });

  it('adds up a CT and a fluoroscopy report of one procedure each in its own fields', () => {
    const record = draft({ accessionNumber: 'ACC-1001', modality: 'ct_and_fluoroscopy' });
    receive('ct-standard');
    const xa = receive('xa-single-plane.latin1');
    linkDoseReportByHand(store, xa.reportId, record.id, context);
    expect(doseFromReportFor(store, record.id, context)?.fill).toEqual({
      dlpMGyCm: 46.59,
      ctdiVolMGy: 4.35,
      ctAcquisitions: 2,
      dapGyCm2: 3.2,
      fluoroTimeS: 45,
    });
  });

  it('keeps the evidence as received: never changed, never deleted; a deleted draft sends its report back to the inbox', () => {
    const record = draft();
    const { reportId } = receive('ct-standard');
    const evidence = doseReportEvidence(store, reportId);
    expect(Buffer.from(evidence.file).equals(readFileSync(fixtureFile('ct-standard')))).toBe(true);
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    const db = store.writer.db;
    expect(() => db.prepare("UPDATE dose_reports SET bytes = x'00'").run()).toThrow('kept as received');
    expect(() => db.prepare("UPDATE dose_reports SET summary = '{}'").run()).toThrow('kept as received');
    expect(() => db.prepare('DELETE FROM dose_reports').run()).toThrow('never deleted');
    deleteDraft(store, record.id, context);
    expect(reportRows()[0]).toMatchObject({ procedureId: null });
    expect(doseReportInbox(store).count).toBe(1);
  });

  it('keeps nothing of a file that is not a dose report', () => {
    expect(() => receive('ct-image')).toThrow(/is a CT image/);
    expect(reportRows()).toEqual([]);
  });
});

/*
 * A report fetched from the PACS for a record: the PACS names its SOP Instance UID, so the
 * report stored under that UID is attached to the asking record only by its own keys.
 */
describe('attaching a report fetched for a record', () => {
  const SOP = '2.25.310000000000000000000000000000000101';
  /** ct-standard waiting: two records share its accession number ACC-1001. */
  const waitingReport = () => {
    draft();
    draft();
    expect(receive('ct-standard')).toMatchObject({ outcome: 'stored', procedureId: null });
  };

  it('attaches when the patient IDs are the same by the lookups’ rule (case and spaces)', () => {
    waitingReport();
    const asking = draft({ patientId: 'k- 100301' });
    expect(attachFetchedDoseReports(store, asking.id, [SOP], context)).toEqual({
      attached: 1,
      linkedHere: 1,
      waiting: [],
    });
    expect(reportRows()).toMatchObject([{ sop: SOP, procedureId: asking.id, linkedBy: 'hand' }]);
  });

  it('leaves a report of the patient but of another study and accession number waiting, and says why', () => {
    waitingReport();
    const asking = draft({ accessionNumber: 'ACC-2002' });
    const fetched = attachFetchedDoseReports(store, asking.id, [SOP], context);
    expect(fetched).toMatchObject({
      attached: 0,
      linkedHere: 0,
      waiting: [{ sopInstanceUid: SOP, patientId: 'K-100301' }],
    });
    expect(fetched.waiting.map((waiting) => inEnglish(waiting.why))).toEqual([
      "its Study Instance UID and accession number are not this record's",
    ]);
    expect(reportRows()).toMatchObject([{ sop: SOP, procedureId: null }]);
  });

  it('compares with the record as stored when it attaches, not as it was when the fetch began', () => {
    waitingReport();
    const asking = draft({ patientId: 'K-100399' });
    // The patient ID is corrected while the PACS is being asked: the stored record decides.
    saveDraft(store, { ...clinicalContent(asking), patientId: 'K-100301' }, context);
    expect(attachFetchedDoseReports(store, asking.id, [SOP], context)).toMatchObject({ attached: 1, waiting: [] });
  });
});

describe('the reader’s findings about a report, kept as words', () => {
  const german = (said: Parameters<typeof say>[0]) => say(said, translator('de'), 'de', 'de-CH');
  const UNKNOWN_UNIT =
    'Kumulierte CT-Dosis: CT Dose Length Product Total ist 610 in uGy.m (UCUM), einer Einheit, die RootLog nicht kennt; der Wert wird nicht verwendet.';

  it('keeps them in the summary by message id and values, and says them in the reader’s language', () => {
    const record = draft({ accessionNumber: 'ACC-6001', patientId: 'K-600806' });
    receive('ct-unknown-units');
    const kept = store.reader.prepare('SELECT summary FROM dose_reports').pluck().get() as string;
    const finding = (JSON.parse(kept) as { warnings: Record<string, unknown>[] }).warnings.find((warning) =>
      String(warning.message).startsWith('CT Dose Length Product Total'),
    );
    expect(finding).toEqual({
      code: 'unknown-unit',
      // Its English too: what an earlier RootLog reading this logbook shows.
      message:
        'CT Dose Length Product Total of the accumulated CT dose is 610 in uGy.m (UCUM), a unit RootLog does not know: not used.',
      words: {
        id: 'doseReport.finding.unknownUnit',
        values: {
          item: 'CT Dose Length Product Total',
          where: { id: 'doseReport.part.ctTotal', values: {} },
          value: 610,
          unit: 'uGy.m (UCUM)',
        },
      },
    });
    const dose = doseFromReportFor(store, record.id, context);
    expect(dose?.reports[0]?.warnings.map(german)).toContain(UNKNOWN_UNIT);
  });

  it('reads a summary an earlier RootLog kept in English as it was written, and a report naming no device', () => {
    const summary = readDoseReport(fileOf('ct-unknown-units'));
    const english = summary.warnings.map(({ code, message }) => ({ code, message }));
    // As an earlier RootLog kept it: the findings' English only; the report names no device.
    insertDoseReport(store.writer, {
      id: '0193a0b2-0000-7000-8000-0000000000d1',
      sopInstanceUid: summary.sopInstanceUid,
      sopClassUid: summary.sopClassUid,
      kind: summary.kind,
      studyInstanceUid: summary.studyInstanceUid,
      accessionNumber: summary.accessionNumber,
      patientId: summary.patientId,
      studyDate: summary.studyDate,
      manufacturer: null,
      model: null,
      stationName: null,
      deviceSerial: null,
      irradiationStartedAt: summary.irradiationStartedAt,
      eventUids: '[]',
      summary: JSON.stringify({ ...summary, warnings: english }),
      bytes: fileOf('ct-unknown-units'),
      bytesForm: 'file',
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      bytesSha256: createHash('sha256').update(fileOf('ct-unknown-units')).digest('hex'),
      receivedAt: '2026-03-12T10:00:00Z',
      receivedFrom: 'an earlier RootLog',
    });
    const [waiting] = doseReportInbox(store).reports;
    expect(waiting?.device).toBe('unknown device');
    expect(waiting && sayDevice(waiting.device, translator('de'))).toBe('unbekanntes Gerät');

    const record = draft({ accessionNumber: 'ACC-6001', patientId: 'K-600806' });
    const warnings = doseFromReportFor(store, record.id, context)?.reports[0]?.warnings ?? [];
    expect(warnings.map(german)).toEqual(english.map((warning) => warning.message));
    expect(warnings.map(german)).not.toContain(UNKNOWN_UNIT);
    // The row is read, never rewritten.
    expect(store.reader.prepare('SELECT summary FROM dose_reports').pluck().get()).toBe(
      JSON.stringify({ ...summary, warnings: english }),
    );
  });
});
