import { FOLLOW_UP_METHODS } from '../../model/index.js';
import { type Column, number, type Row, text } from './columns.js';
import { FREE_TEXT_NOTE } from './procedure-columns.js';

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
