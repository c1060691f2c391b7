import { formatNumber } from '../locale-format.js';
import type { Message } from '../messages.js';
import { codeInSentence, codeMessageIn } from '../vocabulary-words.js';
import type { Field, SummaryLine, SummarySectionId, WritingContext } from './field.js';
import { PART_LISTS } from './parts.js';
import { PROCEDURE_FIELDS } from './procedure-fields.js';
import { SUMMARY_SECTION_MESSAGES, SUMMARY_VALUE_MESSAGES } from './summary-words.js';

/*
 * A record as people read it: the signed summary's sections and lines, each line written by
 * its field's declaration (its words, its unit, or its own writer), in the reader's language
 * (the context's translator) and locale. Pure. Only the words change with the language: what
 * is signed and chained is the record's content (codes and values), never this text.
 */

const SUMMARY_SECTION_IDS = ['patient', 'safety', 'targets', 'guidance', 'drugs', 'outcome'] as const;
export const SUMMARY_SECTIONS: readonly { id: SummarySectionId; title: Message }[] = SUMMARY_SECTION_IDS.map((id) => ({
  id,
  title: SUMMARY_SECTION_MESSAGES[id],
}));

export interface SummarySection {
  title: string;
  lines: SummaryLine[];
}

const missing = (value: unknown) => value == null || value === '' || (Array.isArray(value) && value.length === 0);

/** A value in words: a code's words, a number with its unit; inside a part's line, as in a sentence. */
function inWordsOf(field: Field, value: unknown, inLine: boolean, context: WritingContext): string | null {
  if (missing(value)) return null;
  const { locale } = context;
  // In its vocabulary's words: "Aucune" among the complications, "Aucun" for a contrast agent.
  const said = (code: string) =>
    inLine ? codeInSentence(context, code, field.values) : context.t(codeMessageIn(field.values, code));
  switch (field.type) {
    case 'code':
      if (typeof value === 'number') return field.unit ? `${value} ${field.unit}` : String(value);
      return said(String(value));
    case 'codes':
      return (value as string[]).map(said).join(', ');
    case 'yes/no':
      return codeInSentence(context, value ? 'yes' : 'no');
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? formatNumber(value, locale) : String(value);
      return field.unit && !field.unit.startsWith('NRS') ? `${number} ${field.unit}` : number;
    }
    default:
      return String(value);
  }
}

function written(field: Field, value: unknown, part: object, context: WritingContext, inLine: boolean) {
  const facet = field.summary;
  if (facet === false) return null;
  if (missing(value) && !facet?.always) return null;
  const text = facet?.write ? facet.write(value, part, context) : inWordsOf(field, value, inLine, context);
  return text ? text : null;
}

/** A part (a target, a drug) in one line: its fields' words, in declaration order. */
function partLine(fields: readonly Field[], part: Record<string, unknown>, context: WritingContext): string {
  return fields
    .map((field) => written(field, part[field.key], part, context, true))
    .filter((text): text is string => text != null)
    .join(', ');
}

/** The record's summary: only what was recorded, in the order the procedure happened. */
export function summarySections(record: object, context: WritingContext): SummarySection[] {
  const lines = new Map<SummarySectionId, SummaryLine[]>(SUMMARY_SECTIONS.map((section) => [section.id, []]));
  for (const field of PROCEDURE_FIELDS) {
    const facet = field.summary;
    if (facet === false || !facet?.section) continue;
    const into = lines.get(facet.section) as SummaryLine[];
    const value = (record as Record<string, unknown>)[field.key];
    const parts = PART_LISTS[field.key];
    const label = context.t(facet.label ?? field.label);
    if (parts && !facet.write) {
      (value as Record<string, unknown>[]).forEach((part, index) => {
        into.push({
          label: context.t(SUMMARY_VALUE_MESSAGES.part, { noun: label, number: String(index + 1) }),
          value: partLine(parts, part, context),
        });
      });
      continue;
    }
    const text = written(field, value, record, context, false);
    if (text) into.push({ label, value: text });
  }
  return SUMMARY_SECTIONS.map((section) => ({
    title: context.t(section.title),
    lines: lines.get(section.id) ?? [],
  })).filter((section) => section.lines.length > 0);
}
