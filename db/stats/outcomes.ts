import type { FollowUpOutcomes, OutcomeGroup, WindowOutcome } from '../model/answers.js';
import {
  addDays,
  type FollowUpWindows,
  isNrsResponder,
  isReliefResponder,
  localDateTimeWithOffset,
  windowOf,
} from '../model/index.js';
import { followUpWindows, listOperators } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { dayKey, PAIN_NONE, STEROID_KINDS } from '../sqlite/facts.js';
import {
  type FollowUpIndex,
  followUpEntriesOf,
  followUpIndex,
  followUpIndexKept,
  NO_FOLLOW_UP_NRS,
} from '../sqlite/follow-up-index.js';
import { type ReadSource, readerOf } from '../store.js';
import type { DashboardFilterValues } from './dashboard-filter.js';
import { type FilteredFacts, filteredFacts, readFilteredFacts } from './filtered-facts.js';
import { rememberedResults } from './remembered.js';
import { factsOutOfStep } from './tally.js';
import { targetsOf } from './terms.js';

export type { FollowUpOutcomes, OutcomeGroup, WindowOutcome } from '../model/answers.js';

/*
 * Did the injection help: the outcome at the day-1–3 call and the 2–6-week review, not the
 * immediate NRS (which mostly measures the anaesthetic). Per window: how many procedures are
 * past it (eligible), how many have a current follow-up in it (completeness, so that few
 * answers are not mistaken for good ones), and of those the responders by ≥ 50 % relief and,
 * apart, by a ≥ 2-point NRS drop. The latest current entry in a window counts.
 *
 * Counted like the dashboard: the filtered procedures' packed facts (their day, pain before,
 * operator, modality, targets, indications and steroid) in one pass, each procedure's
 * follow-ups from the in-memory follow-up index by its rowid; every procedure falls in one
 * of 36 cells (its state in each window) per group, and a group's figures are sums of cells.
 */

/** A procedure's state in one window: not yet eligible, eligible without a follow-up, or followed up (+1 relief responder, +2 NRS responder). */
const NOT_ELIGIBLE = 0;
const NOT_FOLLOWED_UP = 1;
const FOLLOWED_UP = 2;
const STATES = 6;
/** Up to this many procedures, a first view reads their follow-ups alone rather than every one. */
const FEW_PROCEDURES = 5000;
const CELLS = STATES * STATES;

const count = (counts: Int32Array, at: number) => {
  counts[at] = (counts[at] as number) + 1;
};

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * What each procedure (by rowid) has in each window: its latest current entry's leg NRS
 * (NO_FOLLOW_UP_NRS where not asked) and a flag, 0 without an entry, 1 with one, 2 with one
 * of ≥ 50 % relief. The NRS responder needs the procedure's pain before, which an amendment
 * may change: it is judged per row.
 */
interface WindowEntries {
  flag: Uint8Array;
  legNrs: Uint8Array;
}

const NO_ENTRY = 0;
const ENTRY = 1;
const RELIEF_RESPONDER = 2;

const entriesKept = new WeakMap<FollowUpIndex, { key: string; early: WindowEntries; late: WindowEntries }>();

function entriesByWindow(
  index: FollowUpIndex,
  windows: FollowUpWindows,
): { early: WindowEntries; late: WindowEntries } {
  const key = `${index.version}|${JSON.stringify(windows)}`;
  const kept = entriesKept.get(index);
  if (kept?.key === key) return kept;
  let procedures = 0;
  for (let entry = 0; entry < index.count; entry++) {
    procedures = Math.max(procedures, (index.procedureRowid[entry] as number) + 1);
  }
  const latest = { early: new Int32Array(procedures).fill(-1), late: new Int32Array(procedures).fill(-1) };
  for (let entry = 0; entry < index.count; entry++) {
    if (index.superseded[entry] === 1) continue;
    const window = windowOf(index.daysAfter[entry] as number, windows);
    if (!window) continue;
    const procedure = index.procedureRowid[entry] as number;
    const before = latest[window][procedure] as number;
    // Entry ids are UUIDv7, ordered by the time they were recorded.
    if (before < 0 || (index.id[before] as string) < (index.id[entry] as string)) latest[window][procedure] = entry;
  }
  const of = (entries: Int32Array): WindowEntries => {
    const flag = new Uint8Array(procedures);
    const legNrs = new Uint8Array(procedures).fill(NO_FOLLOW_UP_NRS);
    for (let procedure = 0; procedure < procedures; procedure++) {
      const entry = entries[procedure] as number;
      if (entry < 0) continue;
      const relief = index.reliefPercent[entry] as number;
      flag[procedure] = isReliefResponder(Number.isNaN(relief) ? null : relief) ? RELIEF_RESPONDER : ENTRY;
      legNrs[procedure] = index.legNrs[entry] as number;
    }
    return { flag, legNrs };
  };
  const made = { key, early: of(latest.early), late: of(latest.late) };
  entriesKept.set(index, made);
  return made;
}

