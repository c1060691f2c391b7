import type { z } from 'zod';
import { foldName, patientKey, type procedureFilterSchema } from '../model/index.js';

/** A filter of the list, the exports or the dashboard, already parsed (by the API contract or the caller). */
export type ProcedureFilterValues = z.output<typeof procedureFilterSchema>;

/** Escapes LIKE's wildcards so a search for "10%" finds "10%" and not everything. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A phrase for an FTS5 query: the text itself, quotes doubled. */
const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;

export interface FilterClause {
  where: string;
  params: Record<string, unknown>;
  /** An FTS5 query narrowing the candidates when the text filter is long enough for trigrams. */
  textMatch: string | null;
}

const HOUR = 3600_000;

/**
 * Builds the WHERE clause shared by the list, the exports and the dashboard (table alias
 * `p`). Conditions are written so the narrow list index can answer them: the local date
 * range also bounds the UTC sort key (offsets run from −12 h to +14 h), and root/side use
 * the denormalised `root_sides` column.
 */
export function procedureFilterSql(
  filter: ProcedureFilterValues,
  /** Also bound performed_at_utc, for queries answered by an index sorted on it (the list's). */
  { utcBounds = true }: { utcBounds?: boolean } = {},
): FilterClause {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const names = (name: string, values: readonly string[]) =>
    values.map((value, index) => {
      params[`${name}${index}`] = value;
      return `@${name}${index}`;
    });
  const inList = (column: string, name: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) conditions.push(`${column} IN (${names(name, values).join(', ')})`);
  };
  if (filter.from) {
    conditions.push('p.performed_date >= @from');
    params.from = filter.from;
    if (utcBounds) {
      conditions.push('p.performed_at_utc >= @fromUtc');
      params.fromUtc = new Date(Date.parse(`${filter.from}T00:00:00Z`) - 14 * HOUR).toISOString();
    }
  }
  if (filter.to) {
    conditions.push('p.performed_date <= @to');
    params.to = filter.to;
    if (utcBounds) {
      conditions.push('p.performed_at_utc < @toUtc');
      params.toUtc = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 36 * HOUR).toISOString();
    }
  }
  inList('p.operator_id', 'operator', filter.operatorIds);
  inList('p.modality', 'modality', filter.modalities);
  // The drafts alone are read from their own (partial) index, which a literal lets SQLite use.
  if (filter.statuses?.length === 1 && filter.statuses[0] === 'draft') conditions.push("p.status = 'draft'");
  else inList('p.status', 'status', filter.statuses);
  inList('p.console_name', 'console', filter.consoleNames);
  const roots = filter.roots ?? [];
  const sides = filter.sides ?? [];
  if (roots.length > 0 || sides.length > 0) {
    const tokens =
      roots.length > 0 && sides.length > 0
        ? roots.flatMap((root) => sides.map((side) => [`,${root} ${side},`, "',' || p.root_sides || ','"]))
        : roots.length > 0
          ? roots.map((root) => [`,${root} `, "',' || p.root_sides"])
          : sides.map((side) => [` ${side},`, "p.root_sides || ','"]);
    const tests = tokens.map(([token, haystack], index) => {
      params[`target${index}`] = token;
      return `instr(${haystack}, @target${index}) > 0`;
    });
    conditions.push(`(${tests.join(' OR ')})`);
  }
  if (filter.patient) {
    conditions.push('p.patient_key = @patientKey');
    params.patientKey = patientKey(filter.patient);
  }
  let textMatch: string | null = null;
  if (filter.text) {
    // The name also as the search reads it: accents and ä/ae, ö/oe, ü/ue, ß/ss folded alike.
    const folded = foldName(filter.text);
    params.textPrefix = `${likeLiteral(filter.text)}%`;
    params.textAnywhere = `%${likeLiteral(filter.text)}%`;
    params.foldedAnywhere = `%${likeLiteral(folded)}%`;
    conditions.push(
      `(p.patient_id LIKE @textPrefix ESCAPE '\\' OR p.accession_number LIKE @textPrefix ESCAPE '\\' OR p.patient_name LIKE @textAnywhere ESCAPE '\\' OR p.patient_name_folded LIKE @foldedAnywhere ESCAPE '\\')`,
    );
    // Trigrams need three characters; shorter searches scan, and prefixes that short match early.
    if ([...filter.text].length >= 3 && [...folded].length >= 3) {
      textMatch = `{patient_id patient_name accession_number} : ${ftsString(filter.text)} OR patient_name_folded : ${ftsString(folded)}`;
    }
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params, textMatch };
}
