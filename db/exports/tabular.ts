import {
  ANTICOAGULATION,
  APPROACHES,
  ageInYears,
  COMPLICATIONS,
  CONSENT,
  CONTRAST_AGENTS,
  CONTRAST_ALLERGY,
  DISPOSITIONS,
  FOLLOW_UP_METHODS,
  FORAMINA,
  INDICATIONS,
  MODALITIES,
  NEEDLE_GAUGES,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROVOKED_PAIN,
  ROOTS,
  reliefPercent,
  SEVERITIES,
  SEXES,
  SIDES,
  SPREAD_PATTERNS,
  STATUSES,
  SYMPTOM_SIDES,
  YES_NO,
} from '../model/index.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import type { ExportOptions } from './options.js';
import { pseudonym } from './safety.js';

/*
 * The tables of the CSV and XLSX exports: one place defines each column (header, meaning,
 * type, unit, allowed values) and how it is read from a row, so the files and their data
 * dictionary cannot disagree. Rows are iterated from prepared statements, never collected.
 */

export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'code' | 'codes' | 'yes/no';
export type Cell = string | number | Date | null;
/** A row's value by column name (rows are read as arrays: much faster for 100 000 rows than objects). */
type Row = (column: string) => unknown;

export interface Column {
  header: string;
  label: string;
  type: ColumnType;
  unit?: string;
  values?: readonly (string | number)[];
  description: string;
  read: (row: Row, context: RowContext) => Cell;
}

export interface RowContext {
  key: string | null;
  pseudonymize: boolean;
}

export interface Table {
  name: string;
  description: string;
  columns: Column[];
  /** SQL over the export's filter (alias p = procedures). */
  sql: string;
}

const text = (value: unknown): string | null => (value == null || value === '' ? null : String(value));
const number = (value: unknown): number | null => (value == null ? null : Number(value));
const yesNo = (value: unknown): string | null => (value == null ? null : value === 1 || value === true ? 'yes' : 'no');
const codes = (value: unknown, vocabulary: readonly string[]): string | null => {
  if (value == null || value === '') return null;
  return String(value)
    .split(';')
    .sort((a, b) => vocabulary.indexOf(a.split(':')[0] ?? a) - vocabulary.indexOf(b.split(':')[0] ?? b))
    .join(';');
};

/** Identified exports carry these as they are; pseudonymised ones replace or drop them. */
function identityColumns(pseudonymize: boolean): Column[] {
  if (pseudonymize) {
    return [
      {
        header: 'patient_pseudonym',
        label: 'Patient (pseudonym)',
        type: 'text',
        description:
          'HMAC-SHA-256 of the patient ID with the department key: the same patient gets the same pseudonym in every export; it cannot be reversed without the key, which is never exported.',
        read: (row, c) => pseudonym(c.key ?? '', 'patient', text(row('patient_id'))),
      },
      {
        header: 'age_years',
        label: 'Age (years)',
        type: 'integer',
        unit: 'years',
        description: 'Age in full years on the local date of the procedure (the birth date is not exported).',
        read: (row) =>
          row('birth_date') && row('performed_at')
            ? ageInYears(String(row('birth_date')), String(row('performed_at')))
            : null,
      },
      {
        header: 'sex',
        label: 'Sex',
        type: 'code',
        values: SEXES,
        description: 'Sex as recorded.',
        read: (row) => text(row('sex')),
      },
      {
        header: 'accession_pseudonym',
        label: 'Accession (pseudonym)',
        type: 'text',
        description: 'HMAC-SHA-256 of the RIS/PACS accession number with the department key.',
        read: (row, c) => pseudonym(c.key ?? '', 'accession', text(row('accession_number'))),
      },
    ];
  }
  return [
    {
      header: 'patient_id',
      label: 'Patient ID',
      type: 'text',
      description: "The hospital's patient number.",
      read: (row) => text(row('patient_id')),
    },
    {
      header: 'patient_name',
      label: 'Patient name',
      type: 'text',
      description: 'Name as entered at the console.',
      read: (row) => text(row('patient_name')),
    },
    {
      header: 'birth_date',
      label: 'Birth date',
      type: 'date',
      description: 'Birth date.',
      read: (row) => text(row('birth_date')),
    },
    {
      header: 'sex',
      label: 'Sex',
      type: 'code',
      values: SEXES,
      description: 'Sex as recorded.',
      read: (row) => text(row('sex')),
    },
    {
      header: 'accession_number',
      label: 'Accession number',
      type: 'text',
      description: 'RIS/PACS accession number.',
      read: (row) => text(row('accession_number')),
    },
  ];
}

