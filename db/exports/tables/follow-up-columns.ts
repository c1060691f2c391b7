import { FOLLOW_UP_METHODS } from '../../model/index.js';
import { type Column, number, text } from './columns.js';
import { recordReference } from './field-columns.js';

/** The draft's own follow-up list (schema 1). */
export function followUpColumns(): Column[] {
  return [
    recordReference('Record the follow-up belongs to.'),
    {
      header: 'day',
      label: 'Day',
      type: 'integer',
      unit: 'days',
      description: 'Days after the procedure.',
      privacy: 'clinical',
      read: (row) => number(row('day')),
    },
    {
      header: 'pain_nrs',
      label: 'Pain (NRS)',
      type: 'integer',
      unit: 'NRS 0–10',
      description: 'Pain at follow-up.',
      privacy: 'clinical',
      read: (row) => number(row('pain_nrs')),
    },
    {
      header: 'relief_percent',
      label: 'Relief',
      type: 'number',
      unit: '%',
      description: 'Relief reported at follow-up.',
      privacy: 'clinical',
      read: (row) => number(row('relief_percent')),
    },
    {
      header: 'method',
      label: 'Method',
      type: 'code',
      values: FOLLOW_UP_METHODS,
      description: 'phone or visit.',
      privacy: 'clinical',
      read: (row) => text(row('method')),
    },
    {
      header: 'note',
      label: 'Note',
      type: 'text' as const,
      description: 'Note (free text: not in pseudonymised exports).',
      privacy: 'free_text',
      read: (row) => text(row('note')),
    },
  ];
}
