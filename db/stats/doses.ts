import { type DoseGroup, type DoseStat, selectQuantiles, share } from '../model/index.js';
import type { FactColumns, RecordedValues } from '../sqlite/facts.js';

/*
 * Radiation dose figures per group (operator, modality, month) the way reference levels are
 * set: median and 75th percentile, and the share above the department's level. Each measure's
 * recorded values are laid out group by group in one shared array (count, then place), and
 * the quantiles are selected within each group's range: no array per group, no full sort.
 */

export type DoseFigures = Omit<DoseGroup, 'key' | 'label'>;

export interface ReferenceLevels {
  ctDlpMGyCm: number | null;
  fluoroTimeS: number | null;
}

/** Lays a measure's values out by group in `scratch`; returns where each group's range starts (and the end). */
function layOutByGroup(
  measure: RecordedValues,
  groupOfRow: Uint32Array,
  groups: number,
  scratch: Float64Array,
): Int32Array {
  const { rows, values } = measure;
  const starts = new Int32Array(groups + 1);
  for (let index = 0; index < rows.length; index++) {
    const at = (groupOfRow[rows[index] as number] as number) + 1;
    starts[at] = (starts[at] as number) + 1;
  }
  for (let group = 1; group <= groups; group++) {
    starts[group] = (starts[group] as number) + (starts[group - 1] as number);
  }
  const next = starts.slice(0, groups);
  for (let index = 0; index < rows.length; index++) {
    const group = groupOfRow[rows[index] as number] as number;
    const at = next[group] as number;
    scratch[at] = values[index] as number;
    next[group] = at + 1;
  }
  return starts;
}

function doseStat(values: Float64Array, reference: number | null): DoseStat {
  let above = 0;
  // An index loop, not for-of: until the engine has compiled it, an iterator step per value costs.
  if (reference !== null)
    for (let index = 0; index < values.length; index++) if ((values[index] as number) > reference) above++;
  const [median = null, p75 = null] = selectQuantiles(values, [0.5, 0.75]);
  return {
    n: values.length,
    median,
    p75,
    aboveReferenceShare: reference === null ? null : share(above, values.length),
  };
}

function statsByGroup(
  measure: RecordedValues,
  groupOfRow: Uint32Array,
  groups: number,
  reference: number | null,
  scratch: Float64Array,
): DoseStat[] {
  const starts = layOutByGroup(measure, groupOfRow, groups, scratch);
  const stats: DoseStat[] = [];
  for (let group = 0; group < groups; group++) {
    stats.push(doseStat(scratch.subarray(starts[group], starts[group + 1]), reference));
  }
  return stats;
}

/** The four dose measures for each group of rows (`scratch`: room for every row). */
export function doseFiguresBy(
  facts: FactColumns,
  groupOfRow: Uint32Array,
  groups: number,
  levels: ReferenceLevels,
  scratch: Float64Array,
): DoseFigures[] {
  const dlp = statsByGroup(facts.dlp, groupOfRow, groups, levels.ctDlpMGyCm, scratch);
  const ctdiVol = statsByGroup(facts.ctdiVol, groupOfRow, groups, null, scratch);
  const fluoroTime = statsByGroup(facts.fluoroTime, groupOfRow, groups, levels.fluoroTimeS, scratch);
  const dap = statsByGroup(facts.dap, groupOfRow, groups, null, scratch);
  return dlp.map((_, group) => ({
    dlp: dlp[group] as DoseStat,
    ctdiVol: ctdiVol[group] as DoseStat,
    fluoroTime: fluoroTime[group] as DoseStat,
    dap: dap[group] as DoseStat,
  }));
}

/** The median of one measure for each group (the monthly trend needs nothing more). */
export function mediansBy(
  measure: RecordedValues,
  groupOfRow: Uint32Array,
  groups: number,
  scratch: Float64Array,
): (number | null)[] {
  const starts = layOutByGroup(measure, groupOfRow, groups, scratch);
  const medians: (number | null)[] = [];
  for (let group = 0; group < groups; group++) {
    medians.push(selectQuantiles(scratch.subarray(starts[group], starts[group + 1]), [0.5])[0] ?? null);
  }
  return medians;
}

/** A group's values of one measure against the level that applies to the group. */
export interface AgainstLevel {
  n: number;
  median: number | null;
  /** Values above the level; 0 where the group has none. */
  above: number;
}

function againstLevel(values: Float64Array, level: number): AgainstLevel {
  let above = 0;
  if (!Number.isNaN(level))
    for (let index = 0; index < values.length; index++) if ((values[index] as number) > level) above++;
  return { n: values.length, median: selectQuantiles(values, [0.5])[0] ?? null, above };
}

/**
 * Groups within groups (each operator's within the department's): row `r` belongs to
 * subgroup `subgroupOfRow[r]` = group × `perGroup` + its place in the group, or to none when
 * that is `groups` × `perGroup` or more. Per group and per subgroup: how many values, their
 * median and how many lie above the group's level (`levelOf[group]`, NaN: none). One layout
 * serves both: a group's subgroups lie side by side, and each subgroup's selection only
 * reorders values within its own range, so the group's range is whole for its own after.
 */
export function nestedMediansAgainstLevels(
  measure: RecordedValues,
  subgroupOfRow: Uint32Array,
  groups: number,
  perGroup: number,
  levelOf: Float64Array,
  scratch: Float64Array,
): { groups: AgainstLevel[]; subgroups: AgainstLevel[] } {
  const subgroups = groups * perGroup;
  const starts = layOutByGroup(measure, subgroupOfRow, subgroups + 1, scratch);
  const inner: AgainstLevel[] = [];
  for (let subgroup = 0; subgroup < subgroups; subgroup++) {
    const level = levelOf[Math.floor(subgroup / perGroup)] as number;
    inner.push(againstLevel(scratch.subarray(starts[subgroup], starts[subgroup + 1]), level));
  }
  const outer: AgainstLevel[] = [];
  for (let group = 0; group < groups; group++) {
    const values = scratch.subarray(starts[group * perGroup], starts[(group + 1) * perGroup]);
    outer.push(againstLevel(values, levelOf[group] as number));
  }
  return { groups: outer, subgroups: inner };
}