const FREE_TEXT_NOTE = ' (free text: not in pseudonymised exports)';

export function procedureColumns(pseudonymize: boolean): Column[] {
  const freeText = (column: Column): Column[] => (pseudonymize ? [] : [column]);
  return [
    {
      header: 'procedure_id',
      label: 'Record ID',
      type: 'text',
      description: 'UUIDv7 of the record: stable across consoles and exports.',
      read: (row) => text(row('id')),
    },
    {
      header: 'status',
      label: 'Status',
      type: 'code',
      values: STATUSES,
      description: 'draft, signed, or amended (signed and changed later with a reason).',
      read: (row) => text(row('status')),
    },
    {
      header: 'version',
      label: 'Version',
      type: 'integer',
      description: 'Signed version number (1 = as first signed).',
      read: (row) => number(row('version')),
    },
    {
      header: 'console',
      label: 'Console',
      type: 'text',
      description: 'Console the record was logged at.',
      read: (row) => text(row('console_name')),
    },
    {
      header: 'performed_at',
      label: 'Performed (local time)',
      type: 'datetime',
      description: 'Local date and time at the console, ISO 8601 with its UTC offset.',
      read: (row) => text(row('performed_at')),
    },
    {
      header: 'performed_date',
      label: 'Performed (local date)',
      type: 'date',
      description: 'Local calendar date of the procedure.',
      read: (row) => text(row('performed_date')),
    },
    ...identityColumns(pseudonymize),
    {
      header: 'started_at',
      label: 'Start time',
      type: 'time',
      description: 'Table time start (HH:MM, local).',
      read: (row) => text(row('started_at')),
    },
    {
      header: 'ended_at',
      label: 'End time',
      type: 'time',
      description: 'Table time end (HH:MM, local).',
      read: (row) => text(row('ended_at')),
    },
    {
      header: 'operator',
      label: 'Operator',
      type: 'text',
      description: 'Radiologist who performed the procedure.',
      read: (row) => text(row('operator_name')),
    },
    ...freeText({
      header: 'assistant',
      label: 'Assistant',
      type: 'text',
      description: `Assistant${FREE_TEXT_NOTE}.`,
      read: (row) => text(row('assistant')),
    }),
    {
      header: 'indications',
      label: 'Indications',
      type: 'codes',
      values: INDICATIONS,
      description: 'One or more, separated by ";".',
      read: (row) => codes(row('indications'), INDICATIONS),
    },
    {
      header: 'symptom_side',
      label: 'Symptom side',
      type: 'code',
      values: SYMPTOM_SIDES,
      description: 'Side of the symptoms.',
      read: (row) => text(row('symptom_side')),
    },
    {
      header: 'prior_infiltrations',
      label: 'Prior infiltrations',
      type: 'integer',
      description: 'Number of earlier infiltrations.',
      read: (row) => number(row('prior_infiltrations')),
    },
    {
      header: 'consent',
      label: 'Consent',
      type: 'code',
      values: CONSENT,
      description: 'Informed consent.',
      read: (row) => text(row('consent')),
    },
    {
      header: 'anticoagulation',
      label: 'Anticoagulation',
      type: 'code',
      values: ANTICOAGULATION,
      description: 'Anticoagulation at the time of the procedure.',
      read: (row) => text(row('anticoagulation')),
    },
    {
      header: 'contrast_allergy',
      label: 'Contrast allergy',
      type: 'code',
      values: CONTRAST_ALLERGY,
      description: 'Contrast allergy handling.',
      read: (row) => text(row('contrast_allergy')),
    },
    {
      header: 'pregnancy_excluded',
      label: 'Pregnancy excluded',
      type: 'code',
      values: PREGNANCY_EXCLUDED,
      description: 'Pregnancy excluded.',
      read: (row) => text(row('pregnancy_excluded')),
    },
    {
      header: 'diabetes',
      label: 'Diabetes',
      type: 'code',
      values: YES_NO,
      description: 'Diabetic patient (steroid raises blood glucose).',
      read: (row) => text(row('diabetes')),
    },
    {
      header: 'position',
      label: 'Position',
      type: 'code',
      values: POSITIONS,
      description: 'Patient position.',
      read: (row) => text(row('position')),
    },
    {
      header: 'modality',
      label: 'Guidance modality',
      type: 'code',
      values: MODALITIES,
      description: 'Image guidance.',
      read: (row) => text(row('modality')),
    },
    {
      header: 'ctdi_vol_mgy',
      label: 'CTDIvol',
      type: 'number',
      unit: 'mGy',
      description: 'CT dose index (volume).',
      read: (row) => number(row('ctdi_vol_mgy')),
    },
    {
      header: 'dlp_mgy_cm',
      label: 'DLP',
      type: 'number',
      unit: 'mGy·cm',
      description: 'CT dose-length product of the whole procedure.',
      read: (row) => number(row('dlp_mgy_cm')),
    },
    {
      header: 'ct_acquisitions',
      label: 'CT acquisitions',
      type: 'integer',
      description: 'Planning and control scans.',
      read: (row) => number(row('ct_acquisitions')),
    },
    {
      header: 'fluoro_time_s',
      label: 'Fluoroscopy time',
      type: 'number',
      unit: 's',
      description: 'Fluoroscopy or CT-fluoroscopy time.',
      read: (row) => number(row('fluoro_time_s')),
    },
    {
      header: 'dap_gy_cm2',
      label: 'DAP',
      type: 'number',
      unit: 'Gy·cm²',
      description: 'Fluoroscopy dose-area product.',
      read: (row) => number(row('dap_gy_cm2')),
    },
    {
      header: 'contrast_agent',
      label: 'Contrast agent',
      type: 'code',
      values: CONTRAST_AGENTS,
      description: 'Contrast agent.',
      read: (row) => text(row('contrast_agent')),
    },
    {
      header: 'contrast_volume_ml',
      label: 'Contrast volume',
      type: 'number',
      unit: 'mL',
      description: 'Contrast volume.',
      read: (row) => number(row('contrast_volume_ml')),
    },
    {
      header: 'caudal_epidural',
      label: 'Caudal epidural',
      type: 'yes/no',
      values: YES_NO,
      description: 'Combined caudal epidural injection.',
      read: (row) => yesNo(row('caudal_epidural')),
    },
    {
      header: 'caudal_spread',
      label: 'Caudal contrast spread',
      type: 'codes',
      values: SPREAD_PATTERNS,
      description: 'Contrast spread of the caudal injection, ";"-separated.',
      read: (row) => codes(row('caudal_spread'), SPREAD_PATTERNS),
    },
    {
      header: 'caudal_provoked_pain',
      label: 'Caudal provoked pain',
      type: 'code',
      values: PROVOKED_PAIN,
      description: 'Pain provoked by the caudal contrast injection.',
      read: (row) => text(row('caudal_provoked_pain')),
    },
    {
      header: 'caudal_drugs',
      label: 'Drugs in the caudal injection',
      type: 'text',
      description: 'drug code and mg per administration in the caudal epidural injection, ";"-separated.',
      read: (row) => text(row('caudal_drugs')),
    },
    {
      header: 'pain_pre',
      label: 'Pain before (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Numeric rating scale before the injection.',
      read: (row) => number(row('pain_pre')),
    },
    {
      header: 'pain_post',
      label: 'Pain after (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Numeric rating scale after the injection.',
      read: (row) => number(row('pain_post')),
    },
    {
      header: 'pain_post_minutes',
      label: 'Minutes after injection',
      type: 'integer',
      unit: 'min',
      description: 'When the pain after was asked.',
      read: (row) => number(row('pain_post_minutes')),
    },
    {
      header: 'relief_percent',
      label: 'Immediate relief',
      type: 'number',
      unit: '%',
      description: '(pre − post) / pre × 100, one decimal; empty when pre is 0; negative when worse.',
      read: (row) => reliefPercent(number(row('pain_pre')), number(row('pain_post'))) ?? null,
    },
    {
      header: 'complications',
      label: 'Complications',
      type: 'codes',
      values: COMPLICATIONS,
      description: '"none" or complication:severity pairs separated by ";" (severity minor or major).',
      read: (row) => codes(row('complications'), COMPLICATIONS),
    },
    {
      header: 'disposition',
      label: 'Disposition',
      type: 'code',
      values: DISPOSITIONS,
      description: 'Where the patient went.',
      read: (row) => text(row('disposition')),
    },
    ...freeText({
      header: 'no_drug_reason',
      label: 'Reason no drug was given',
      type: 'text',
      description: `Why no steroid or local anaesthetic was given${FREE_TEXT_NOTE}.`,
      read: (row) => text(row('no_drug_reason')),
    }),
    ...freeText({
      header: 'notes',
      label: 'Notes',
      type: 'text',
      description: `Notes${FREE_TEXT_NOTE}.`,
      read: (row) => text(row('notes')),
    }),
    {
      header: 'warnings',
      label: 'Clinical warnings',
      type: 'codes',
      description: 'Codes of the clinical warnings at the last save, ";"-separated.',
      read: (row) => (row('warning_codes') ? String(row('warning_codes')).replaceAll(',', ';') : null),
    },
    {
      header: 'signed_by',
      label: 'Signed by',
      type: 'text',
      description: 'Who signed version 1.',
      read: (row) => text(row('signed_by')),
    },
    {
      header: 'signed_at',
      label: 'Signed at (UTC)',
      type: 'datetime',
      description: 'When version 1 was signed, UTC.',
      read: (row) => text(row('signed_at')),
    },
    {
      header: 'amended_by',
      label: 'Last amended by',
      type: 'text',
      description: 'Who signed the latest amendment.',
      read: (row) => text(row('amended_by')),
    },
    {
      header: 'amended_at',
      label: 'Last amended at (UTC)',
      type: 'datetime',
      description: 'When the latest amendment was signed, UTC.',
      read: (row) => text(row('amended_at')),
    },
    ...freeText({
      header: 'amend_reason',
      label: 'Reason for the latest amendment',
      type: 'text',
      description: `Reason given for the latest amendment${FREE_TEXT_NOTE}.`,
      read: (row) => text(row('amend_reason')),
    }),
  ];
}

