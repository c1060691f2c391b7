import { REFUSAL_MESSAGES, RootLogError, sentence } from '../model/index.js';
import { FACT_NO_MINUTES, type FactColumns } from '../sqlite/facts.js';
import type { Terms } from './terms.js';

/** Pain before and after are 0–10 or missing (11): 144 (before, after) cells per group. */
export const PAIN_CELLS = 144;
export const MINUTES_PER_DAY = 1440;

/**
 * The one pass over the filtered procedures. Everything here is a typed-array count indexed by
 * term rank (terms.ts), so the per-procedure work is a handful of increments; what a list
 * means (its roots, patterns, complications) is worked out afterwards once per distinct list.
 * A group's procedure count is the sum of its pain cells: every procedure falls in one cell.
 */
export interface Tallies {
  /** Pain cells by operator rank (0: no operator), targets-list rank and indications-list rank. */
  operatorPain: Int32Array;
  targetsPain: Int32Array;
  indicationsPain: Int32Array;
  /** Procedures by complications-list rank and by intravascular-drugs rank. */
  complications: Int32Array;
  intravascularDrugs: Int32Array;
  /** Table-time minutes by operator rank. */
  operatorMinutes: Int32Array;
  caudal: number;
  /** The months met (year × 12 + month − 1), each row's month slot, and procedures per slot. */
  months: number[];
  monthOfRow: Uint32Array;
  monthProcedures: number[];
  /** Each row's operator and modality rank, for the dose statistics; procedures by modality rank. */
  operatorOfRow: Uint32Array;
  modalityOfRow: Uint32Array;
  modalities: Int32Array;
}

/** Facts that name a term (or kind) this file does not hold: no figure is given rather than a wrong one. */
export const factsOutOfStep = () => new RootLogError('internal', sentence(REFUSAL_MESSAGES.factsUnknownTerms));

const count = (counts: Int32Array, index: number) => {
  counts[index] = (counts[index] as number) + 1;
};

export function tally(facts: FactColumns, terms: Terms): Tallies {
  const { rank, byRank } = terms;
  const tallies: Tallies = {
    operatorPain: new Int32Array(byRank.operator.length * PAIN_CELLS),
    targetsPain: new Int32Array(byRank.targets.length * PAIN_CELLS),
    indicationsPain: new Int32Array(byRank.indications.length * PAIN_CELLS),
    complications: new Int32Array(byRank.complications.length),
    intravascularDrugs: new Int32Array(byRank.intravascular_drugs.length),
    operatorMinutes: new Int32Array(byRank.operator.length * MINUTES_PER_DAY),
    caudal: 0,
    months: [],
    monthOfRow: new Uint32Array(facts.count),
    monthProcedures: [],
    operatorOfRow: new Uint32Array(facts.count),
    modalityOfRow: new Uint32Array(facts.count),
    modalities: new Int32Array(byRank.modality.length),
  };
  const monthSlot = new Map<number, number>();
  let lastMonth = -1;
  let lastSlot = 0;
  for (let row = 0; row < facts.count; row++) {
    const operator = rank[facts.operator[row] as number] as number;
    const cell = facts.painCell[row] as number;
    count(tallies.operatorPain, operator * PAIN_CELLS + cell);
    count(tallies.targetsPain, (rank[facts.targets[row] as number] as number) * PAIN_CELLS + cell);
    count(tallies.indicationsPain, (rank[facts.indications[row] as number] as number) * PAIN_CELLS + cell);
    count(tallies.complications, rank[facts.complications[row] as number] as number);
    count(tallies.intravascularDrugs, rank[facts.intravascularDrugs[row] as number] as number);
    tallies.caudal += facts.caudal[row] as number;
    const minutes = facts.minutes[row] as number;
    if (minutes !== FACT_NO_MINUTES) count(tallies.operatorMinutes, operator * MINUTES_PER_DAY + minutes);
    tallies.operatorOfRow[row] = operator;
    const modality = rank[facts.modality[row] as number] as number;
    tallies.modalityOfRow[row] = modality;
    count(tallies.modalities, modality);
    // Rows arrive in date order, so the month rarely changes from one row to the next.
    const month = facts.month[row] as number;
    if (month !== lastMonth) {
      lastMonth = month;
      lastSlot = monthSlot.get(month) ?? monthSlot.size;
      if (lastSlot === monthSlot.size) {
        monthSlot.set(month, lastSlot);
        tallies.months.push(month);
        tallies.monthProcedures.push(0);
      }
    }
    tallies.monthOfRow[row] = lastSlot;
    tallies.monthProcedures[lastSlot] = (tallies.monthProcedures[lastSlot] as number) + 1;
  }
  // Every procedure counts exactly once in each tally (rank 0 for "none"). A term id the terms
  // do not know would have been dropped silently: refuse to report rather than under-count.
  const sum = (counts: Int32Array) => counts.reduce((total, value) => total + value, 0);
  for (const counts of [
    tallies.operatorPain,
    tallies.targetsPain,
    tallies.indicationsPain,
    tallies.complications,
    tallies.intravascularDrugs,
    tallies.modalities,
  ]) {
    if (sum(counts) !== facts.count) {
      throw factsOutOfStep();
    }
  }
  return tallies;
}

/** Procedures in one group of a pain-cell tally. */
export function proceduresIn(cells: Int32Array, group: number): number {
  let procedures = 0;
  for (let cell = group * PAIN_CELLS; cell < (group + 1) * PAIN_CELLS; cell++) procedures += cells[cell] as number;
  return procedures;
}
