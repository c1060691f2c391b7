import { z } from 'zod';
import { AMENDING_MEANINGS, SIGNING_MEANINGS } from '../credentials.js';
import { sayDevice } from '../dose-report-words.js';
import { formatDate, formatDateTime, formatNumber } from '../locale-format.js';
import { reliefPercent } from '../pain.js';
import { RULE_MESSAGES as R } from '../rule-messages.js';
import { tableTime } from '../table-time.js';
import { ageInYears } from '../time.js';
import {
  ABNORMAL_SPREAD_ACTIONS,
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  COMPLICATIONS,
  CONSENT,
  CONTRAST_AGENTS,
  CONTRAST_ALLERGY,
  DISPOSITIONS,
  DOSE_EXCEEDANCE_REASONS,
  DOSE_SOURCES,
  IDENTITY_SOURCES,
  INDICATIONS,
  MODALITIES,
  NO_DOSE_REASONS,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROVOKED_PAIN,
  SEDATIONS,
  SEXES,
  SPREAD_PATTERNS,
  STATUSES,
  SYMPTOM_SIDES,
  YES_NO,
} from '../vocabularies.js';
import { codeInSentence, codeMessageIn } from '../vocabulary-words.js';
import { WARNING_MESSAGES } from '../warning-messages.js';
import { rule } from '../zod-words.js';
import { declareFields, type WritingContext } from './field.js';
import { kind } from './kinds.js';
import { SUMMARY_LABEL_MESSAGES as LABEL, SUMMARY_VALUE_MESSAGES as VALUE } from './summary-words.js';

/** UUIDv7: time-ordered, so records from several consoles merge without collisions. */
export const procedureIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, rule(R.uuidV7));

const list = (values: readonly (string | null | undefined)[]) => values.filter(Boolean).join(', ');
const yesNo = (value: boolean | null | undefined, yes: string, no: string) => (value == null ? null : value ? yes : no);
/** A code's words in the summary's reader's language (its vocabulary's own where it has them): as a line starts, or inside it. */
const said = (context: WritingContext, code: string | null | undefined, vocabulary?: readonly unknown[]) =>
  code ? context.t(codeMessageIn(vocabulary, code)) : '';
const inLine = codeInSentence;

// Fields written inside another field's line of the signed summary.
const TOLD_WITH_ANOTHER = { summary: false } as const;

type Record_ = Record<string, unknown> & {
  patientName?: string | null;
  birthDate?: string | null;
  performedAt?: string | null;
  endedAt?: string | null;
  anticoagulantClass?: string | null;
  timeOutSideMarked?: boolean | null;
  transitionalVertebra?: boolean | null;
  contrastVolumeMl?: number | null;
  caudalSpread: readonly string[];
  caudalProvokedPain?: string | null;
  caudalAbnormalSpreadAction?: string | null;
  painPre?: number | null;
  painPost?: number | null;
  painPostMinutes?: number | null;
  issuerOfPatientId?: string | null;
  requestedProcedureCode?: string | null;
  requestedProcedureScheme?: string | null;
  doseReportDevice?: string | null;
  doseReportAt?: string | null;
};

/**
 * The procedure's own fields (table `procedures`), in the order the exports list them: its
 * clinical content, its life (who made, signed and amended it) and the values derived for the
 * exports. Lists (targets, drugs, complications, spread, indications) have tables of their own.
 */