export const targetColumns: Column[] = [
  {
    header: 'target_number',
    label: 'Target number',
    type: 'integer',
    description: 'Position of the target in the record (1 = first).',
    read: (row) => (row('target_ordinal') == null ? null : Number(row('target_ordinal')) + 1),
  },
  {
    header: 'root',
    label: 'Root',
    type: 'code',
    values: ROOTS,
    description: 'Nerve root treated.',
    read: (row) => text(row('root')),
  },
  {
    header: 'side',
    label: 'Side',
    type: 'code',
    values: SIDES,
    description: 'Side of the target.',
    read: (row) => text(row('side')),
  },
  {
    header: 'foramen',
    label: 'Foramen',
    type: 'code',
    values: FORAMINA,
    description: 'Foramen approached.',
    read: (row) => text(row('foramen')),
  },
  {
    header: 'approach',
    label: 'Approach',
    type: 'code',
    values: APPROACHES,
    description: 'Needle approach.',
    read: (row) => text(row('approach')),
  },
  {
    header: 'needle_gauge',
    label: 'Needle gauge',
    type: 'code',
    unit: 'G',
    values: NEEDLE_GAUGES,
    description: 'Needle gauge.',
    read: (row) => number(row('needle_gauge')),
  },
  {
    header: 'needle_length_mm',
    label: 'Needle length',
    type: 'integer',
    unit: 'mm',
    description: 'Needle length.',
    read: (row) => number(row('needle_length_mm')),
  },
  {
    header: 'needle_repositionings',
    label: 'Needle repositionings',
    type: 'integer',
    description: 'Times the needle was repositioned.',
    read: (row) => number(row('needle_repositionings')),
  },
  {
    header: 'spread',
    label: 'Contrast spread',
    type: 'codes',
    values: SPREAD_PATTERNS,
    description: 'Contrast spread at this target, ";"-separated; intravascular_* and intrathecal are safety events.',
    read: (row) => codes(row('spread'), SPREAD_PATTERNS),
  },
  {
    header: 'provoked_pain',
    label: 'Provoked pain',
    type: 'code',
    values: PROVOKED_PAIN,
    description: 'Pain provoked by the contrast injection.',
    read: (row) => text(row('provoked_pain')),
  },
  {
    header: 'injection_slowed',
    label: 'Injection slowed',
    type: 'yes/no',
    values: YES_NO,
    description: 'The radiologist waited and injected more slowly.',
    read: (row) => yesNo(row('injection_slowed')),
  },
  {
    header: 'target_drugs',
    label: 'Drugs at this target',
    type: 'text',
    description: 'drug code and mg per administration at this target, ";"-separated (e.g. "dexamethasone 8 mg").',
    read: (row) => text(row('target_drugs')),
  },
];

