import type { ReferenceComparisonRow } from '../model/answers.js';
import {
  DOSE_QUANTITIES,
  type DoseProtocol,
  type DoseQuantity,
  dashboardFilterSchema,
  doseProtocolOf,
  levelFor,
  type Modality,
  type ProcedureDraft,
  selectQuantiles,
  share,
} from '../model/index.js';
import { listOperators, referenceLevels } from '../settings.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { type ReadSource, readerOf } from '../store.js';

/*
 * The tests' oracle for the doses against the reference levels: every group's own line (no
 * folding) the straightforward way, each signed procedure's dose columns read one by one and
 * grouped by modality, protocol and operator. This was the product code (then through
 * db/stats/dose-rows.ts) until the comparison was counted from the packed facts; tests hold
 * the two to equal results on any filter.
 */

const COLUMNS: Record<DoseQuantity, string> = {
  dlpMGyCm: 'dlp_mgy_cm',
  ctdiVolMGy: 'ctdi_vol_mgy',
  dapGyCm2: 'dap_gy_cm2',
  fluoroTimeS: 'fluoro_time_s',
};

export function referenceGroupsRowByRow(source: ReadSource, filterInput: unknown): ReferenceComparisonRow[] {
  const read = readerOf(source);
  const { where, params } = procedureFilterSql(dashboardFilterSchema.parse(filterInput ?? {}));
  const levels = referenceLevels(read);
  const names = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  const rows: ReferenceComparisonRow[] = [];
  const groups = new Map<
    string,
    { operatorId: string | null; modality: Modality; protocol: DoseProtocol; values: Record<DoseQuantity, number[]> }
  >();
  const records = read.db
    .prepare(
      `SELECT p.modality, p.caudal_epidural, p.root_sides, p.operator_id,
              ${DOSE_QUANTITIES.map((quantity) => `p.${COLUMNS[quantity]}`).join(', ')}
         FROM procedures p WHERE p.status IN ('signed', 'amended') AND p.modality IS NOT NULL AND ${where}`,
    )
    .raw()
    .all(params) as [Modality, number, string, string | null, ...(number | null)[]][];
  for (const [modality, caudal, rootSides, operator, ...doses] of records) {
    const targets = (rootSides ? rootSides.split(',') : []) as unknown as ProcedureDraft['targets'];
    const protocol = doseProtocolOf({ caudalEpidural: caudal === 1, targets });
    for (const operatorId of [null, operator ?? '']) {
      const groupKey = `${operatorId ?? '*'}|${modality}|${protocol}`;
      const group = groups.get(groupKey) ?? {
        operatorId,
        modality,
        protocol,
        values: { dlpMGyCm: [], ctdiVolMGy: [], dapGyCm2: [], fluoroTimeS: [] },
      };
      DOSE_QUANTITIES.forEach((quantity, index) => {
        const value = doses[index];
        if (value != null) group.values[quantity].push(value);
      });
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
      DOSE_QUANTITIES.indexOf(a.quantity) - DOSE_QUANTITIES.indexOf(b.quantity) ||
      (a.operator?.id ?? '').localeCompare(b.operator?.id ?? ''),
  );
  return rows;
}
