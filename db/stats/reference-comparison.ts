import type { ReferenceComparisonRow } from '../model/answers.js';
import {
  DOSE_PROTOCOLS,
  DOSE_QUANTITIES,
  type DoseProtocol,
  type DoseQuantity,
  doseProtocolOf,
  levelFor,
  MIN_CASES,
  type Modality,
  type ProcedureDraft,
  type ReferenceLevel,
  share,
} from '../model/index.js';
import { listOperators, referenceLevels } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import type { RecordedValues } from '../sqlite/facts.js';
import { type ReadSource, readerOf } from '../store.js';
import type { DashboardFilterValues } from './dashboard-filter.js';
import { type AgainstLevel, nestedMediansAgainstLevels } from './doses.js';
import { type FilteredFacts, filteredFacts, readFilteredFacts } from './filtered-facts.js';
import { rememberedResults } from './remembered.js';
import { targetsOf } from './terms.js';

export type { ReferenceComparisonRow } from '../model/answers.js';

/*
 * By ICRP practice a reference level is compared with a median, not with single procedures:
 * the department's and each operator's median dose per modality and protocol, beside the
 * level that applies to it and the share of procedures above it. A median needs enough
 * cases (MIN_CASES, as for adopting a level): the groups with fewer are folded, per who,
 * modality and quantity, into one line that names them and their cases and gives no median;
 * its share above counts each case against its own protocol's level. Counted from the
 * dashboard's packed facts (filtered-facts.ts), the same read as the rest of the screen.
 */

const remembered = rememberedResults<ReferenceComparisonRow[]>();

/** The comparison for a filter, from the recent results while the file is unchanged. */
export function referenceComparison(source: ReadSource, filter: DashboardFilterValues): ReferenceComparisonRow[] {
  const read = readerOf(source);
  return remembered(read, JSON.stringify(filter), () =>
    withSmallGroupsFolded(referenceGroupsFrom(read, filteredFacts(read, filter))),
  );
}

/** The comparison computed afresh, facts and all (the benchmark times this). */
export function computeReferenceComparison(
  source: ReadSource,
  filter: DashboardFilterValues,
): ReferenceComparisonRow[] {
  const read = readerOf(source);
  return withSmallGroupsFolded(referenceGroupsFrom(read, readFilteredFacts(read, filter)));
}

const MEASURES: Record<DoseQuantity, (facts: FilteredFacts['facts']) => RecordedValues> = {
  dlpMGyCm: (facts) => facts.dlp,
  ctdiVolMGy: (facts) => facts.ctdiVol,
  dapGyCm2: (facts) => facts.dap,
  fluoroTimeS: (facts) => facts.fluoroTime,
};

const PROTOCOLS = DOSE_PROTOCOLS.length;