export const drugColumns: Column[] = [
  {
    header: 'procedure_id',
    label: 'Record ID',
    type: 'text',
    description: 'Record the administration belongs to.',
    read: (row) => text(row('procedure_id')),
  },
  {
    header: 'drug_number',
    label: 'Drug number',
    type: 'integer',
    description: 'Position in the record (1 = first).',
    read: (row) => Number(row('ordinal')) + 1,
  },
  {
    header: 'drug',
    label: 'Drug code',
    type: 'text',
    description: "Code in the department's drug catalogue.",
    read: (row) => text(row('drug_code')),
  },
  {
    header: 'drug_name',
    label: 'Drug',
    type: 'text',
    description: 'Name in the catalogue.',
    read: (row) => text(row('drug_name')),
  },
  {
    header: 'drug_class',
    label: 'Class',
    type: 'code',
    values: ['steroid', 'local_anaesthetic', 'other'],
    description: 'Drug class.',
    read: (row) => text(row('drug_class')),
  },
  {
    header: 'particulate',
    label: 'Particulate',
    type: 'yes/no',
    values: YES_NO,
    description: 'Particulate steroid.',
    read: (row) => yesNo(row('particulate')),
  },
  {
    header: 'dose_mg',
    label: 'Dose',
    type: 'number',
    unit: 'mg',
    description: 'mg given: as entered, or concentration × volume.',
    read: (row) => number(row('dose_total_mg')),
  },
  {
    header: 'concentration_mg_per_ml',
    label: 'Concentration',
    type: 'number',
    unit: 'mg/mL',
    description: 'Concentration, where the catalogue doses by concentration.',
    read: (row) => number(row('concentration_mg_per_ml')),
  },
  {
    header: 'volume_ml',
    label: 'Volume',
    type: 'number',
    unit: 'mL',
    description: 'Volume injected.',
    read: (row) => number(row('volume_ml')),
  },
  {
    header: 'site',
    label: 'Injection site',
    type: 'text',
    description: 'Target number, or "caudal".',
    read: (row) =>
      row('at_caudal') === 1
        ? 'caudal'
        : row('target_ordinal') == null
          ? null
          : String(Number(row('target_ordinal')) + 1),
  },
  { header: 'lot', label: 'Lot', type: 'text', description: 'Lot number.', read: (row) => text(row('lot')) },
];

