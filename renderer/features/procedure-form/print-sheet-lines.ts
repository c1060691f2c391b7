import { translator } from '../../../db/i18n/translator.js';
import {
  aftercareSheet,
  ageInYears,
  catalogueForRecord,
  clinicalContent,
  type Department,
  type DepartmentSettings,
  type FollowUpEntry,
  formatDate,
  formatDateTime,
  formatNumber,
  type Language,
  localeFor,
  type ProcedureRecord,
  procedureReport,
  type SignatureMeaning,
  speakingLanguage,
} from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { type PrintWords, printWords } from './print-words.js';
import { reportLocale, reportSpeaking } from './report-speaking.js';
import { type SummarySection, summaryOf } from './signed-summary-lines.js';

/*
 * What the printed record and the patient's aftercare sheet say, from the record and the
 * settings: pure, so each line is tested without a window or a printer. The sheets render it
 * (PrintSheets.tsx); the print stylesheet puts the page header and "page / pages" around it.
 */

export interface PrintedLine {
  label: string;
  value: string;
  /** An identifier: printed whole on one line, never broken inside. */
  id?: boolean;
}

/** The running header and footer of every page (CSS margin boxes). */
export interface PageFrame {
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
}

export interface RecordSheet {
  frame: PageFrame;
  /** The department's language, the sheet's `lang`. */
  language: Language;
  /** The sheet's own headings, in its language. */
  words: Pick<PrintWords, 'reportTitle' | 'signaturesTitle' | 'followUpsTitle' | 'noFollowUps' | 'recordId'>;
  department: Department;
  title: string;
  status: string;
  patient: PrintedLine[];
  sections: SummarySection[];
  report: string;
  signatures: { line: string; reason?: string }[];
  followUps: { line: string; superseded: boolean }[];
  recordId: string;
  printed: string;
}

export interface AftercarePrintout {
  frame: PageFrame;
  department: Department;
  /** The patient's language, the sheet's `lang`. */
  language: Language;
  title: string;
  patient: string;
  /** "Performed by Dr. A. Keller on 12.03.2026 09:30". */
  performed: string | null;
  callUsTitle: string;
  sections: { title: string; lines: readonly string[] }[];
  callUs: string | null;
}

export interface SheetContext {
  settings: Pick<
    DepartmentSettings,
    | 'department'
    | 'locale'
    | 'consoleName'
    | 'drugCatalogue'
    | 'operators'
    | 'reportTemplate'
    | 'language'
    | 'reportLanguage'
    | 'wordings'
  >;
  /** The record's follow-ups (others are left out). */
  followUps: readonly FollowUpEntry[];
  /** The record's signed versions: 1 the signature, each later one an amendment with its reason. */
  versions: readonly SignedVersion[];
  printedAt: Date;
}

const who = (record: ProcedureRecord) =>
  [record.patientName, record.patientId ? `(${record.patientId})` : null].filter(Boolean).join(' ');

function frame(record: ProcedureRecord, settings: SheetContext['settings'], sheet: string, printed: string): PageFrame {
  const { department } = settings;
  return {
    headerLeft: [department.name || `RootLog — ${settings.consoleName}`, department.phone].filter(Boolean).join(' · '),
    headerRight: `${sheet} — ${who(record)}`,
    footerLeft: printed,
  };
}

/**
 * A sheet's words in its reader's language, the department's corrected wordings included, and
 * the locale its dates and numbers are written in (the department's, or that language's).
 */
const wordsIn = (language: Language, settings: SheetContext['settings']) => {
  const t = translator(language, settings.wordings);
  return { t, W: printWords(t), locale: localeFor(language, settings) };
};

