import { COMPLICATIONS, SEVERITIES, SIR_GRADES } from '../../model/index.js';
import { type Column, text } from './columns.js';

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
  {
    header: 'sir_grade',
    label: 'SIR grade',
    type: 'code',
    values: SIR_GRADES,
    description: 'SIR adverse-event grade (A–B minor, C–F major); the severity follows from it when given.',
    read: (row) => text(row('sir_grade')),
  },
];
