import type { ReferenceComparisonRow } from '../model/answers.js';
import {
  DOSE_QUANTITIES,
  type DoseProtocol,
  type DoseQuantity,
  levelFor,
  type Modality,
  selectQuantiles,
  share,
} from '../model/index.js';
import { listOperators, referenceLevels } from '../settings.js';
import type { DashboardFilterValues } from '../stats/dashboard-filter.js';
import { doseSamples, emptyDoseValues } from '../stats/dose-rows.js';
import { type ReadSource, readerOf } from '../store.js';

/*
 * The tests' oracle for the doses against the reference levels: every group's own line (no
 * folding) the straightforward way, from the signed procedures' dose columns grouped by
 * modality, protocol and operator (dose-rows.ts, which the proposal of local levels reads
 * too). This was the product code until the comparison was counted from the packed facts;
 * tests hold the two to equal results on any filter.
 */
export function referenceGroupsRowByRow(source: ReadSource, filter: DashboardFilterValues): ReferenceComparisonRow[] {
  const read = readerOf(source);
  const levels = referenceLevels(read);
  const names = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  const rows: ReferenceComparisonRow[] = [];
  const groups = new Map<
    string,
    { operatorId: string | null; modality: Modality; protocol: DoseProtocol; values: Record<DoseQuantity, number[]> }
  >();
  for (const sample of doseSamples(read, filter)) {
    for (const operatorId of [null, sample.operatorId ?? '']) {
      const groupKey = `${operatorId ?? '*'}|${sample.modality}|${sample.protocol}`;
      const group = groups.get(groupKey) ?? {
        operatorId,
        modality: sample.modality,
        protocol: sample.protocol,
        values: emptyDoseValues(),
      };
      for (const quantity of DOSE_QUANTITIES) group.values[quantity].push(...sample.values[quantity]);
      groups.set(groupKey, group);
    }
  }
  for (const group of groups.values()) {
    for (const quantity of DOSE_QUANTITIES) {
      const values = group.values[quantity];
      if (values.length === 0) continue;
      const [median = null] = selectQuantiles(Float64Array.from(values), [0.5]);
      const level = levelFor(levels, group.modality, group.protocol, quantity) ?? null;
      const above = level ? values.filter((value) => value > level.value).length : 0;
      rows.push({
        operator:
          group.operatorId == null
            ? null
            : { id: group.operatorId, name: names.get(group.operatorId) ?? (group.operatorId || 'No operator') },
        modality: group.modality,
        protocol: group.protocol,
        quantity,
        cases: values.length,
        median,
        level,
        medianAbove: level && median != null ? median > level.value : null,
        aboveShare: level ? share(above, values.length) : null,
        above: level ? above : null,
        folded: null,
      });
    }
  }
  rows.sort(
    (a, b) =>
      Number(a.operator !== null) - Number(b.operator !== null) ||
      (a.operator?.name ?? '').localeCompare(b.operator?.name ?? '') ||
      a.modality.localeCompare(b.modality) ||
      (a.protocol ?? '').localeCompare(b.protocol ?? '') ||
      DOSE_QUANTITIES.indexOf(a.quantity) - DOSE_QUANTITIES.indexOf(b.quantity),
  );
  return rows;
}
