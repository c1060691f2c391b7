import {
  type Drug,
  type Operator,
  type ProcedureRecord,
  type Speaking,
  SUMMARY_LABEL_MESSAGES,
  SUMMARY_VALUE_MESSAGES,
  type SummarySection,
  summarySections,
  targetInWords,
} from '../../../db/model/index.js';

/*
 * A signed record as a compact summary: only what was recorded, in the order the procedure
 * happened, in the clinic's words — each line as its field's declaration writes it
 * (db/model/fields) — in the reader's language and locale: the signing screen's operator's, the
 * record sheet's department's. Only the words change: what was signed is the record's content.
 * Pure, so it is tested without a window.
 */

export type { SummaryLine, SummarySection } from '../../../db/model/index.js';

/** Who reads the summary: their translator and language, and the locale their dates and numbers are written in. */
export interface SummaryReader extends Speaking {
  locale: string;
}

export function summaryOf(
  record: ProcedureRecord,
  catalogue: readonly Drug[],
  operators: readonly Operator[],
  reader: SummaryReader,
): SummarySection[] {
  return summarySections(record, {
    ...reader,
    drugName: (code, signedName) => signedName ?? catalogue.find((drug) => drug.code === code)?.name ?? code,
    operatorName: (id) => operators.find((operator) => operator.id === id)?.name ?? id,
    targetName: (index) => {
      const target = record.targets[index];
      // A drug given at a target no longer in the record: the target's number, "Target 2".
      return target
        ? targetInWords(reader, target.root, target.side)
        : reader.t(SUMMARY_VALUE_MESSAGES.part, {
            noun: reader.t(SUMMARY_LABEL_MESSAGES.target),
            number: String(index + 1),
          });
    },
  });
}
