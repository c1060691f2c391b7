import {
  COMPLICATIONS,
  type Dashboard,
  dashboardLevels,
  INDICATIONS,
  localDateTimeWithOffset,
  type PainGroup,
  quantilesOfCounts,
  RESPONDER_RELIEF_PERCENT,
  ROOTS,
  reliefPercent,
  SEVERITIES,
  SPREAD_PATTERNS,
  share,
} from '../model/index.js';
import { catalogueForOldSignedRecords, listOperators, referenceLevels } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { monthOfIndex, PAIN_NONE } from '../sqlite/facts.js';
import { type ReadSource, readerOf } from '../store.js';
import { type DashboardFilterValues, parseDashboardFilter } from './dashboard-filter.js';
import { type DoseFigures, doseFiguresBy, mediansBy } from './doses.js';
import { type FilteredFacts, filteredFacts, readFilteredFacts } from './filtered-facts.js';
import { monthCovered } from './months.js';
import { rememberedResults } from './remembered.js';
import { MINUTES_PER_DAY, PAIN_CELLS, proceduresIn, type Tallies, tally } from './tally.js';
import { intravascularTargetsGiven, type Terms, targetsOf } from './terms.js';

export { type DashboardFilterValues, parseDashboardFilter } from './dashboard-filter.js';

/*
 * The quality-review aggregates. SQL selects the filtered, signed procedures through the
 * dashboard index and hands back their packed facts (facts.ts) as one value (filtered-facts.ts,
 * shared with the outcomes and the dose comparison); one pass over them counts into typed
 * arrays (tally.ts); what a list means (its roots, spread patterns, complications) is then
 * worked out once per distinct list and multiplied by its procedures.
 * SQLite has no percentile function; medians and quartiles interpolate as R's type 7 and
 * pandas do. The slow, obvious version of all this is the tests' oracle
 * (testing/dashboard-oracle.ts); tests hold the two to the same results.
 */

function painGroup(cells: Int32Array, group: number, key: string, label: string): PainGroup {
  const pre = new Map<number, number>();
  const post = new Map<number, number>();
  const relief = new Map<number, number>();
  let responders = 0;
  let withRelief = 0;
  for (let before = 0; before <= PAIN_NONE; before++) {
    for (let after = 0; after <= PAIN_NONE; after++) {
      const count = cells[group * PAIN_CELLS + before * 12 + after] as number;
      if (count === 0) continue;
      if (before !== PAIN_NONE) pre.set(before, (pre.get(before) ?? 0) + count);
      if (after !== PAIN_NONE) post.set(after, (post.get(after) ?? 0) + count);
      if (before === PAIN_NONE || after === PAIN_NONE) continue;
      const percent = reliefPercent(before, after);
      if (percent === undefined) continue;
      relief.set(percent, (relief.get(percent) ?? 0) + count);
      withRelief += count;
      if (percent >= RESPONDER_RELIEF_PERCENT) responders += count;
    }
  }
  return {
    key,
    label,
    procedures: proceduresIn(cells, group),
    pre: quantilesOfCounts([...pre.entries()]),
    post: quantilesOfCounts([...post.entries()]),
    relief: quantilesOfCounts([...relief.entries()]),
    responderShare: share(responders, withRelief),
  };
}

/** Adds `times` × one group's pain cells to another group's. */
function addCells(into: Int32Array, intoGroup: number, from: Int32Array, fromGroup: number, times = 1): void {
  for (let cell = 0; cell < PAIN_CELLS; cell++) {
    const at = intoGroup * PAIN_CELLS + cell;
    into[at] = (into[at] as number) + times * (from[fromGroup * PAIN_CELLS + cell] as number);
  }
}

/** The last dashboards computed, per connection, filter and day, while the file is unchanged. */
const remembered = rememberedResults<Dashboard>();

const today = () => localDateTimeWithOffset(new Date()).slice(0, 10);

export function dashboard(source: ReadSource, filterInput: unknown = {}, options: { asOf?: string } = {}): Dashboard {
  return dashboardFor(source, parseDashboardFilter(filterInput), options);
}

/**
 * The dashboard for a filter already parsed at the boundary, from the recent results when the
 * file is unchanged. `asOf` is the day the view is read on (default today): the month still
 * running is covered up to it.
 */
export function dashboardFor(
  source: ReadSource,
  filter: DashboardFilterValues,
  { asOf = today() }: { asOf?: string } = {},
): Dashboard {
  const read = readerOf(source);
  return remembered(read, JSON.stringify([filter, asOf]), () =>
    dashboardFrom(read, filter, filteredFacts(read, filter), asOf),
  );
}

const rootOrder = (a: string, b: string) => ROOTS.indexOf(a as never) - ROOTS.indexOf(b as never);