export const complicationColumns: Column[] = [
  {
    header: 'procedure_id',
    label: 'Record ID',
    type: 'text',
    description: 'Record the complication belongs to.',
    read: (row) => text(row('procedure_id')),
  },
  {
    header: 'complication',
    label: 'Complication',
    type: 'code',
    values: COMPLICATIONS,
    description: 'Complication ("none" when there was none).',
    read: (row) => text(row('complication')),
  },
  {
    header: 'severity',
    label: 'Severity',
    type: 'code',
    values: SEVERITIES,
    description: 'Severity.',
    read: (row) => text(row('severity')),
  },
];

export function followUpColumns(pseudonymize: boolean): Column[] {
  return [
    {
      header: 'procedure_id',
      label: 'Record ID',
      type: 'text',
      description: 'Record the follow-up belongs to.',
      read: (row) => text(row('procedure_id')),
    },
    {
      header: 'day',
      label: 'Day',
      type: 'integer',
      unit: 'days',
      description: 'Days after the procedure.',
      read: (row) => number(row('day')),
    },
    {
      header: 'pain_nrs',
      label: 'Pain (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Pain at follow-up.',
      read: (row) => number(row('pain_nrs')),
    },
    {
      header: 'relief_percent',
      label: 'Relief',
      type: 'number',
      unit: '%',
      description: 'Relief reported at follow-up.',
      read: (row) => number(row('relief_percent')),
    },
    {
      header: 'method',
      label: 'Method',
      type: 'code',
      values: FOLLOW_UP_METHODS,
      description: 'phone or visit.',
      read: (row) => text(row('method')),
    },
    ...(pseudonymize
      ? []
      : [
          {
            header: 'note',
            label: 'Note',
            type: 'text' as const,
            description: `Note${FREE_TEXT_NOTE}.`,
            read: (row: Row) => text(row('note')),
          },
        ]),
  ];
}

