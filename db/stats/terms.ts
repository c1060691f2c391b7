import type { Store } from '../store.js';
import { TERM_KINDS, type TermKind, targetsOfTerm } from './facts.js';

/**
 * The dashboard terms (facts.ts): each distinct operator, modality, targets list,
 * indications list and complications list, once. A term's rank numbers it within its kind
 * from 1, so per-kind tallies can be plain arrays where 0 stands for "none".
 */
export interface Terms {
  text: string[];
  kind: TermKind[];
  /** Rank within its kind, by term id; 0 for id 0 (none). */
  rank: Int32Array;
  /** Term ids of each kind by rank (index 0: none). */
  byRank: Record<TermKind, number[]>;
}

export function loadTerms(store: Store): Terms {
  const text: string[] = [];
  const kind: TermKind[] = [];
  const byRank = Object.fromEntries(TERM_KINDS.map((termKind) => [termKind, [0]])) as Record<TermKind, number[]>;
  const rows = store.sqlite.prepare('SELECT id, kind, term FROM dashboard_terms ORDER BY id').raw().all() as [
    number,
    TermKind,
    string,
  ][];
  const rank = new Int32Array((rows[rows.length - 1]?.[0] ?? 0) + 1);
  for (const [id, termKind, term] of rows) {
    text[id] = term;
    kind[id] = termKind;
    rank[id] = byRank[termKind].length;
    byRank[termKind].push(id);
  }
  return { text, kind, rank, byRank };
}

/** What one distinct targets list (root/side pairs with their spread and drugs) contributes. */
export interface TargetsContribution {
  targets: number;
  /** Distinct roots treated ("?" left out): the pain-by-root groups a procedure counts in. */
  roots: string[];
  /** Root/side pairs with both chosen, in target order (a pair may repeat). */
  pairs: string[];
  /** The same root treated on the left and on the right in one procedure. */
  bilateral: boolean;
  patterns: string[];
  intravascular: number;
  particulateAfterIntravascular: number;
  byRoot: { root: string; intravascular: boolean; intrathecal: boolean }[];
}

export function targetsContribution(term: string, particulate: ReadonlySet<string>): TargetsContribution {
  const { rootSides, spread, drugs } = targetsOfTerm(term);
  const pairs = rootSides.split(',');
  const spreads = spread.split('|');
  const drugLists = drugs.split('|');
  const result: TargetsContribution = {
    targets: pairs.length,
    roots: [],
    pairs: [],
    bilateral: false,
    patterns: [],
    intravascular: 0,
    particulateAfterIntravascular: 0,
    byRoot: [],
  };
  pairs.forEach((pair, index) => {
    const space = pair.indexOf(' ');
    const root = pair.slice(0, space);
    const side = pair.slice(space + 1);
    const patterns = spreads[index] ? (spreads[index] as string).split(';') : [];
    result.patterns.push(...patterns);
    const intravascular = patterns.includes('intravascular_venous') || patterns.includes('intravascular_arterial');
    if (intravascular) {
      result.intravascular++;
      if ((drugLists[index] ?? '').split(';').some((code) => particulate.has(code))) {
        result.particulateAfterIntravascular++;
      }
    }
    if (root === '?') return;
    if (!result.roots.includes(root)) result.roots.push(root);
    result.byRoot.push({ root, intravascular, intrathecal: patterns.includes('intrathecal') });
    if (side !== '?') result.pairs.push(pair);
  });
  result.bilateral = result.pairs.some(
    (pair) => pair.endsWith(' left') && result.pairs.includes(`${pair.slice(0, -5)} right`),
  );
  return result;
}