const COMPLICATION_TOKENS: [string, string | null][] = COMPLICATIONS.flatMap(
  (complication): [string, string | null][] =>
    complication === 'none'
      ? [[complication, null]]
      : SEVERITIES.map((severity): [string, string | null] => [complication, severity]),
);

/** The figures that come from the targets lists: volume by root/side, spread, pain by root. */
function targetFigures(tallies: Tallies, terms: Terms, particulate: ReadonlySet<string>) {
  const figures = {
    targets: 0,
    bilateral: 0,
    intravascularTargets: 0,
    particulateAfterIntravascular: 0,
    rootSides: new Map<string, number>(),
    patterns: new Map<string, number>(),
    byRoot: new Map<string, { targets: number; intravascular: number; intrathecal: number }>(),
    rootPain: new Int32Array(ROOTS.length * PAIN_CELLS),
  };
  terms.byRank.targets.forEach((term, rank) => {
    const procedures = rank === 0 ? 0 : proceduresIn(tallies.targetsPain, rank);
    if (procedures === 0) return;
    const list = targetsOf(terms, term);
    figures.targets += list.targets.length * procedures;
    if (list.bilateral) figures.bilateral += procedures;
    for (const target of list.targets) {
      for (const pattern of target.patterns) {
        figures.patterns.set(pattern, (figures.patterns.get(pattern) ?? 0) + procedures);
      }
      if (target.intravascular) figures.intravascularTargets += procedures;
      if (target.root === '?') continue;
      const perRoot = figures.byRoot.get(target.root) ?? { targets: 0, intravascular: 0, intrathecal: 0 };
      perRoot.targets += procedures;
      if (target.intravascular) perRoot.intravascular += procedures;
      if (target.intrathecal) perRoot.intrathecal += procedures;
      figures.byRoot.set(target.root, perRoot);
    }
    for (const pair of list.pairs) figures.rootSides.set(pair, (figures.rootSides.get(pair) ?? 0) + procedures);
    for (const root of list.roots) {
      addCells(figures.rootPain, ROOTS.indexOf(root as never), tallies.targetsPain, rank);
    }
  });
  terms.byRank.intravascular_drugs.forEach((term, rank) => {
    const procedures = tallies.intravascularDrugs[rank] as number;
    if (rank === 0 || procedures === 0) return;
    figures.particulateAfterIntravascular +=
      intravascularTargetsGiven(terms.text[term] ?? '[]', particulate) * procedures;
  });
  return figures;
}

/** The aggregates computed afresh, facts and all (the benchmark times this; the API goes through `dashboard`). */
export function computeDashboard(source: ReadSource, filterInput: unknown, { asOf = today() } = {}): Dashboard {
  const read = readerOf(source);
  const filter = parseDashboardFilter(filterInput);
  return dashboardFrom(read, filter, readFilteredFacts(read, filter), asOf);
}

