import { COMPLICATIONS, SEVERITIES, SIR_GRADES } from '../vocabularies.js';
import { declareFields } from './field.js';
import { kind } from './kinds.js';

/** One complication (or "none"). Table `complications`, one row per complication. */
export const COMPLICATION_FIELDS = declareFields('complication', [
  {
    key: 'type',
    ...kind.code(COMPLICATIONS),
    // Required: a complication entry names its complication.
    schema: kind.code(COMPLICATIONS).schema.unwrap().unwrap(),
    column: 'complication',
    label: 'Complication',
    export: { header: 'complication', description: 'Complication ("none" when there was none).' },
  },
  {
    key: 'severity',
    ...kind.code(SEVERITIES),
    label: 'Severity',
    export: { description: 'Severity.' },
  },
  {
    key: 'sirGrade',
    ...kind.code(SIR_GRADES),
    label: 'SIR grade',
    export: {
      description: 'SIR adverse-event grade (A–B minor, C–F major); the severity follows from it when given.',
    },
  },
]);
