import { COMPLICATIONS, FOLLOW_UP_CONTACTS, FURTHER_TREATMENTS, GLOBAL_IMPRESSIONS } from '../../model/index.js';
import { type Column, codes, number, text, yesNo } from './columns.js';

/*
 * The episode's follow-ups (schema 7): one row per entry, linked to its record by the record's
 * id. A corrected entry stays, marked not current; its correction names it. Pseudonymised:
 * no entry ids (time-ordered), no names, notes or reasons; dates coarse (pseudonymised.ts).
 */
export function followUpEntryColumns(pseudonymize: boolean): Column[] {
  const identified: Column[] = pseudonymize
    ? []
    : [
        {
          header: 'follow_up_id',
          label: 'Follow-up ID',
          type: 'text',
          description: 'The entry’s own id.',
          read: (row) => text(row('id')),
        },
      ];
  const staff: Column[] = pseudonymize
    ? []
    : [
        {
          header: 'supersedes',
          label: 'Corrects',
          type: 'text',
          description: 'The follow-up ID this entry corrects.',
          read: (row) => text(row('supersedes')),
        },
        {
          header: 'correction_reason',
          label: 'Reason for the correction',
          type: 'text',
          description: 'Why the earlier entry was corrected (free text).',
          read: (row) => text(row('reason')),
        },
        {
          header: 'notes',
          label: 'Notes',
          type: 'text',
          description: 'Notes of the call or review (free text).',
          read: (row) => text(row('notes')),
        },
        {
          header: 'recorded_by',
          label: 'Recorded by',
          type: 'text',
          description: 'Who recorded the entry.',
          read: (row) => text(row('recorded_by')),
        },
      ];
  return [
    {
      header: 'procedure_id',
      label: 'Record ID',
      type: 'text',
      description: 'Record the follow-up belongs to.',
      read: (row) => text(row('procedure_id')),
    },
    ...identified,
    {
      header: 'contact_date',
      label: 'Date',
      type: 'date',
      description: 'Date of the call, visit or questionnaire.',
      read: (row) => text(row('contact_date')),
    },
    {
      header: 'days_after',
      label: 'Days after',
      type: 'integer',
      unit: 'days',
      description: 'Days after the procedure.',
      read: (row) => number(row('days_after')),
    },
    {
      header: 'method',
      label: 'How',
      type: 'code',
      values: FOLLOW_UP_CONTACTS,
      description: 'phone, visit or questionnaire.',
      read: (row) => text(row('method')),
    },
    {
      header: 'leg_nrs',
      label: 'Leg pain (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Leg (radicular) pain at follow-up.',
      read: (row) => number(row('leg_nrs')),
    },
    {
      header: 'back_nrs',
      label: 'Back pain (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Back pain at follow-up.',
      read: (row) => number(row('back_nrs')),
    },
    {
      header: 'relief_percent',
      label: 'Relief',
      type: 'number',
      unit: '%',
      description: 'Derived: (NRS before the procedure − leg NRS now) / NRS before.',
      read: (row) => number(row('relief_percent')),
    },
    {
      header: 'global_impression',
      label: 'Impression of change',
      type: 'code',
      values: GLOBAL_IMPRESSIONS,
      description: 'The patient’s global impression of change (PGIC).',
      read: (row) => text(row('global_impression')),
    },
    {
      header: 'new_complications',
      label: 'New complications',
      type: 'codes',
      values: COMPLICATIONS,
      description: 'Complications found at follow-up, ";"-separated.',
      read: (row) => codes(row('new_complications'), COMPLICATIONS),
    },
    {
      header: 'further_treatment',
      label: 'Further treatment',
      type: 'code',
      values: FURTHER_TREATMENTS,
      description: 'Further treatment planned.',
      read: (row) => text(row('further_treatment')),
    },
    {
      header: 'current',
      label: 'Current',
      type: 'yes/no',
      description: 'no: a later entry corrected this one.',
      read: (row) => yesNo(row('current')),
    },
    ...staff,
    {
      header: 'recorded_at',
      label: 'Recorded at',
      type: 'datetime',
      description: 'When the entry was recorded.',
      read: (row) => text(row('recorded_at')),
    },
  ];
}
