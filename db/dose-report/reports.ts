import { createHash } from 'node:crypto';
import type { DoseReportInbox, WaitingDoseReport } from '../model/dose-inbox.js';
import { checkDosesPlausibility, type DosePlausibilityFinding } from '../model/dose-plausibility.js';
import { doseDeviceOf } from '../model/dose-report-words.js';
import { RootLogError } from '../model/errors.js';
import { DOSE_FILL_MESSAGES, DOSE_WAITING_MESSAGES as WHY } from '../model/main-messages.js';
import { patientKey } from '../model/patient-id.js';
import { REFUSAL_MESSAGES as R } from '../model/refusal-messages.js';
import { sentence, type Words } from '../model/words.js';
import type { ReadConnection, WriteConnection } from '../sqlite/connection.js';
import {
  currentReportsOfProcedure,
  currentReportsOfStudy,
  type DoseReportRow,
  doseReportById,
  doseReportBySopInstance,
  doseReportBytes,
  insertDoseReport,
  LINK_RULES,
  type LinkedBy,
  type LinkRule,
  latestSignedDoses,
  linkDoseReport,
  markReplaced,
  proceduresFor,
  waitingDoseReports,
} from '../sqlite/dose-reports.js';
import { procedureExists, readProcedure } from '../sqlite/procedure-rows.js';
import { newId, type ServiceContext, type Store, timestamp } from '../store.js';
import { NotADoseReportError } from './dicom-file.js';
import { part10Around } from './part10.js';
import { readDoseReportFile } from './read-dose-report.js';
import {
  type CtEvent,
  type DoseReportSummary,
  eventUidsOf,
  type Phantom,
  type ProjectionEvent,
  type ReportKind,
  storedSummary,
  summaryFromStored,
} from './summary.js';

/*
 * Dose reports received, kept and linked to their procedure. A report is kept exactly as it
 * came; the same report twice (its SOP Instance UID) is one report; a later report of the
 * same study whose irradiation events include an earlier one's replaces it, and one whose
 * events are all in a report already kept is kept as replaced (OpenREM decides the same way:
 * remapp/extractors/rdsr.py compares the event UID sets of reports with one Study Instance
 * UID). A report links to its procedure by the strongest key that finds exactly one record
 * (db/sqlite/dose-reports.ts LINK_RULES); one that finds none waits in the inbox until its
 * record appears. Nothing here writes into a procedure: `doseFromReportFor` gives the values
 * to fill, and a person's save fills them.
 */

export interface ReceivedDoseReport {
  /** The bytes as they came: a C-STORE data set, or a Part 10 file. */
  bytes: Uint8Array;
  form: 'dataset' | 'file';
  /** For a data set: its transfer syntax (the accepted presentation context's) and the C-STORE's UIDs. */
  transferSyntaxUid?: string;
  sopClassUid?: string;
  sopInstanceUid?: string;
  /** Where it came from, in words ("C-STORE from CT_SUED1 at 10.1.2.3"). */
  receivedFrom: string;
}

export type ReceiveOutcome =
  | {
      outcome: 'stored';
      reportId: string;
      summary: DoseReportSummary;
      procedureId: string | null;
      linkedBy: LinkedBy | null;
      /** Earlier reports of the study this one replaces. */
      replaced: string[];
      /** The report kept earlier that already holds every event of this one. */
      replacedBy: string | null;
    }
  | { outcome: 'duplicate'; reportId: string; sameBytes: boolean };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const eventsOf = (row: Pick<DoseReportRow, 'eventUids'>): string[] => JSON.parse(row.eventUids) as string[];
const includes = (all: string[], part: string[]) => part.every((uid) => all.includes(uid));

/** The record a report belongs to by the first rule that finds exactly one; more than one is left to a person. */
function matchProcedure(
  read: ReadConnection,
  reportId: string,
  rules: readonly LinkRule[],
): { procedureId: string; by: LinkedBy } | { ambiguous: number; by: LinkedBy } | null {
  for (const rule of rules) {
    const found = proceduresFor(read, reportId, rule);
    if (found.length === 1 && found[0]) return { procedureId: found[0], by: rule.by };
    if (found.length > 1) return { ambiguous: found.length, by: rule.by };
  }
  return null;
}