/** A procedure's state in one window (see NOT_ELIGIBLE …). */
function stateIn(entries: WindowEntries, procedure: number, eligible: boolean, painPre: number | null): number {
  if (!eligible) return NOT_ELIGIBLE;
  const flag = procedure < entries.flag.length ? (entries.flag[procedure] as number) : NO_ENTRY;
  if (flag === NO_ENTRY) return NOT_FOLLOWED_UP;
  const legNrs = entries.legNrs[procedure] as number;
  return (
    FOLLOWED_UP +
    (flag === RELIEF_RESPONDER ? 1 : 0) +
    (isNrsResponder(painPre, legNrs === NO_FOLLOW_UP_NRS ? null : legNrs) ? 2 : 0)
  );
}

function windowOutcome(cells: Int32Array, group: number, window: 'early' | 'late'): WindowOutcome {
  let eligible = 0;
  let followedUp = 0;
  let reliefResponders = 0;
  let nrsResponders = 0;
  for (let cell = 0; cell < CELLS; cell++) {
    const count = cells[group * CELLS + cell] as number;
    if (count === 0) continue;
    const state = window === 'early' ? Math.floor(cell / STATES) : cell % STATES;
    if (state === NOT_ELIGIBLE) continue;
    eligible += count;
    if (state === NOT_FOLLOWED_UP) continue;
    followedUp += count;
    if ((state - FOLLOWED_UP) & 1) reliefResponders += count;
    if ((state - FOLLOWED_UP) & 2) nrsResponders += count;
  }
  return {
    eligible,
    followedUp,
    completeness: rate(followedUp, eligible),
    reliefResponders,
    nrsResponders,
    reliefRate: rate(reliefResponders, followedUp),
    nrsRate: rate(nrsResponders, followedUp),
  };
}

const procedures = (cells: Int32Array, group: number) => {
  let count = 0;
  for (let cell = 0; cell < CELLS; cell++) count += cells[group * CELLS + cell] as number;
  return count;
};

const addCells = (into: Int32Array, intoGroup: number, from: Int32Array, fromGroup: number) => {
  for (let cell = 0; cell < CELLS; cell++) {
    const at = intoGroup * CELLS + cell;
    into[at] = (into[at] as number) + (from[fromGroup * CELLS + cell] as number);
  }
};

const remembered = rememberedResults<FollowUpOutcomes>();

const today = () => localDateTimeWithOffset(new Date()).slice(0, 10);

/** The outcomes for a filter, from the last result when neither the file nor the day changed. */
export function followUpOutcomes(
  source: ReadSource,
  filter: DashboardFilterValues,
  options: { asOf?: string } = {},
): FollowUpOutcomes {
  const read = readerOf(source);
  const asOf = options.asOf ?? today();
  return remembered(read, JSON.stringify([filter, asOf]), () => outcomesFrom(read, filteredFacts(read, filter), asOf));
}

/** The outcomes computed afresh, facts and all (the benchmark times this). */
export function computeOutcomes(source: ReadSource, filter: DashboardFilterValues, asOf = today()): FollowUpOutcomes {
  const read = readerOf(source);
  return outcomesFrom(read, readFilteredFacts(read, filter), asOf);
}