/** Every group's own line, small or not (what the fold is made from; the tests' and benchmark's figures). */
export function referenceGroupsFrom(read: ReadConnection, { facts, terms }: FilteredFacts): ReferenceComparisonRow[] {
  const levels = referenceLevels(read);
  const names = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  const { rank, byRank } = terms;
  const modalities = byRank.modality.length;
  const operators = byRank.operator.length;
  const groups = modalities * PROTOCOLS;
  // doseProtocolOf reads the caudal flag and the number of targets: worked out once per targets list.
  const protocolOf = byRank.targets.map((id, at) => {
    const targets = (at === 0 ? [] : targetsOf(terms, id).targets) as unknown as ProcedureDraft['targets'];
    return [false, true].map((caudalEpidural) => DOSE_PROTOCOLS.indexOf(doseProtocolOf({ caudalEpidural, targets })));
  });
  // Each row's group (modality and protocol) and within it its operator's; none (`groups` ×
  // `operators`) without a modality: the department's doses come from procedures with one.
  const subgroupOfRow = new Uint32Array(facts.count);
  for (let row = 0; row < facts.count; row++) {
    const modality = rank[facts.modality[row] as number] as number;
    if (modality === 0) {
      subgroupOfRow[row] = groups * operators;
      continue;
    }
    const protocol = protocolOf[rank[facts.targets[row] as number] as number]?.[facts.caudal[row] as number] as number;
    subgroupOfRow[row] =
      (modality * PROTOCOLS + protocol) * operators + (rank[facts.operator[row] as number] as number);
  }
  const modalityOf = (group: number) =>
    terms.text[byRank.modality[Math.floor(group / PROTOCOLS)] as number] as Modality;
  const protocolOfGroup = (group: number) => DOSE_PROTOCOLS[group % PROTOCOLS] as DoseProtocol;
  const operatorOf = (at: number) => {
    const id = at === 0 ? '' : (terms.text[byRank.operator[at] as number] ?? '');
    return { id, name: names.get(id) ?? (id || 'No operator') };
  };
  const scratch = new Float64Array(facts.count);
  const rows: ReferenceComparisonRow[] = [];
  const line = (
    operator: ReferenceComparisonRow['operator'],
    group: number,
    quantity: DoseQuantity,
    level: ReferenceLevel | null,
    { n, median, above }: AgainstLevel,
  ) => {
    if (n === 0) return;
    rows.push({
      operator,
      modality: modalityOf(group),
      protocol: protocolOfGroup(group),
      quantity,
      cases: n,
      median,
      level,
      medianAbove: level && median != null ? median > level.value : null,
      aboveShare: level ? share(above, n) : null,
      above: level ? above : null,
      folded: null,
    });
  };
  for (const quantity of DOSE_QUANTITIES) {
    const measure = MEASURES[quantity](facts);
    const levelOfGroup: (ReferenceLevel | null)[] = [];
    for (let group = 0; group < groups; group++) {
      levelOfGroup.push(
        group < PROTOCOLS ? null : (levelFor(levels, modalityOf(group), protocolOfGroup(group), quantity) ?? null),
      );
    }
    const levelValues = Float64Array.from(levelOfGroup, (level) => level?.value ?? Number.NaN);
    const figures = nestedMediansAgainstLevels(measure, subgroupOfRow, groups, operators, levelValues, scratch);
    figures.groups.forEach((department, group) => {
      line(null, group, quantity, levelOfGroup[group] ?? null, department);
    });
    figures.subgroups.forEach((operator, at) => {
      const group = Math.floor(at / operators);
      line(operatorOf(at % operators), group, quantity, levelOfGroup[group] ?? null, operator);
    });
  }
  return rows.sort(rowOrder);
}

/** The department first, then each operator by name; by modality, protocol (the folded line last) and quantity; namesakes apart by id. */
function rowOrder(a: ReferenceComparisonRow, b: ReferenceComparisonRow): number {
  return (
    Number(a.operator !== null) - Number(b.operator !== null) ||
    (a.operator?.name ?? '').localeCompare(b.operator?.name ?? '') ||
    a.modality.localeCompare(b.modality) ||
    Number(a.protocol === null) - Number(b.protocol === null) ||
    (a.protocol ?? '').localeCompare(b.protocol ?? '') ||
    DOSE_QUANTITIES.indexOf(a.quantity) - DOSE_QUANTITIES.indexOf(b.quantity) ||
    (a.operator?.id ?? '').localeCompare(b.operator?.id ?? '')
  );
}

/**
 * Groups with fewer than MIN_CASES cases, folded into one line per who, modality and
 * quantity: their cases summed, no median (too few to read one from), the share above their
 * levels when each of them has one.
 */
export function withSmallGroupsFolded(rows: readonly ReferenceComparisonRow[]): ReferenceComparisonRow[] {
  const kept: ReferenceComparisonRow[] = [];
  const folded = new Map<string, ReferenceComparisonRow>();
  for (const row of rows) {
    if (row.cases >= MIN_CASES) {
      kept.push(row);
      continue;
    }
    const key = `${row.operator?.id ?? '*'}|${row.modality}|${row.quantity}`;
    const line = folded.get(key) ?? {
      operator: row.operator,
      modality: row.modality,
      protocol: null,
      quantity: row.quantity,
      cases: 0,
      median: null,
      level: null,
      medianAbove: null,
      aboveShare: null,
      above: 0,
      folded: [],
    };
    line.cases += row.cases;
    line.above = line.above === null || row.above === null ? null : line.above + row.above;
    line.folded?.push({ protocol: row.protocol as DoseProtocol, cases: row.cases });
    folded.set(key, line);
  }
  for (const line of folded.values()) {
    line.aboveShare = line.above === null ? null : share(line.above, line.cases);
    kept.push(line);
  }
  return kept.sort(rowOrder);
}
