import { REFUSAL_MESSAGES, RootLogError, sentence } from '../model/index.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { decodeFacts, type FactColumns } from '../sqlite/facts.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { factsOfFilter } from '../sqlite/stats-rows.js';
import type { DashboardFilterValues } from './dashboard-filter.js';
import { rememberedResults } from './remembered.js';
import { loadTerms, type Terms } from './terms.js';

/*
 * The filtered signed procedures' packed facts (db/sqlite/facts.ts), read once for the whole
 * screen: the dashboard, the follow-up outcomes and the doses against the reference levels
 * are all counted from them. The screen asks for the three at once after every change, so
 * the facts read for one filter are kept while the file is unchanged and the other two reuse
 * them: one index read, not three.
 */

export interface FilteredFacts {
  facts: FactColumns;
  /** Each row's procedure rowid, for its follow-ups (follow-up-index.ts). */
  rowids: Uint32Array;
  terms: Terms;
}

const COMMA = 44;
const ZERO = 48;

/** "12,7,1003" (as bytes) as numbers. */
function parseRowids(text: Uint8Array, count: number): Uint32Array {
  const rowids = new Uint32Array(count);
  let row = 0;
  let value = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text[at] as number;
    if (code === COMMA) {
      rowids[row++] = value;
      value = 0;
    } else value = value * 10 + (code - ZERO);
  }
  if (text.length > 0) rowids[row++] = value;
  if (row !== count) throw new Error(`${row} procedure rowids for ${count} procedures`);
  return rowids;
}

/** The facts read afresh; refuses to report over procedures it cannot see. */
export function readFilteredFacts(read: ReadConnection, filter: DashboardFilterValues): FilteredFacts {
  const { where, params } = procedureFilterSql(filter, { utcBounds: false });
  const [procedures, text, rowids] = factsOfFilter(read, where, params);
  const facts = decodeFacts(Buffer.from(text ?? '', 'base64'));
  if (facts.count !== procedures) {
    throw new RootLogError(
      'internal',
      sentence(REFUSAL_MESSAGES.factsMissing, { missing: procedures - facts.count, procedures }),
    );
  }
  // Facts first, then what they refer to: another console may commit between two reads, and a
  // term the facts name was committed before them, so it is there when read after.
  return { facts, rowids: parseRowids(rowids ?? new Uint8Array(0), procedures), terms: loadTerms(read) };
}

/** A few filters' facts (the screen's, a CSV's, the command line's), while the file is unchanged. */
const remembered = rememberedResults<FilteredFacts>(3);

/** The facts for a filter, shared by the screen's three aggregates while the file is unchanged. */
export function filteredFacts(read: ReadConnection, filter: DashboardFilterValues): FilteredFacts {
  return remembered(read, JSON.stringify(filter), () => readFilteredFacts(read, filter));
}