export function outcomesFrom(
  read: ReadConnection,
  { facts, rowids, terms }: FilteredFacts,
  asOf: string,
): FollowUpOutcomes {
  const windows = followUpWindows(read);
  // Once every entry is in memory a view reads only what was added since; until then, a view
  // of a few procedures (a day's `rootlog stats`) reads their entries alone.
  const index =
    followUpIndexKept(read.db) || facts.count > FEW_PROCEDURES
      ? followUpIndex(read.db)
      : followUpEntriesOf(read.db, rowids);
  const { early, late } = entriesByWindow(index, windows);
  // Eligible: the window has ended by `asOf` (a procedure of yesterday cannot yet have its review).
  const lastEarly = dayKey(addDays(asOf, -windows.early.to));
  const lastLate = dayKey(addDays(asOf, -windows.late.to));
  const { rank, byRank } = terms;
  const byOperator = new Int32Array(byRank.operator.length * CELLS);
  const byModality = new Int32Array(byRank.modality.length * CELLS);
  const byTargets = new Int32Array(byRank.targets.length * CELLS);
  const byIndications = new Int32Array(byRank.indications.length * CELLS);
  const bySteroid = new Int32Array(STEROID_KINDS.length * CELLS);
  for (let row = 0; row < facts.count; row++) {
    const day = (facts.month[row] as number) * 32 + (facts.day[row] as number);
    const before = Math.floor((facts.painCell[row] as number) / 12);
    const painPre = before === PAIN_NONE ? null : before;
    const procedure = rowids[row] as number;
    const cell =
      stateIn(early, procedure, day <= lastEarly, painPre) * STATES +
      stateIn(late, procedure, day <= lastLate, painPre);
    count(byOperator, (rank[facts.operator[row] as number] as number) * CELLS + cell);
    count(byModality, (rank[facts.modality[row] as number] as number) * CELLS + cell);
    count(byTargets, (rank[facts.targets[row] as number] as number) * CELLS + cell);
    count(byIndications, (rank[facts.indications[row] as number] as number) * CELLS + cell);
    count(bySteroid, (facts.steroid[row] as number) * CELLS + cell);
  }
  // Every procedure counts once in each: a term or steroid kind not known would be dropped silently.
  for (const counts of [byOperator, byModality, byTargets, byIndications, bySteroid]) {
    if (counts.reduce((total, value) => total + value, 0) !== facts.count) throw factsOutOfStep();
  }

  const group = (cells: Int32Array, index: number, key: string, label: string): OutcomeGroup => ({
    key,
    label,
    early: windowOutcome(cells, index, 'early'),
    late: windowOutcome(cells, index, 'late'),
  });
  /** Groups named by a key, each the sum of the ranks (or kinds) that count in it, in key order. */
  const keyed = (
    cells: Int32Array,
    groups: number,
    keysOf: (group: number) => string[],
    label: (key: string) => string,
  ): OutcomeGroup[] => {
    const sums = new Map<string, Int32Array>();
    for (let at = 0; at < groups; at++) {
      if (procedures(cells, at) === 0) continue;
      for (const key of keysOf(at)) {
        const sum = sums.get(key) ?? new Int32Array(CELLS);
        addCells(sum, 0, cells, at);
        sums.set(key, sum);
      }
    }
    return [...sums.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, sum]) => group(sum, 0, key, label(key)));
  };
  const termText = (id: number | undefined) => (id ? (terms.text[id] ?? '') : '');
  const overall = new Int32Array(CELLS);
  for (let at = 0; at < STEROID_KINDS.length; at++) addCells(overall, 0, bySteroid, at);
  const operatorNames = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  return {
    windows,
    asOf,
    overall: group(overall, 0, 'all', 'All procedures'),
    byRoot: keyed(
      byTargets,
      byRank.targets.length,
      (at) => (at === 0 ? [] : [...new Set(targetsOf(terms, byRank.targets[at] as number).targets.map((t) => t.root))]),
      (root) => root,
    ),
    byIndication: keyed(
      byIndications,
      byRank.indications.length,
      (at) => (at === 0 ? [] : termText(byRank.indications[at]).split(';')),
      (indication) => indication,
    ),
    byOperator: keyed(
      byOperator,
      byRank.operator.length,
      (at) => [termText(byRank.operator[at])],
      (id) => (id === '' ? 'No operator' : (operatorNames.get(id) ?? id)),
    ),
    bySteroid: keyed(
      bySteroid,
      STEROID_KINDS.length,
      (kind) => [STEROID_KINDS[kind] as string],
      (kind) =>
        ({ particulate: 'Particulate steroid', non_particulate: 'Non-particulate steroid', none: 'No steroid' })[
          kind as 'none'
        ],
    ),
    byModality: keyed(
      byModality,
      byRank.modality.length,
      (at) => [termText(byRank.modality[at])],
      (modality) => modality || 'No modality',
    ),
  };
}