export const PROCEDURE_FIELDS = declareFields('procedure', [
  {
    key: 'id',
    type: 'text',
    schema: procedureIdSchema.nullish(),
    label: 'Record ID',
    export: { header: 'procedure_id', description: 'UUIDv7 of the record: stable across consoles and exports.' },
    column: 'id',
    // A UUIDv7 encodes its creation time and joins 1:1 with an identified export.
    privacy: 'identifying',
    pseudonymised: {
      as: 'record',
      header: 'record_pseudonym',
      key: 'recordPseudonym',
      label: 'Record (pseudonym)',
      type: 'text',
      description:
        'HMAC-SHA-256 of the record ID with the department key: links the rows of one record across the tables and between pseudonymised exports, never to an identified export.',
    },
    summary: false,
  },
  {
    key: 'status',
    role: 'life',
    ...kind.code(STATUSES),
    label: 'Status',
    export: { description: 'draft, signed, or amended (signed and changed later with a reason).' },
  },
  {
    key: 'version',
    role: 'life',
    type: 'integer',
    label: 'Version',
    export: { description: 'Signed version number (1 = as first signed).' },
  },
  {
    key: 'consoleName',
    role: 'life',
    type: 'text',
    label: 'Console',
    export: { header: 'console', description: 'Console the record was logged at.' },
  },
  {
    key: 'performedAt',
    ...kind.dateTime(),
    label: 'Date and time performed',
    export: {
      label: 'Performed (local time)',
      description: 'Local date and time at the console, ISO 8601 with its UTC offset.',
    },
    summary: {
      section: 'patient',
      label: LABEL.performed,
      write: (performedAt: string, _: unknown, context: WritingContext) => formatDateTime(performedAt, context.locale),
    },
  },
  {
    key: 'performedAtUtc',
    role: 'derived',
    type: 'datetime',
    label: 'Performed (UTC)',
  },
  {
    key: 'performedDate',
    role: 'derived',
    type: 'date',
    label: 'Performed (local date)',
    export: { description: 'Local calendar date of the procedure.' },
  },
  {
    key: 'patientId',
    ...kind.text(64),
    label: 'Patient ID',
    export: { description: "The hospital's patient number." },
    privacy: 'identifying',
    pseudonymised: {
      as: 'patient',
      header: 'patient_pseudonym',
      key: 'patientPseudonym',
      label: 'Patient (pseudonym)',
      type: 'text',
      description:
        'HMAC-SHA-256 of the patient ID with the department key: the same patient gets the same pseudonym in every export; it cannot be reversed without the key, which is never exported.',
    },
    summary: {
      section: 'patient',
      label: LABEL.patient,
      write: (patientId: string | null, record: Record_) =>
        list([record.patientName, record.issuerOfPatientId ? `${patientId} (${record.issuerOfPatientId})` : patientId]),
    },
  },
  {
    key: 'patientName',
    ...kind.text(200),
    label: 'Patient name',
    export: { description: 'Name as entered at the console.' },
    privacy: 'identifying',
    plan: 'fill',
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'birthDate',
    ...kind.date(),
    label: 'Birth date',
    export: { description: 'Birth date.' },
    privacy: 'identifying',
    pseudonymised: {
      as: 'age',
      header: 'age_years',
      key: 'ageYears',
      label: 'Age (years)',
      type: 'integer',
      unit: 'years',
      description: 'Age in full years on the local date of the procedure (the birth date is not exported).',
    },
    plan: 'fill',
    summary: {
      section: 'patient',
      label: LABEL.born,
      write: (birthDate: string, record: Record_, context: WritingContext) => {
        const age = record.performedAt ? ageInYears(birthDate, record.performedAt) : null;
        const date = formatDate(birthDate, context.locale);
        return age == null ? date : context.t(VALUE.born, { date, age });
      },
    },
  },
  {
    key: 'sex',
    ...kind.code(SEXES),
    label: 'Sex',
    export: { description: 'Sex as recorded.' },
    plan: 'fill',
    summary: { section: 'patient' },
  },
  {
    key: 'accessionNumber',
    ...kind.text(64),
    label: 'Accession number',
    export: { description: 'RIS/PACS accession number.' },
    privacy: 'identifying',
    pseudonymised: {
      as: 'accession',
      header: 'accession_pseudonym',
      key: 'accessionPseudonym',
      label: 'Accession (pseudonym)',
      type: 'text',
      description: 'HMAC-SHA-256 of the RIS/PACS accession number with the department key.',
    },
    summary: { section: 'patient', label: LABEL.accession },
  },
  {
    key: 'startedAt',
    ...kind.time(),
    label: 'Start time',
    export: { description: 'Table time start (HH:MM, local).' },
    // A clock time with the date points at one patient in the RIS.
    privacy: 'identifying',
    summary: {
      section: 'patient',
      label: LABEL.time,
      write: (startedAt: string, record: Record_, context: WritingContext) => {
        const endedAt = record.endedAt as string | null | undefined;
        if (!endedAt) return startedAt;
        const nextDay = tableTime(startedAt, endedAt)?.nextDay;
        return context.t(nextDay ? WARNING_MESSAGES.tableTimesNextDay : WARNING_MESSAGES.tableTimes, {
          start: startedAt,
          end: endedAt,
        });
      },
    },
  },
  {
    key: 'endedAt',
    ...kind.time(),
    label: 'End time',
    export: {
      description: 'Table time end (HH:MM, local); earlier than the start: the next day (a case across midnight).',
    },
    privacy: 'identifying',
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'operatorId',
    ...kind.text(64),
    label: 'Operator',
    // The operator's name, joined from the department's operators: a staff name, so never in a
    // pseudonymised export (which may leave the department).
    export: {
      header: 'operator',
      description: 'Radiologist who performed the procedure (not in pseudonymised exports).',
    },
    privacy: 'identifying',
    summary: {
      section: 'patient',
      write: (id: string, _: unknown, context: WritingContext) => context.operatorName(id),
    },
  },
  {
    key: 'assistant',
    ...kind.text(100),
    label: 'Assistant',
    export: { description: 'Assistant (free text: not in pseudonymised exports).' },
    privacy: 'free_text',
    summary: { section: 'patient' },
  },
  {
    key: 'indications',
    ...kind.codes(INDICATIONS),
    column: false,
    label: 'Indication',
    export: { label: 'Indications', column: 'indications_text', description: 'One or more, separated by ";".' },
    plan: 'copy',
    summary: {
      section: 'safety',
      write: (codes: readonly string[], _: unknown, context: WritingContext) =>
        list(codes.map((code) => said(context, code))),
    },
  },
  {
    key: 'symptomSide',
    ...kind.code(SYMPTOM_SIDES),
    label: 'Symptom side',
    export: { description: 'Side of the symptoms.' },
    plan: 'copy',
    summary: { section: 'safety', label: LABEL.symptoms },
  },
  {
    key: 'priorInfiltrations',
    ...kind.whole(0, 100),
    label: 'Prior infiltrations',
    export: { description: 'Number of earlier infiltrations.' },
    // The last procedure was one more.
    plan: { from: (last) => ((last as number | null | undefined) ?? 0) + 1 },
    summary: { section: 'safety' },
  },
  {
    key: 'consent',
    ...kind.code(CONSENT),
    label: 'Consent',
    export: { description: 'Informed consent.' },
    summary: { section: 'safety' },
  },
  {
    key: 'anticoagulation',
    ...kind.code(ANTICOAGULATION),
    label: 'Anticoagulation',
    export: { description: 'Anticoagulation at the time of the procedure.' },
    plan: 'copy',
    summary: {
      section: 'safety',
      write: (value: string, record: Record_, context: WritingContext) =>
        list([said(context, value, ANTICOAGULATION), inLine(context, record.anticoagulantClass) || null]),
    },
  },
  {
    key: 'contrastAllergy',
    ...kind.code(CONTRAST_ALLERGY),
    label: 'Contrast allergy',
    export: { description: 'Contrast allergy handling.' },
    plan: 'copy',
    summary: { section: 'safety' },
  },
  {
    key: 'pregnancyExcluded',
    ...kind.code(PREGNANCY_EXCLUDED),
    label: 'Pregnancy excluded',
    export: {
      label: 'Pregnancy',
      description: 'Pregnancy: yes = excluded, not_applicable, not_excluded, positive (a positive test).',
    },
    summary: {
      section: 'safety',
      label: LABEL.pregnancy,
      write: (value: string, _: unknown, context: WritingContext) =>
        value === 'yes' ? context.t(VALUE.pregnancyExcluded) : said(context, value),
    },
  },
  {
    key: 'anticoagulantClass',
    ...kind.code(ANTICOAGULANT_CLASSES),
    label: 'Anticoagulant or antiplatelet',
    export: { description: 'The anticoagulant or antiplatelet taken (ASRA rule for an intermediate-risk procedure).' },
    plan: 'copy',
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'steroidAllergy',
    ...kind.code(YES_NO),
    label: 'Steroid allergy',
    export: { description: 'Known allergy to a steroid.' },
    plan: 'copy',
    summary: { section: 'safety' },
  },
  {
    key: 'localAnaestheticAllergy',
    ...kind.code(YES_NO),
    label: 'Local anaesthetic allergy',
    export: { description: 'Known allergy to a local anaesthetic.' },
    plan: 'copy',
    summary: { section: 'safety' },
  },
  {
    key: 'sedation',
    ...kind.code(SEDATIONS),
    label: 'Sedation',
    export: { description: 'Sedation given.' },
    summary: { section: 'safety' },
  },
  {
    key: 'weightKg',
    ...kind.amount(1, 400),
    label: 'Weight (kg)',
    unit: 'kg',
    export: { description: 'Patient weight in kg (local anaesthetic per kg).' },
    plan: 'copy',
    summary: { section: 'safety', label: LABEL.weight },
  },
  {
    key: 'timeOutLevelVerified',
    ...kind.yesNo(),
    label: 'Time-out: level verified on images',
    export: { description: 'The level was counted and verified on the images before the needle.' },
    summary: {
      section: 'safety',
      label: LABEL.timeOut,
      always: true,
      write: (levelVerified: boolean | null, record: Record_, { t }: WritingContext) =>
        list([
          yesNo(levelVerified, t(VALUE.levelVerified), t(VALUE.levelNotVerified)),
          yesNo(record.timeOutSideMarked, t(VALUE.sideMarked), t(VALUE.sideNotMarked)),
          record.transitionalVertebra ? t(VALUE.transitionalVertebra) : null,
        ]),
    },
  },
  {
    key: 'timeOutSideMarked',
    ...kind.yesNo(),
    label: 'Time-out: side marked',
    export: { description: 'The side was marked.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'transitionalVertebra',
    ...kind.yesNo(),
    label: 'Transitional vertebra noted',
    export: { description: 'A lumbosacral transitional vertebra was noted at the time-out.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'diabetes',
    ...kind.code(YES_NO),
    label: 'Diabetes',
    export: { description: 'Diabetic patient (steroid raises blood glucose).' },
    plan: 'copy',
    summary: { section: 'safety' },
  },
  {
    key: 'position',
    ...kind.code(POSITIONS),
    label: 'Position',
    export: { description: 'Patient position.' },
    plan: 'copy',
    summary: { section: 'safety' },
  },
  {
    key: 'targets',
    type: 'text',
    column: false,
    label: 'Targets',
    plan: 'copy',
    summary: { section: 'targets', label: LABEL.target },
  },
  {
    key: 'modality',
    ...kind.code(MODALITIES),
    label: 'Guidance modality',
    export: { description: 'Image guidance.' },
    plan: 'copy',
    summary: { section: 'guidance', label: LABEL.modality },
  },
  {
    key: 'ctdiVolMGy',
    ...kind.amount(0, 1000),
    label: 'CTDIvol (mGy)',
    unit: 'mGy',
    export: { description: 'CT dose index (volume).' },
    summary: { section: 'guidance', label: LABEL.ctdiVol },
  },
  {
    key: 'dlpMGyCm',
    ...kind.amount(0, 100000),
    label: 'DLP (mGy·cm)',
    unit: 'mGy·cm',
    export: { description: 'CT dose-length product of the whole procedure.' },
    summary: { section: 'guidance', label: LABEL.dlp },
  },
  {
    key: 'ctAcquisitions',
    ...kind.whole(1, 100),
    label: 'CT acquisitions',
    export: { description: 'Planning and control scans.' },
    summary: { section: 'guidance' },
  },
  {
    key: 'fluoroTimeS',
    ...kind.amount(0, 36000),
    label: 'Fluoroscopy time (s)',
    unit: 's',
    export: { description: 'Fluoroscopy or CT-fluoroscopy time.' },
    summary: { section: 'guidance', label: LABEL.fluoroscopyTime },
  },
  {
    key: 'dapGyCm2',
    ...kind.amount(0, 10000),
    label: 'DAP (Gy·cm²)',
    unit: 'Gy·cm²',
    export: { description: 'Fluoroscopy dose-area product.' },
    summary: { section: 'guidance', label: LABEL.dap },
  },
  {
    key: 'doseExceedanceReason',
    ...kind.code(DOSE_EXCEEDANCE_REASONS),
    label: 'Reason above the reference level',
    export: { description: 'Why a dose or time was above the department reference level (given at signing).' },
    summary: { section: 'guidance', label: LABEL.aboveReference },
  },
  {
    key: 'contrastAgent',
    ...kind.code(CONTRAST_AGENTS),
    label: 'Contrast agent',
    export: { description: 'Contrast agent.' },
    plan: 'copy',
    summary: {
      section: 'guidance',
      label: LABEL.contrast,
      write: (agent: string, record: Record_, context: WritingContext) =>
        list([
          said(context, agent),
          record.contrastVolumeMl == null ? null : `${formatNumber(record.contrastVolumeMl, context.locale)} mL`,
        ]),
    },
  },
  {
    key: 'contrastVolumeMl',
    ...kind.amount(0, 10),
    label: 'Contrast volume (mL)',
    unit: 'mL',
    export: { description: 'Contrast volume.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'caudalEpidural',
    type: 'yes/no',
    schema: z.boolean(rule(R.yesNo)).default(false),
    label: 'Caudal epidural',
    export: { description: 'Combined caudal epidural injection.' },
    plan: 'copy',
    summary: {
      section: 'guidance',
      write: (caudal: boolean, record: Record_, context: WritingContext) =>
        caudal
          ? list([
              inLine(context, 'yes'),
              ...record.caudalSpread.map((pattern) => inLine(context, pattern)),
              inLine(context, record.caudalProvokedPain, PROVOKED_PAIN),
              record.caudalAbnormalSpreadAction
                ? context.t(VALUE.thenAction, { action: inLine(context, record.caudalAbnormalSpreadAction) })
                : null,
            ])
          : null,
    },
  },
  {
    key: 'caudalSpread',
    ...kind.codes(SPREAD_PATTERNS),
    column: false,
    label: 'Caudal contrast spread',
    export: {
      column: 'caudal_spread_text',
      description: 'Contrast spread of the caudal injection, ";"-separated.',
    },
    plan: 'clear',
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'caudalProvokedPain',
    ...kind.code(PROVOKED_PAIN),
    label: 'Caudal provoked pain',
    export: { description: 'Pain provoked by the caudal contrast injection.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'caudalAbnormalSpreadAction',
    ...kind.code(ABNORMAL_SPREAD_ACTIONS),
    label: 'Caudal: action after abnormal spread',
    export: { description: 'What was done after intravascular or intrathecal spread in the caudal injection.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'caudalDrugs',
    role: 'derived',
    type: 'text',
    column: 'caudal_drugs_text',
    label: 'Drugs in the caudal injection',
    export: {
      header: 'caudal_drugs',
      description: 'drug code and mg per administration in the caudal epidural injection, ";"-separated.',
    },
  },
  {
    key: 'drugs',
    type: 'text',
    column: false,
    label: 'Drugs',
    plan: 'copy',
    summary: { section: 'drugs', label: LABEL.drug },
  },
  {
    key: 'painPre',
    ...kind.whole(0, 10),
    label: 'Pain before (NRS)',
    unit: 'NRS 0–10',
    export: { description: 'Numeric rating scale before the injection.' },
    summary: {
      section: 'outcome',
      label: LABEL.pain,
      always: true,
      write: (_: unknown, record: Record_, { t }: WritingContext) =>
        record.painPre != null || record.painPost != null
          ? record.painPostMinutes != null
            ? t(VALUE.painAfterMinutes, {
                before: record.painPre ?? '—',
                after: record.painPost ?? '—',
                minutes: String(record.painPostMinutes),
              })
            : t(VALUE.pain, { before: record.painPre ?? '—', after: record.painPost ?? '—' })
          : null,
    },
  },
  {
    key: 'painPost',
    ...kind.whole(0, 10),
    label: 'Pain after (NRS)',
    unit: 'NRS 0–10',
    export: { description: 'Numeric rating scale after the injection.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'painPostMinutes',
    ...kind.whole(0, 120),
    label: 'Minutes after injection',
    unit: 'min',
    export: { description: 'When the pain after was asked.' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'reliefPercent',
    role: 'derived',
    type: 'number',
    column: false,
    label: 'Immediate relief',
    unit: '%',
    export: {
      description: '(pre − post) / pre × 100, one decimal; empty when pre is 0; negative when worse.',
      read: (_, row) =>
        reliefPercent(
          row('pain_pre') == null ? null : Number(row('pain_pre')),
          row('pain_post') == null ? null : Number(row('pain_post')),
        ) ?? null,
    },
  },
  {
    key: 'complications',
    type: 'codes',
    values: COMPLICATIONS,
    column: false,
    label: 'Complications',
    export: {
      column: 'complications_text',
      description: '"none" or complication:severity pairs separated by ";" (severity minor or major).',
    },
    summary: {
      section: 'outcome',
      write: (
        entries: readonly { type: string; severity?: string | null; sirGrade?: string | null }[],
        _: unknown,
        context: WritingContext,
      ) =>
        list(
          entries.map((entry) =>
            entry.severity
              ? `${said(context, entry.type, COMPLICATIONS)} (${entry.sirGrade ? `SIR ${entry.sirGrade}, ` : ''}${inLine(context, entry.severity)})`
              : said(context, entry.type, COMPLICATIONS),
          ),
        ),
    },
  },
  {
    key: 'disposition',
    ...kind.code(DISPOSITIONS),
    label: 'Disposition',
    export: { description: 'Where the patient went.' },
    summary: { section: 'outcome' },
  },
  {
    key: 'noDrugReason',
    ...kind.text(500, 'multi'),
    label: 'Reason no drug was given',
    export: { description: 'Why no steroid or local anaesthetic was given (free text: not in pseudonymised exports).' },
    privacy: 'free_text',
    summary: { section: 'drugs', label: LABEL.noDrugReason },
  },
  {
    key: 'notes',
    ...kind.text(5000, 'multi'),
    label: 'Notes',
    export: { description: 'Notes (free text: not in pseudonymised exports).' },
    privacy: 'free_text',
    summary: { section: 'outcome' },
  },
  {
    key: 'warningCodes',
    role: 'derived',
    type: 'codes',
    label: 'Clinical warnings',
    export: {
      header: 'warnings',
      description: 'Codes of the clinical warnings at the last save, ";"-separated.',
      read: (value) => (value ? String(value).replaceAll(',', ';') : null),
    },
  },
  {
    key: 'createdAt',
    role: 'life',
    type: 'datetime',
    label: 'Created at (UTC)',
  },
  {
    key: 'createdBy',
    role: 'life',
    type: 'text',
    label: 'Created by',
    privacy: 'identifying',
  },
  {
    key: 'updatedAt',
    role: 'life',
    type: 'datetime',
    label: 'Last saved at (UTC)',
  },
  {
    key: 'signedBy',
    role: 'life',
    type: 'text',
    label: 'Signed by',
    export: { description: 'Who signed version 1.' },
    privacy: 'identifying',
  },
  {
    key: 'signedAt',
    role: 'life',
    type: 'datetime',
    label: 'Signed at (UTC)',
    export: { description: 'When version 1 was signed, UTC.' },
  },
  {
    key: 'amendedBy',
    role: 'life',
    type: 'text',
    label: 'Last amended by',
    export: { description: 'Who signed the latest amendment.' },
    privacy: 'identifying',
  },
  {
    key: 'amendedAt',
    role: 'life',
    type: 'datetime',
    label: 'Last amended at (UTC)',
    export: { description: 'When the latest amendment was signed, UTC.' },
  },
  {
    key: 'amendReason',
    role: 'life',
    type: 'text',
    label: 'Reason for the latest amendment',
    export: { description: 'Reason given for the latest amendment (free text: not in pseudonymised exports).' },
    privacy: 'free_text',
  },
  {
    key: 'signedById',
    role: 'life',
    type: 'text',
    label: 'Signed by (operator ID)',
    export: {
      header: 'signed_by_operator_id',
      description:
        'The operator who signed version 1, proven by their PIN at signing; signed_by is their printed name then. Empty for records signed before RootLog 0.2 (schema 20), whose signed_by is the name the console gave.',
    },
    // An operator, as the record's operator column names them: kept in pseudonymised exports like it.
  },
  {
    key: 'signedMeaning',
    role: 'life',
    ...kind.code(SIGNING_MEANINGS),
    label: 'Meaning of the signature',
    export: {
      header: 'signed_meaning',
      description:
        'What the signature of version 1 means: performed_and_signed. Empty for records signed before schema 20.',
    },
  },
  {
    key: 'amendedById',
    role: 'life',
    type: 'text',
    label: 'Last amended by (operator ID)',
    export: {
      header: 'amended_by_operator_id',
      description:
        'The operator who signed the latest amendment, proven by their PIN; amended_by is their printed name then.',
    },
    // An operator, as the record's operator column names them: kept in pseudonymised exports like it.
  },
  {
    key: 'amendedMeaning',
    role: 'life',
    ...kind.code(AMENDING_MEANINGS),
    label: 'Meaning of the latest amendment',
    export: {
      header: 'amended_meaning',
      description: 'What the signature of the latest amendment means: amended (the reason is amend_reason).',
    },
  },
  {
    key: 'noDoseReason',
    ...kind.code(NO_DOSE_REASONS),
    label: 'Reason no dose is recorded',
    export: {
      description:
        'Why an X-ray-guided case was signed with no dose (DLP, CTDIvol, DAP or fluoroscopy time): not recorded by the scanner, dose report pending, equipment fault, other. Empty once a dose is recorded.',
    },
    summary: {
      section: 'guidance',
      label: LABEL.noDoseReason,
      write: (reason: string, record: Record_, context: WritingContext) =>
        list([
          said(context, reason),
          reason === 'other' ? (record.noDoseReasonText as string | null | undefined) : null,
        ]),
    },
  },
  {
    key: 'noDoseReasonText',
    ...kind.text(200),
    label: 'No dose recorded: the other reason',
    export: { description: 'The reason in words when it is "other" (free text: not in pseudonymised exports).' },
    privacy: 'free_text',
    ...TOLD_WITH_ANOTHER,
  },
  // Schema 24: what the department's systems said (the DICOM worklist, the scanner's dose report).
  {
    key: 'issuerOfPatientId',
    ...kind.text(64),
    label: 'Issuer of patient ID',
    export: {
      description:
        'Who issued the patient ID (DICOM Issuer of Patient ID, from the worklist): the hospital or registry whose number it is.',
    },
    // An organisation, not a person: it says whose numbering the (pseudonymised) patient ID follows.
    privacy: 'clinical',
    plan: 'fill',
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'studyInstanceUid',
    ...kind.uid(),
    label: 'Study Instance UID',
    export: {
      description:
        'DICOM Study Instance UID of the imaging study, from the worklist (links the record to its images in the PACS and to the scanner’s dose report).',
    },
    // Finds the patient's images in the PACS.
    privacy: 'identifying',
    summary: false,
  },
  {
    key: 'requestedProcedureText',
    ...kind.text(64),
    label: 'Requested procedure',
    export: { description: 'The procedure the RIS scheduled, in its words (from the worklist).' },
    // The RIS's own text may hold anything a scheduler typed.
    privacy: 'free_text',
    summary: {
      section: 'patient',
      always: true,
      write: (text: string | null, record: Record_, { t }: WritingContext) =>
        text || record.requestedProcedureCode
          ? list([
              text,
              record.requestedProcedureCode
                ? record.requestedProcedureScheme
                  ? t(VALUE.orderedCodeScheme, {
                      code: String(record.requestedProcedureCode),
                      scheme: String(record.requestedProcedureScheme),
                    })
                  : t(VALUE.orderedCode, { code: String(record.requestedProcedureCode) })
                : null,
            ])
          : null,
    },
  },
  {
    key: 'requestedProcedureCode',
    ...kind.text(16),
    label: 'Requested procedure code',
    export: { description: 'The RIS’s code of the requested procedure (DICOM Requested Procedure Code Sequence).' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'requestedProcedureScheme',
    ...kind.text(16),
    label: 'Requested procedure coding scheme',
    export: {
      description: 'The coding scheme of that code (DICOM Coding Scheme Designator, e.g. a local 99… scheme).',
    },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'referringPhysician',
    ...kind.text(200),
    label: 'Referring physician',
    export: { description: 'Who referred the patient (from the worklist).' },
    privacy: 'identifying',
    summary: { section: 'patient', label: LABEL.referredBy },
  },
  {
    key: 'patientLanguage',
    ...kind.language(),
    label: 'Patient’s language',
    export: {
      description:
        'The patient’s primary language as the RIS sends it (a language code: de, fr, it, en…), for the aftercare sheet.',
    },
    plan: 'fill',
    summary: { section: 'patient', label: LABEL.language },
  },
  {
    key: 'identitySource',
    ...kind.code(IDENTITY_SOURCES),
    label: 'Identity from',
    export: {
      description:
        'Where the patient’s identity came from: typed at the console, the DICOM worklist, or the worklist and then changed by hand.',
    },
    summary: { section: 'patient', label: LABEL.identity },
  },
  {
    key: 'doseSource',
    ...kind.code(DOSE_SOURCES),
    label: 'Dose from',
    export: {
      description:
        'Where the dose figures came from: typed at the console, the scanner’s dose report (RDSR), or that report and then changed by hand (with the reason).',
    },
    summary: {
      section: 'guidance',
      label: LABEL.dose,
      write: (source: string, record: Record_, context: WritingContext) =>
        list([
          said(context, source),
          // "unknown device" is kept as stored (the signed value) and said in the reader's words.
          source === 'typed' || !record.doseReportDevice ? null : sayDevice(record.doseReportDevice, context.t),
          source === 'typed' || !record.doseReportAt ? null : formatDateTime(record.doseReportAt, context.locale),
        ]),
    },
  },
  {
    key: 'doseReportUids',
    ...kind.uids(),
    label: 'Dose report (SOP Instance UID)',
    export: { description: 'SOP Instance UIDs of the dose reports the figures came from, separated by spaces.' },
    // Finds the patient's study in the PACS.
    privacy: 'identifying',
    summary: false,
  },
  {
    key: 'doseReportDevice',
    ...kind.text(200),
    label: 'Dose report: device',
    export: { description: 'The scanner or C-arm that wrote the dose report (manufacturer, model, station).' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'doseReportAt',
    ...kind.dateTime(),
    label: 'Dose report: irradiation started',
    export: { description: 'When the irradiation the dose report describes began (the device’s clock).' },
    ...TOLD_WITH_ANOTHER,
  },
  {
    key: 'doseChangeReason',
    ...kind.text(500, 'multi'),
    label: 'Reason the dose was changed by hand',
    export: {
      description:
        'Why a figure from the scanner’s dose report was changed by hand (free text: not in pseudonymised exports).',
    },
    privacy: 'free_text',
    summary: { section: 'guidance', label: LABEL.doseChangedReason },
  },
]);