/**
 * "dexamethasone 8 mg;ropivacaine 1.08 mg": the drugs given where `condition` holds, in the
 * order given, each with the mg stored with its row (never recomputed here).
 */
function drugsWhere(condition: string, procedureId: string): string {
  return `(SELECT group_concat(d.drug_code || ' ' || coalesce(printf('%.15g', d.dose_given_mg), '?') || ' mg', ';' ORDER BY d.ordinal)
    FROM drug_administrations d WHERE d.procedure_id = ${procedureId} AND ${condition})`;
}

// The lists come from their denormalised text columns (written with the lists themselves),
// so each exported row is one join, not a query per list.
// Only the columns the files use: reading fewer columns from 100 000 rows is measurably faster.
const PROCEDURE_SELECT = `p.id, p.status, p.version, p.console_name, p.performed_at, p.performed_date, p.patient_id, p.patient_name,
  p.birth_date, p.sex, p.accession_number, p.started_at, p.ended_at, p.assistant, p.symptom_side, p.prior_infiltrations, p.consent,
  p.anticoagulation, p.contrast_allergy, p.pregnancy_excluded, p.diabetes, p.position, p.modality, p.ctdi_vol_mgy, p.dlp_mgy_cm,
  p.ct_acquisitions, p.fluoro_time_s, p.dap_gy_cm2, p.contrast_agent, p.contrast_volume_ml, p.caudal_epidural, p.caudal_provoked_pain,
  p.pain_pre, p.pain_post, p.pain_post_minutes, p.disposition, p.no_drug_reason, p.notes, p.warning_codes, p.signed_by, p.signed_at,
  p.amended_by, p.amended_at, p.amend_reason, o.name AS operator_name, p.indications_text AS indications,
  p.caudal_spread_text AS caudal_spread, p.complications_text AS complications,
  ${drugsWhere('d.at_caudal = 1', 'p.id')} AS caudal_drugs`;
const TARGET_SELECT = `t.ordinal AS target_ordinal, t.root, t.side, t.foramen, t.approach, t.needle_gauge, t.needle_length_mm,
  t.needle_repositionings, t.provoked_pain, t.injection_slowed, t.spread_text AS spread,
  ${drugsWhere('d.target_ordinal = t.ordinal', 't.procedure_id')} AS target_drugs`;