/** The record for the chart: in the department's language. */
export function recordSheet(record: ProcedureRecord, context: SheetContext): RecordSheet {
  const { settings } = context;
  const { language } = settings;
  const { t, W, locale } = wordsIn(language, settings);
  const dateTime = (iso: string) => formatDateTime(iso, locale);
  const content = clinicalContent(record);
  const catalogue = catalogueForRecord(content, settings.drugCatalogue);
  const drugs = new Map(catalogue.map((drug) => [drug.code, drug]));
  const operator = settings.operators.find((entry) => entry.id === record.operatorId)?.name ?? null;
  const age = record.birthDate && record.performedAt ? ageInYears(record.birthDate, record.performedAt) : null;
  const line = (label: string, value: string | null | undefined, id = false): PrintedLine[] =>
    value ? [{ label, value, ...(id ? { id } : {}) }] : [];
  const printed = W.printed(dateTime(context.printedAt.toISOString()), settings.consoleName);
  return {
    frame: frame(record, settings, W.recordHeader, `${printed} · ${W.recordId} ${record.id}`),
    language,
    words: W,
    department: settings.department,
    title: W.recordTitle,
    status: `${W.status[record.status] ?? record.status}${record.version > 1 ? `, ${W.version(record.version)}` : ''}`,
    patient: [
      ...line(W.patient, record.patientName),
      ...line(W.patientId, record.patientId, true),
      ...line(
        W.born,
        record.birthDate ? `${formatDate(record.birthDate, locale)}${age == null ? '' : ` (${W.years(age)})`}` : null,
      ),
      ...line(W.sex, words(record.sex)),
      ...line(W.accession, record.accessionNumber, true),
      ...line(W.performed, record.performedAt ? dateTime(record.performedAt) : null),
      ...line(W.time, record.startedAt ? `${record.startedAt}${record.endedAt ? `–${record.endedAt}` : ''}` : null),
      ...line(W.operator, operator ?? record.operatorId),
      ...line(W.assistant, record.assistant),
    ],
    // The first section of the screen's summary is the patient and procedure, printed above.
    sections: summaryOf(record, settings.drugCatalogue, settings.operators, { t, language, locale }).slice(1),
    report: procedureReport(
      content,
      {
        operatorName: operator,
        drug: (code) => drugs.get(code),
        speaking: reportSpeaking(settings),
        locale: reportLocale(settings),
      },
      settings.reportTemplate,
    ),
    signatures: signatures(record, context.versions, W, dateTime),
    followUps: context.followUps
      .filter((entry) => entry.procedureId === record.id)
      .map((entry) => ({
        line: W.followUpLine(
          W.followUp(entry.daysAfter, formatDate(entry.contactDate, locale), words(entry.method).toLowerCase()),
          [
            W.legPain(entry.legNrs),
            W.backPain(entry.backNrs),
            entry.reliefPercent != null ? W.relief(formatNumber(entry.reliefPercent, locale)) : null,
            entry.globalImpression ? words(entry.globalImpression).toLowerCase() : null,
            W.recordedBy(entry.recordedBy),
            entry.reason ? W.correction(entry.reason) : null,
            entry.supersededBy ? W.superseded : null,
          ]
            .filter(Boolean)
            .join(', '),
        ),
        superseded: entry.supersededBy !== null,
      })),
    recordId: record.id,
    printed,
  };
}

export interface SignedVersion {
  version: number;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** What the signature means, where the signer proved it with their PIN (schema 20 on). */
  meaning?: SignatureMeaning | null;
}

function signatures(
  record: ProcedureRecord,
  versions: readonly SignedVersion[],
  W: PrintWords,
  dateTime: (iso: string) => string,
): RecordSheet['signatures'] {
  if (record.status === 'draft' || !record.signedBy || !record.signedAt) return [{ line: W.notSigned }];
  const amended = versions.filter((version) => version.version > 1);
  // A record read without its versions still names its latest amendment.
  const fromRecord =
    amended.length === 0 && record.amendedBy && record.amendedAt
      ? [
          {
            version: record.version,
            signedBy: record.amendedBy,
            signedAt: record.amendedAt,
            reason: record.amendReason,
            meaning: record.amendedMeaning ?? null,
          },
        ]
      : [];
  return [
    { line: W.signedBy(record.signedBy, dateTime(record.signedAt), record.signedMeaning ?? null) },
    ...[...amended, ...fromRecord].map((version) => ({
      line: W.amendedBy(version.version, version.signedBy, dateTime(version.signedAt), version.meaning ?? null),
      ...(version.reason ? { reason: W.amendReason(version.reason) } : {}),
    })),
  ];
}

export function aftercarePrintout(
  record: ProcedureRecord,
  context: Omit<SheetContext, 'followUps' | 'versions'>,
): AftercarePrintout {
  const { settings } = context;
  // What the patient takes home is in the patient's language; the department's when the record does not say.
  const language = speakingLanguage(record.patientLanguage) ?? settings.language;
  const { t, W, locale } = wordsIn(language, settings);
  const content = clinicalContent(record);
  const drugs = new Map(catalogueForRecord(content, settings.drugCatalogue).map((drug) => [drug.code, drug]));
  const sheet = aftercareSheet(
    content,
    (code) => drugs.get(code),
    { t, language },
    { phone: settings.department.phone, locale },
  );
  const date = sheet.date ? formatDate(sheet.date, locale) : '';
  const doctor = settings.operators.find((entry) => entry.id === record.operatorId)?.name ?? null;
  return {
    frame: frame(record, settings, W.aftercareHeader, ''),
    department: settings.department,
    language,
    title: sheet.title,
    patient: [who(record), date].filter(Boolean).join(' — '),
    performed: record.performedAt ? W.performedBy(doctor, formatDateTime(record.performedAt, locale)) : null,
    callUsTitle: W.callUsTitle,
    sections: [
      { title: W.sections.given, lines: sheet.injected },
      { title: W.sections.expect, lines: sheet.expect },
      { title: W.sections.today, lines: sheet.todo },
      { title: W.sections.call, lines: sheet.call },
    ],
    callUs: settings.department.phone ? W.callUs(settings.department.name, settings.department.phone) : null,
  };
}