function tryLink(write: WriteConnection, reportId: string, rules: readonly LinkRule[], at: string) {
  const match = matchProcedure(write, reportId, rules);
  if (match && 'procedureId' in match) {
    linkDoseReport(write, reportId, match.procedureId, match.by, at);
    return match;
  }
  return null;
}

/**
 * Keeps one received report (or knows it already). Throws NotADoseReportError, with the reason
 * in words, for anything that is not a dose report RootLog reads: nothing is kept then.
 */
export function receiveDoseReport(
  store: Store,
  received: ReceivedDoseReport,
  context: ServiceContext,
  rules: readonly LinkRule[] = LINK_RULES,
): ReceiveOutcome {
  let file = received.bytes;
  if (received.form === 'dataset') {
    if (!received.transferSyntaxUid || !received.sopClassUid || !received.sopInstanceUid) {
      throw new RootLogError('validation', sentence(R.receivedNeedsSyntax));
    }
    file = part10Around(received.bytes, {
      transferSyntaxUid: received.transferSyntaxUid,
      sopClassUid: received.sopClassUid,
      sopInstanceUid: received.sopInstanceUid,
    });
  }
  const { summary, transferSyntaxUid } = readDoseReportFile(file);
  if (received.form === 'dataset' && summary.sopInstanceUid !== received.sopInstanceUid) {
    throw new NotADoseReportError(
      sentence(R.doseFileUidNotAnnounced, { found: summary.sopInstanceUid, announced: received.sopInstanceUid ?? '' }),
    );
  }
  const bytesSha256 = sha256(received.bytes);
  const write = store.writer;
  return write.db.transaction((): ReceiveOutcome => {
    const known = doseReportBySopInstance(write, summary.sopInstanceUid);
    if (known) return { outcome: 'duplicate', reportId: known.id, sameBytes: known.bytesSha256 === bytesSha256 };
    const now = timestamp(context);
    const id = newId();
    const events = eventUidsOf(summary);
    insertDoseReport(write, {
      id,
      sopInstanceUid: summary.sopInstanceUid,
      sopClassUid: summary.sopClassUid,
      kind: summary.kind,
      studyInstanceUid: summary.studyInstanceUid,
      accessionNumber: summary.accessionNumber,
      patientId: summary.patientId,
      studyDate: summary.studyDate,
      manufacturer: summary.manufacturer,
      model: summary.model,
      stationName: summary.stationName,
      deviceSerial: summary.deviceSerial,
      irradiationStartedAt: summary.irradiationStartedAt,
      eventUids: JSON.stringify(events),
      summary: storedSummary(summary),
      bytes: received.bytes,
      bytesForm: received.form,
      transferSyntaxUid: received.transferSyntaxUid ?? transferSyntaxUid ?? '1.2.840.10008.1.2.1',
      bytesSha256,
      receivedAt: now,
      receivedFrom: received.receivedFrom,
    });

    const replaced: string[] = [];
    let replacedBy: DoseReportRow | null = null;
    if (summary.studyInstanceUid && events.length > 0) {
      for (const earlier of currentReportsOfStudy(write, summary.studyInstanceUid)) {
        if (earlier.id === id || earlier.kind !== summary.kind) continue;
        const theirs = eventsOf(earlier);
        if (theirs.length === 0) continue;
        if (includes(theirs, events)) {
          replacedBy = earlier;
          break;
        }
        if (includes(events, theirs)) replaced.push(earlier.id);
      }
    }
    if (replacedBy) {
      markReplaced(write, id, replacedBy.id);
      if (replacedBy.procedureId) linkDoseReport(write, id, replacedBy.procedureId, 'earlier_report', now);
      return {
        outcome: 'stored',
        reportId: id,
        summary,
        procedureId: replacedBy.procedureId,
        linkedBy: replacedBy.procedureId ? 'earlier_report' : null,
        replaced,
        replacedBy: replacedBy.id,
      };
    }
    for (const earlier of replaced) markReplaced(write, earlier, id);
    let link: { procedureId: string; by: LinkedBy } | null = tryLink(write, id, rules, now);
    if (!link) {
      // A record linked by hand (or by an earlier key) keeps its fuller report.
      const linkedEarlier = replaced.map((earlier) => doseReportById(write, earlier)).find((row) => row?.procedureId);
      if (linkedEarlier?.procedureId) {
        linkDoseReport(write, id, linkedEarlier.procedureId, 'earlier_report', now);
        link = { procedureId: linkedEarlier.procedureId, by: 'earlier_report' };
      }
    }
    return {
      outcome: 'stored',
      reportId: id,
      summary,
      procedureId: link?.procedureId ?? null,
      linkedBy: link?.by ?? null,
      replaced,
      replacedBy: null,
    };
  })();
}

