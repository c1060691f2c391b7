import type { ReadConnection } from '../sqlite/connection.js';
import { isIntravascular, isParticulateEntry, TERM_KINDS, type TermKind, targetsOfTerm } from '../sqlite/facts.js';
import { dashboardTermsFrom } from '../sqlite/stats-rows.js';

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
  /** Targets lists as parsed, by term id (parsed when first needed). */
  parsedTargets: (ParsedTargets | undefined)[];
}

/** One target of a targets list. */
export interface ParsedTarget {
  /** "?" where not chosen. */
  root: string;
  side: string;
  patterns: string[];
  intravascular: boolean;
  intrathecal: boolean;
}

export interface ParsedTargets {
  targets: ParsedTarget[];
  /** Distinct roots treated ("?" left out): the pain-by-root groups a procedure counts in. */
  roots: string[];
  /** "root side" pairs with both chosen, in target order (a pair may repeat). */
  pairs: string[];
  /** The same root treated on the left and on the right in one procedure. */
  bilateral: boolean;
}

export function parseTargets(term: string): ParsedTargets {
  const { rootSides, spread } = targetsOfTerm(term);
  const spreads = spread.split('|');
  const targets = rootSides.split(',').map((pair, index): ParsedTarget => {
    const space = pair.indexOf(' ');
    const patterns = spreads[index] ? (spreads[index] as string).split(';') : [];
    return {
      root: pair.slice(0, space),
      side: pair.slice(space + 1),
      patterns,
      intravascular: patterns.some(isIntravascular),
      intrathecal: patterns.includes('intrathecal'),
    };
  });
  const chosen = targets.filter((target) => target.root !== '?');
  const pairs = chosen.filter((target) => target.side !== '?').map((target) => `${target.root} ${target.side}`);
  return {
    targets,
    roots: [...new Set(chosen.map((target) => target.root))],
    pairs,
    bilateral: pairs.some((pair) => pair.endsWith(' left') && pairs.includes(`${pair.slice(0, -5)} right`)),
  };
}

/**
 * Terms are read once per connection and then only the new ones: the table is append-only
 * (triggers refuse any change) and a new row always gets an id above every committed one,
 * so an id this connection has seen committed keeps its meaning for good.
 */
const known = new WeakMap<object, Terms>();

export function loadTerms(read: ReadConnection): Terms {
  let terms = known.get(read.db);
  if (!terms) {
    terms = {
      text: [],
      kind: [],
      rank: new Int32Array(1),
      byRank: Object.fromEntries(TERM_KINDS.map((kind) => [kind, [0]])) as Record<TermKind, number[]>,
      parsedTargets: [],
    };
    known.set(read.db, terms);
  }
  const newer = dashboardTermsFrom(read, terms.rank.length);
  if (newer.length === 0) return terms;
  const rank = new Int32Array((newer[newer.length - 1]?.[0] ?? 0) + 1);
  rank.set(terms.rank);
  for (const [id, kind, term] of newer) {
    terms.text[id] = term;
    terms.kind[id] = kind;
    rank[id] = terms.byRank[kind].length;
    terms.byRank[kind].push(id);
  }
  terms.rank = rank;
  return terms;
}

/** Of the targets with intravascular spread, how many were given a drug from `codes`. */
export function intravascularTargetsGiven(term: string, particulateOtherwise: ReadonlySet<string>): number {
  const drugsByTarget = JSON.parse(term) as string[];
  return drugsByTarget.filter((drugs) =>
    drugs.split(';').some((entry) => isParticulateEntry(entry, particulateOtherwise)),
  ).length;
}

export function targetsOf(terms: Terms, id: number): ParsedTargets {
  let parsed = terms.parsedTargets[id];
  if (!parsed) {
    parsed = parseTargets(terms.text[id] ?? '');
    terms.parsedTargets[id] = parsed;
  }
  return parsed;
}
