import {
  type Drug,
  type Operator,
  type ProcedureRecord,
  type SummarySection,
  summarySections,
  words,
} from '../../../db/model/index.js';

/*
 * A signed record as a compact summary: only what was recorded, in the order the procedure
 * happened, in the clinic's words — each line as its field's declaration writes it
 * (db/model/fields). Pure, so it is tested without a window.
 */

export type { SummaryLine, SummarySection } from '../../../db/model/index.js';

export function summaryOf(
  record: ProcedureRecord,
  catalogue: readonly Drug[],
  operators: readonly Operator[],
  locale: string,
): SummarySection[] {
  return summarySections(record, {
    locale,
    drugName: (code, signedName) => signedName ?? catalogue.find((drug) => drug.code === code)?.name ?? code,
    operatorName: (id) => operators.find((operator) => operator.id === id)?.name ?? id,
    targetName: (index) => {
      const target = record.targets[index];
      return target ? `${target.root ?? '?'} ${words(target.side).toLowerCase()}`.trim() : `target ${index + 1}`;
    },
  });
}