/** Links every waiting report whose record has appeared; says how many were linked and how many still wait. */
export function linkWaitingDoseReports(
  store: Store,
  context: ServiceContext,
  rules: readonly LinkRule[] = LINK_RULES,
): { linked: number; waiting: number } {
  const write = store.writer;
  return write.db.transaction(() => {
    const now = timestamp(context);
    let linked = 0;
    const waiting = waitingDoseReports(write);
    for (const report of waiting) if (tryLink(write, report.id, rules, now)) linked += 1;
    return { linked, waiting: waiting.length - linked };
  })();
}

/** The inbox: reports without a procedure, with why, and the line the app shows ("2 dose reports without a procedure"). */
export function doseReportInbox(store: Store, rules: readonly LinkRule[] = LINK_RULES): DoseReportInbox {
  const read = store.reader;
  const reports = waitingDoseReports(read).map((row): WaitingDoseReport => {
    const match = matchProcedure(read, row.id, rules);
    const summary = summaryFromStored(row.summary);
    return {
      id: row.id,
      receivedAt: row.receivedAt,
      receivedFrom: row.receivedFrom,
      kind: row.kind,
      patientId: row.patientId,
      patientName: summary.patientName,
      accessionNumber: row.accessionNumber,
      studyDate: row.studyDate,
      device: doseDeviceOf(row),
      why:
        match && 'ambiguous' in match
          ? sentence(
              match.by === 'accession'
                ? WHY.ambiguousAccession
                : match.by === 'patient_day'
                  ? WHY.ambiguousPatientDay
                  : WHY.ambiguousStudy,
              { count: match.ambiguous },
            )
          : sentence(WHY.noRecord),
    };
  });
  const count = reports.length;
  return {
    count,
    words:
      count === 0
        ? 'No dose reports without a procedure'
        : `${count} dose report${count === 1 ? '' : 's'} without a procedure`,
    reports,
  };
}

/** A person links a waiting report (or moves a linked one) to a record. */
export function linkDoseReportByHand(
  store: Store,
  reportId: string,
  procedureId: string,
  context: ServiceContext,
): void {
  const write = store.writer;
  write.db.transaction(() => {
    if (!doseReportById(write, reportId))
      throw new RootLogError('not_found', sentence(R.noDoseReport), { field: 'reportId' });
    if (!procedureExists(write.db, procedureId)) {
      throw new RootLogError('not_found', sentence(R.noSuchProcedure), { field: 'procedureId' });
    }
    linkDoseReport(write, reportId, procedureId, 'hand', timestamp(context));
  })();
}

/** The record's keys a fetched report must share to be attached to it. */
interface RecordKeys {
  patientId?: string | null;
  studyInstanceUid?: string | null;
  accessionNumber?: string | null;
}

const present = (value: string | null | undefined): value is string => !!value?.trim();

/**
 * Why a fetched report may not be attached to the record that asked, in words; null when it
 * may: both patient IDs are there and the same by the lookups' rule (patientKey), and the
 * report's Study Instance UID or accession number is the record's. The SOP Instance UIDs come
 * from the PACS's answer, so the report stored under one may be another sender's: its keys decide.
 */
function whyNotAttached(report: DoseReportRow, record: RecordKeys): Words | null {
  if (!present(report.patientId)) return sentence(WHY.noPatientId);
  if (!present(record.patientId)) return sentence(WHY.recordWithoutPatientId);
  if (patientKey(report.patientId) !== patientKey(record.patientId))
    return sentence(WHY.otherPatient, {
      reportPatientId: report.patientId.trim(),
      recordPatientId: record.patientId.trim(),
    });
  const sameStudy =
    present(report.studyInstanceUid) &&
    present(record.studyInstanceUid) &&
    report.studyInstanceUid.trim() === record.studyInstanceUid.trim();
  const sameAccession =
    present(report.accessionNumber) &&
    present(record.accessionNumber) &&
    report.accessionNumber.trim() === record.accessionNumber.trim();
  if (!sameStudy && !sameAccession) return sentence(WHY.otherStudy);
  return null;
}