export function dashboardFrom(
  read: ReadConnection,
  filter: DashboardFilterValues,
  { facts, terms }: FilteredFacts,
  asOf: string,
): Dashboard {
  // The facts were read first, then what they refer to: another console may commit between
  // two reads, and a term (or operator) the facts name was committed before them.
  const levels = dashboardLevels(referenceLevels(read));
  const operatorNames = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  // Signed records carry their drugs' particulate flag as signed; older ones read the
  // catalogue as it was at schema 6 (see settings.ts).
  const particulate = new Set(
    catalogueForOldSignedRecords(read)
      .filter((drug) => drug.particulate)
      .map((drug) => drug.code),
  );
  const tallies = tally(facts, terms);
  const procedures = facts.count;

  const overallPain = new Int32Array(PAIN_CELLS);
  terms.byRank.operator.forEach((_, rank) => {
    addCells(overallPain, 0, tallies.operatorPain, rank);
  });
  const indicationPain = new Int32Array(INDICATIONS.length * PAIN_CELLS);
  terms.byRank.indications.forEach((term, rank) => {
    if (rank === 0) return;
    for (const indication of (terms.text[term] ?? '').split(';')) {
      addCells(indicationPain, INDICATIONS.indexOf(indication as never), tallies.indicationsPain, rank);
    }
  });
  const complications = new Map<string, number>();
  terms.byRank.complications.forEach((term, rank) => {
    const count = tallies.complications[rank] as number;
    if (rank === 0 || count === 0) return;
    for (const token of (terms.text[term] ?? '').split(';')) {
      complications.set(token, (complications.get(token) ?? 0) + count);
    }
  });
  const targets = targetFigures(tallies, terms, particulate);

  const scratch = new Float64Array(procedures);
  const operatorDoses = doseFiguresBy(facts, tallies.operatorOfRow, terms.byRank.operator.length, levels, scratch);
  const modalityDoses = doseFiguresBy(facts, tallies.modalityOfRow, terms.byRank.modality.length, levels, scratch);
  const months = tallies.months.length;
  const monthlyDlp = mediansBy(facts.dlp, tallies.monthOfRow, months, scratch);
  const monthlyFluoroTime = mediansBy(facts.fluoroTime, tallies.monthOfRow, months, scratch);
  const monthOrder = tallies.months.map((month, slot) => ({ month, slot })).sort((a, b) => a.month - b.month);

  const operators = terms.byRank.operator
    .map((term, rank) => {
      const key = rank === 0 ? '' : (terms.text[term] ?? '');
      const label = rank === 0 ? 'No operator' : (operatorNames.get(key) ?? key);
      return { rank, key, label, procedures: proceduresIn(tallies.operatorPain, rank) };
    })
    .filter((operator) => operator.procedures > 0)
    .sort((a, b) => b.procedures - a.procedures || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  const present = (cells: Int32Array) => (_: unknown, group: number) => proceduresIn(cells, group) > 0;

  return {
    procedures,
    referenceLevels: levels,
    volume: {
      byMonth: monthOrder.map(({ month, slot }) => ({
        ...monthCovered(monthOfIndex(month), filter, asOf),
        procedures: tallies.monthProcedures[slot] as number,
      })),
      byOperator: operators.map(({ key, label, procedures }) => ({ key, label, procedures })),
      byRootSide: [...targets.rootSides.entries()]
        .map(([pair, count]) => {
          const [root = '', side = ''] = pair.split(' ');
          return { root, side, targets: count };
        })
        .sort((a, b) => rootOrder(a.root, b.root) || a.side.localeCompare(b.side)),
      bilateralShare: share(targets.bilateral, procedures),
      caudalShare: share(tallies.caudal, procedures),
    },
    pain: {
      overall: painGroup(overallPain, 0, 'all', 'All procedures'),
      byRoot: ROOTS.map((root, group) => ({ root, group }))
        .filter(({ group }) => proceduresIn(targets.rootPain, group) > 0)
        .map(({ root, group }) => painGroup(targets.rootPain, group, root, root)),
      byIndication: INDICATIONS.filter(present(indicationPain)).map((indication) =>
        painGroup(indicationPain, INDICATIONS.indexOf(indication), indication, indication),
      ),
      byOperator: operators.map(({ rank, key, label }) => painGroup(tallies.operatorPain, rank, key, label)),
    },
    spread: {
      targets: targets.targets,
      patterns: SPREAD_PATTERNS.map((pattern) => ({
        pattern,
        targets: targets.patterns.get(pattern) ?? 0,
        share: share(targets.patterns.get(pattern) ?? 0, targets.targets),
      })),
      byRoot: [...targets.byRoot.entries()]
        .sort((a, b) => rootOrder(a[0], b[0]))
        .map(([root, value]) => ({
          root,
          targets: value.targets,
          intravascularRate: share(value.intravascular, value.targets),
          intrathecalRate: share(value.intrathecal, value.targets),
        })),
      particulateAfterIntravascular: {
        intravascularTargets: targets.intravascularTargets,
        withParticulateSteroid: targets.particulateAfterIntravascular,
        share: share(targets.particulateAfterIntravascular, targets.intravascularTargets),
      },
    },
    complications: COMPLICATION_TOKENS.map(([complication, severity]) => {
      const count = complications.get(severity ? `${complication}:${severity}` : complication) ?? 0;
      return { complication, severity, procedures: count, rate: share(count, procedures) };
    }).filter((entry) => entry.procedures > 0 || entry.complication === 'none'),
    dose: {
      // Rank 0 (no modality) never occurs in a signed record; it is left out of the table.
      byModality: terms.byRank.modality
        .map((term, rank) => ({ rank, key: terms.text[term] ?? '' }))
        .filter(({ rank }) => rank > 0 && (tallies.modalities[rank] as number) > 0)
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(({ rank, key }) => ({ key, label: key, ...(modalityDoses[rank] as DoseFigures) })),
      byOperator: operators.map(({ rank, key, label }) => ({
        key,
        label,
        ...(operatorDoses[rank] as DoseFigures),
      })),
      trend: monthOrder.map(({ month, slot }) => ({
        ...monthCovered(monthOfIndex(month), filter, asOf),
        procedures: tallies.monthProcedures[slot] as number,
        dlpMedian: monthlyDlp[slot] ?? null,
        fluoroTimeMedian: monthlyFluoroTime[slot] ?? null,
      })),
    },
    tableTime: operators
      .map(({ rank, key, label }) => {
        const counts: [number, number][] = [];
        for (let minutes = 0; minutes < MINUTES_PER_DAY; minutes++) {
          const count = tallies.operatorMinutes[rank * MINUTES_PER_DAY + minutes] as number;
          if (count > 0) counts.push([minutes, count]);
        }
        const quartiles = quantilesOfCounts(counts);
        return { key, label, minutes: { ...quartiles, p75: quartiles.q3 } };
      })
      .filter(({ minutes }) => minutes.n > 0),
  };
}
