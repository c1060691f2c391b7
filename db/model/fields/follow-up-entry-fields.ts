import { z } from 'zod';
import { RECORDING_MEANINGS } from '../credentials.js';
import { RULE_MESSAGES as R } from '../rule-messages.js';
import { COMPLICATIONS, FOLLOW_UP_CONTACTS, FURTHER_TREATMENTS, GLOBAL_IMPRESSIONS } from '../vocabularies.js';
import { rule } from '../zod-words.js';
import { declareFields } from './field.js';
import { kind, textSchema } from './kinds.js';

const RECORD_PSEUDONYM = {
  as: 'record',
  header: 'record_pseudonym',
  key: 'recordPseudonym',
  label: 'Record (pseudonym)',
  type: 'text',
  description:
    'HMAC-SHA-256 of the record ID with the department key: links the rows of one record across the tables and between pseudonymised exports, never to an identified export.',
} as const;

/**
 * A follow-up of a signed procedure (the day-1–3 call, the 2–6-week review), appended, never
 * edited. Table `follow_up_entries`, one row per entry, a link in its own hash chain.
 */
export const FOLLOW_UP_ENTRY_FIELDS = declareFields('followUpEntry', [
  {
    key: 'procedureId',
    type: 'text',
    schema: z.string().length(36, rule(R.notProcedureId)),
    label: 'Record ID',
    export: { header: 'procedure_id', description: 'Record the follow-up belongs to.' },
    // A UUIDv7 encodes its creation time and joins 1:1 with an identified export.
    privacy: 'identifying',
    pseudonymised: RECORD_PSEUDONYM,
  },
  {
    key: 'id',
    role: 'life',
    type: 'text',
    label: 'Follow-up ID',
    export: { header: 'follow_up_id', description: 'The entry’s own id.' },
    privacy: 'identifying',
  },
  {
    key: 'contactDate',
    type: 'date',
    schema: z.iso.date(),
    label: 'Date',
    export: { description: 'Date of the call, visit or questionnaire.' },
  },
  {
    key: 'daysAfter',
    role: 'derived',
    type: 'integer',
    label: 'Days after',
    unit: 'days',
    export: { description: 'Days after the procedure.' },
  },
  {
    key: 'method',
    type: 'code',
    values: FOLLOW_UP_CONTACTS,
    schema: z.enum(FOLLOW_UP_CONTACTS),
    label: 'Method',
    export: { label: 'How', description: 'phone, visit or questionnaire.' },
  },
  {
    key: 'legNrs',
    ...kind.whole(0, 10),
    label: 'Leg pain (NRS)',
    unit: 'NRS 0–10',
    export: { description: 'Leg (radicular) pain at follow-up.' },
  },
  {
    key: 'backNrs',
    ...kind.whole(0, 10),
    label: 'Back pain (NRS)',
    unit: 'NRS 0–10',
    export: { description: 'Back pain at follow-up.' },
  },
  {
    key: 'reliefPercent',
    role: 'derived',
    type: 'number',
    range: [-1000, 100],
    label: 'Relief',
    unit: '%',
    export: { description: 'Derived: (NRS before the procedure − leg NRS now) / NRS before.' },
  },
  {
    key: 'globalImpression',
    type: 'code',
    values: GLOBAL_IMPRESSIONS,
    schema: z.enum(GLOBAL_IMPRESSIONS, rule(R.notSevenAnswers)).nullish(),
    label: 'Impression of change',
    export: { description: 'The patient’s global impression of change (PGIC).' },
  },
  {
    key: 'newComplications',
    type: 'codes',
    values: COMPLICATIONS,
    schema: z
      .array(z.enum(COMPLICATIONS.filter((code) => code !== 'none') as [string, ...string[]]))
      .max(COMPLICATIONS.length)
      .default([]),
    label: 'New complications',
    export: { description: 'Complications found at follow-up, ";"-separated.' },
  },
  {
    key: 'furtherTreatment',
    type: 'code',
    values: FURTHER_TREATMENTS,
    schema: z.enum(FURTHER_TREATMENTS).nullish(),
    label: 'Further treatment',
    export: { description: 'Further treatment planned.' },
  },
  {
    key: 'current',
    role: 'derived',
    type: 'yes/no',
    column: false,
    label: 'Current',
    export: { description: 'no: a later entry corrected this one.' },
  },
  {
    key: 'supersedes',
    type: 'text',
    schema: z.string().length(36, rule(R.notFollowUpId)).nullish(),
    label: 'Corrects',
    export: { description: 'The follow-up ID this entry corrects.' },
    privacy: 'identifying',
  },
  {
    key: 'reason',
    ...kind.text(500, 'multi'),
    schema: textSchema(500, 'multi').nullish(),
    label: 'Reason for the correction',
    export: { header: 'correction_reason', description: 'Why the earlier entry was corrected (free text).' },
    privacy: 'free_text',
  },
  {
    key: 'notes',
    ...kind.text(2000, 'multi'),
    label: 'Notes',
    export: { description: 'Notes of the call or review (free text).' },
    privacy: 'free_text',
  },
  {
    key: 'recordedBy',
    role: 'life',
    type: 'text',
    label: 'Recorded by',
    export: { description: 'Who recorded the entry.' },
    privacy: 'identifying',
  },
  {
    key: 'recordedAt',
    role: 'life',
    type: 'datetime',
    label: 'Recorded at',
    export: { description: 'When the entry was recorded.' },
  },
  {
    key: 'recordedById',
    role: 'life',
    type: 'text',
    label: 'Recorded by (operator ID)',
    export: {
      header: 'recorded_by_operator_id',
      description:
        'The operator who recorded the entry, proven by their PIN; recorded_by is their printed name then. Empty for entries from before schema 20.',
    },
    // An operator, as the record's operator column names them: kept in pseudonymised exports like it.
  },
  {
    key: 'meaning',
    role: 'life',
    ...kind.code(RECORDING_MEANINGS),
    label: 'Meaning of the signature',
    export: {
      header: 'recorded_meaning',
      description: 'What the recorder’s signature means: follow_up_recorded. Empty for entries from before schema 20.',
    },
  },
]);