/** A fetched report left waiting, and why as words (to follow "but"). */
export interface FetchedReportWaiting {
  sopInstanceUid: string;
  patientId: string;
  why: Words;
}

/**
 * The reports fetched from the PACS for a record (by their SOP Instance UIDs) that the keys left
 * waiting (two records with the accession number, say) are attached to the record that asked,
 * as a person attaching it would (`linked_by = 'hand'`: the person asked for this record);
 * only when both patient IDs are there and the same (patientKey) and the report's study or
 * accession number is the record's: otherwise it waits, and is named in `waiting` with why.
 * The record is read here, in the transaction, so what is compared is what is stored now.
 * A report the keys linked to a record, or one replaced by a later report, is left as it is.
 */
export function attachFetchedDoseReports(
  store: Store,
  procedureId: string,
  sopInstanceUids: readonly string[],
  context: ServiceContext,
): {
  attached: number;
  /** Of the fetched reports, those the record has now (attached, or linked by their keys). */
  linkedHere: number;
  waiting: FetchedReportWaiting[];
} {
  const write = store.writer;
  return write.db.transaction(() => {
    const stored = readProcedure(write.db, procedureId);
    if (!stored) throw new RootLogError('not_found', sentence(R.noSuchProcedure), { field: 'procedureId' });
    const now = timestamp(context);
    let attached = 0;
    let linkedHere = 0;
    const waiting: FetchedReportWaiting[] = [];
    for (const uid of new Set(sopInstanceUids)) {
      const row = doseReportBySopInstance(write, uid);
      if (row?.procedureId === procedureId) linkedHere += 1;
      if (!row || row.procedureId || row.supersededBy) continue;
      const why = whyNotAttached(row, stored.record);
      if (why) {
        waiting.push({ sopInstanceUid: uid, patientId: row.patientId ?? '', why });
        continue;
      }
      linkDoseReport(write, row.id, procedureId, 'hand', now);
      attached += 1;
      linkedHere += 1;
    }
    return { attached, linkedHere, waiting };
  })();
}

/** Where a dose came from: the report's identity, device and time, for "from the scanner's dose report". */
export interface DoseReportSource {
  reportId: string;
  sopInstanceUid: string;
  kind: ReportKind;
  manufacturer: string | null;
  model: string | null;
  stationName: string | null;
  deviceSerial: string | null;
  irradiationStartedAt: string | null;
  receivedAt: string;
  linkedBy: LinkedBy | null;
  /** What the reader found odd in the report, as words (one an earlier RootLog kept in English: as written). */
  warnings: Words[];
}

export interface DoseFromReport {
  procedureId: string;
  reports: DoseReportSource[];
  /** The values for the record's dose fields (null: the reports give none). Filled only by a person's save. */
  fill: {
    dlpMGyCm: number | null;
    ctdiVolMGy: number | null;
    ctAcquisitions: number | null;
    dapGyCm2: number | null;
    fluoroTimeS: number | null;
  };
  ctdiVolPhantom: Phantom | null;
  /** Every irradiation event, for the detail table and the audit. */
  ctEvents: CtEvent[];
  projectionEvents: ProjectionEvent[];
  /** Figures to ask about before they fill a field (a DAP 100× the department's usual …). */
  questions: DosePlausibilityFinding[];
  /** How the reports were combined, when there was more than one, as words. */
  notes: Words[];
}

/** The department's median of a dose field over its latest signed records (at least 20 of them). */
function departmentUsual(read: ReadConnection, field: 'dlpMGyCm' | 'ctdiVolMGy' | 'dapGyCm2' | 'fluoroTimeS') {
  const values = latestSignedDoses(read, field, 500).sort((a, b) => a - b);
  if (values.length < 20) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 ? (values[middle] ?? null) : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}

const sum = (values: (number | null)[]): number | null =>
  values.length === 0 || values.some((value) => value === null)
    ? null
    : Number(values.reduce<number>((total, value) => total + (value ?? 0), 0).toPrecision(12));

/** Reports of one kind whose events partly overlap cannot be added up. */
const overlapping = (reports: DoseReportRow[]) =>
  reports.some((a, i) => reports.slice(i + 1).some((b) => eventsOf(a).some((uid) => eventsOf(b).includes(uid))));