/** Which records an export holds: the filter of the list, signed only unless drafts are asked for. */
export function exportFilter(options: ExportOptions): { where: string; params: Record<string, unknown> } {
  const { where, params } = procedureFilterSql({
    from: options.from,
    to: options.to,
    operatorIds: options.operatorIds,
    statuses: options.includeDrafts ? undefined : ['signed', 'amended'],
  });
  return { where, params };
}

export function exportTables(options: ExportOptions): {
  main: Table;
  procedures: Table;
  targets: Table;
  drugs: Table;
  complications: Table;
  followUps: Table;
} {
  const { where } = exportFilter(options);
  const order = 'ORDER BY p.performed_at_utc, p.id';
  const perChild = (select: string, from: string, childOrder: string) =>
    `SELECT ${select} FROM procedures p JOIN ${from} WHERE ${where} ${order}, ${childOrder}`;
  return {
    main: {
      name: 'procedures_by_target',
      description:
        'One row per target, the procedure’s fields repeated on each (a procedure without targets has one row).',
      columns: [...procedureColumns(options.pseudonymize), ...targetColumns],
      sql: `SELECT ${PROCEDURE_SELECT}, ${TARGET_SELECT}
         FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id LEFT JOIN targets t ON t.procedure_id = p.id
        WHERE ${where} ${order}, t.ordinal`,
    },
    procedures: {
      name: 'procedures',
      description: 'One row per procedure.',
      columns: procedureColumns(options.pseudonymize),
      sql: `SELECT ${PROCEDURE_SELECT} FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id WHERE ${where} ${order}`,
    },
    targets: {
      name: 'targets',
      description: 'One row per target.',
      columns: [
        {
          header: 'procedure_id',
          label: 'Record ID',
          type: 'text',
          description: 'Record the target belongs to.',
          read: (row) => text(row('procedure_id')),
        },
        ...targetColumns,
      ],
      sql: perChild(`t.procedure_id, ${TARGET_SELECT}`, 'targets t ON t.procedure_id = p.id', 't.ordinal'),
    },
    drugs: {
      name: 'drugs',
      description: 'One row per drug administration.',
      columns: drugColumns,
      sql: perChild(
        `d.*, d.dose_given_mg AS dose_total_mg, c.name AS drug_name, c.drug_class, c.particulate`,
        'drug_administrations d ON d.procedure_id = p.id JOIN drug_catalogue c ON c.code = d.drug_code',
        'd.ordinal',
      ),
    },
    complications: {
      name: 'complications',
      description: 'One row per complication (or "none").',
      columns: complicationColumns,
      sql: perChild(
        'c.procedure_id, c.complication, c.severity',
        'complications c ON c.procedure_id = p.id',
        'c.complication',
      ),
    },
    followUps: {
      name: 'follow_ups',
      description: 'One row per follow-up.',
      columns: followUpColumns(options.pseudonymize),
      sql: perChild('f.*', 'follow_ups f ON f.procedure_id = p.id', 'f.ordinal'),
    },
  };
}

/** Rows of a table as cells, one at a time from SQLite. */
export function* tableRows(
  read: ReadConnection,
  table: Table,
  options: ExportOptions,
  context: RowContext,
): Generator<Cell[]> {
  const { params } = exportFilter(options);
  const statement = read.db.prepare(table.sql).raw(true);
  // Later columns of the same name win, as they would in a row object.
  const index: Record<string, number> = Object.create(null);
  for (const [position, column] of statement.columns().entries()) index[column.name] = position;
  let current: unknown[] = [];
  const row: Row = (column) => current[index[column] ?? -1];
  for (const values of statement.iterate(params) as Iterable<unknown[]>) {
    current = values;
    yield table.columns.map((column) => column.read(row, context));
  }
}

export const dictionaryHeader = ['table', 'column', 'label', 'type', 'unit', 'allowed_values', 'description'];

export function dictionaryRows(tables: Table[]): string[][] {
  return tables.flatMap((table) =>
    table.columns.map((column) => [
      table.name,
      column.header,
      column.label,
      column.type,
      column.unit ?? '',
      column.values?.join(';') ?? '',
      column.description,
    ]),
  );
}
