import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import type { DoseProtocol, DoseQuantity, Modality } from '../../../db/model/index.js';

/*
 * The comparison with the reference levels as the panel lays it out: one section per who (the
 * department, then each operator), and in each the groups with enough cases for a median, then
 * per modality one "other" line for the groups with fewer. The answer folds per quantity
 * (each case against the level of its own quantity); the folded lines of one modality that
 * hold the same groups with the same cases are one line here, their shares above side by side.
 */

export interface GroupLine {
  kind: 'group';
  row: ReferenceComparisonRow;
}

export interface OtherLine {
  kind: 'other';
  modality: Modality;
  groups: { protocol: DoseProtocol; cases: number }[];
  cases: number;
  /** Per quantity, the share of its cases above their levels (null without levels). */
  quantities: { quantity: DoseQuantity; aboveShare: number | null }[];
}

export interface ReferenceSection {
  key: string;
  /** The operator's name; null for the department's section (the panel words it). */
  who: string | null;
  lines: (GroupLine | OtherLine)[];
}

export function referenceSections(rows: readonly ReferenceComparisonRow[]): ReferenceSection[] {
  const sections: ReferenceSection[] = [];
  for (const row of rows) {
    const key = row.operator ? `operator-${row.operator.id}` : 'department';
    let section = sections[sections.length - 1];
    if (section?.key !== key) {
      section = { key, who: row.operator ? row.operator.name : null, lines: [] };
      sections.push(section);
    }
    if (!row.folded) {
      section.lines.push({ kind: 'group', row });
      continue;
    }
    const same = section.lines.find(
      (line): line is OtherLine =>
        line.kind === 'other' &&
        line.modality === row.modality &&
        JSON.stringify(line.groups) === JSON.stringify(row.folded),
    );
    const quantity = { quantity: row.quantity, aboveShare: row.aboveShare };
    if (same) same.quantities.push(quantity);
    else
      section.lines.push({
        kind: 'other',
        modality: row.modality,
        groups: row.folded,
        cases: row.cases,
        quantities: [quantity],
      });
  }
  return sections;
}