/**
 * What the procedure's dose reports say, ready for the record's dose fields, with the source
 * of each and the questions to ask first. Reports waiting for this record are linked first.
 * Null when the procedure has no dose report.
 */
export function doseFromReportFor(store: Store, procedureId: string, context: ServiceContext): DoseFromReport | null {
  linkWaitingDoseReports(store, context);
  const read = store.reader;
  const rows = currentReportsOfProcedure(read, procedureId);
  if (rows.length === 0) return null;
  const summaries = rows.map((row) => summaryFromStored(row.summary));
  const notes: Words[] = [];
  const ct = summaries.filter((summary) => summary.kind === 'ct');
  const projection = summaries.filter((summary) => summary.kind === 'projection');
  const ctRows = rows.filter((row) => row.kind === 'ct');
  const projectionRows = rows.filter((row) => row.kind === 'projection');
  const ctAddsUp = !overlapping(ctRows);
  const projectionAddsUp = !overlapping(projectionRows);
  if (!ctAddsUp || !projectionAddsUp) {
    notes.push(sentence(DOSE_FILL_MESSAGES.overlapping));
  }
  if (ct.length > 1 && ctAddsUp) notes.push(sentence(DOSE_FILL_MESSAGES.ctAdded, { count: ct.length }));
  if (projection.length > 1 && projectionAddsUp) {
    notes.push(sentence(DOSE_FILL_MESSAGES.projectionAdded, { count: projection.length }));
  }
  const ctEvents = ct.flatMap((summary) => summary.ctEvents);
  const highest = ct
    .filter((summary) => summary.ctdiVolMGy !== null)
    .sort((a, b) => (b.ctdiVolMGy ?? 0) - (a.ctdiVolMGy ?? 0))[0];
  const scans = ctEvents.filter((event) => event.acquisitionType !== 'constant-angle').length;
  const fill = {
    dlpMGyCm: ctAddsUp ? sum(ct.map((summary) => summary.dlpMGyCm)) : null,
    ctdiVolMGy: highest?.ctdiVolMGy ?? null,
    ctAcquisitions: ct.length > 0 && scans > 0 ? scans : null,
    dapGyCm2: projectionAddsUp ? sum(projection.map((summary) => summary.dapGyCm2)) : null,
    fluoroTimeS: projectionAddsUp ? sum(projection.map((summary) => summary.fluoroTimeS)) : null,
  };
  const usual = {
    dlpMGyCm: departmentUsual(read, 'dlpMGyCm'),
    ctdiVolMGy: departmentUsual(read, 'ctdiVolMGy'),
    dapGyCm2: departmentUsual(read, 'dapGyCm2'),
    fluoroTimeS: departmentUsual(read, 'fluoroTimeS'),
  };
  return {
    procedureId,
    reports: rows.map((row, index) => ({
      reportId: row.id,
      sopInstanceUid: row.sopInstanceUid,
      kind: row.kind,
      manufacturer: row.manufacturer,
      model: row.model,
      stationName: row.stationName,
      deviceSerial: row.deviceSerial,
      irradiationStartedAt: row.irradiationStartedAt,
      receivedAt: row.receivedAt,
      linkedBy: row.linkedBy,
      warnings: summaries[index]?.warnings.map((warning) => warning.words) ?? [],
    })),
    fill,
    ctdiVolPhantom: highest?.ctdiVolPhantom ?? null,
    ctEvents,
    projectionEvents: projection.flatMap((summary) => summary.projectionEvents),
    questions: checkDosesPlausibility(fill, usual),
    notes,
  };
}

/** A kept report's evidence: the bytes as received, their hash, and a Part 10 file of them to hand on. */
export function doseReportEvidence(store: Store, reportId: string) {
  const read = store.reader;
  const row = doseReportById(read, reportId);
  const bytes = doseReportBytes(read, reportId);
  if (!row || !bytes) throw new RootLogError('not_found', sentence(R.noDoseReport), { field: 'reportId' });
  const file =
    row.bytesForm === 'file'
      ? bytes
      : part10Around(bytes, {
          sopClassUid: row.sopClassUid,
          sopInstanceUid: row.sopInstanceUid,
          transferSyntaxUid: row.transferSyntaxUid,
        });
  return { bytes, bytesForm: row.bytesForm, transferSyntaxUid: row.transferSyntaxUid, sha256: row.bytesSha256, file };
}

export type { DoseReportInbox, WaitingDoseReport };
