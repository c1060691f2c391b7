import {
  DOSE_PROTOCOLS,
  DOSE_QUANTITIES,
  type DoseProtocol,
  type DoseQuantity,
  MODALITIES,
  type Modality,
} from '../model/index.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { type ProcedureFilterValues, procedureFilterSql } from '../sqlite/procedure-filter.js';
import { doseRows } from '../sqlite/stats-rows.js';

/*
 * The signed procedures' recorded doses, grouped as reference levels are set: by modality and
 * protocol (one level; two levels or bilateral; with caudal), and by operator. Read from the
 * narrow index of schema 11 alone (no row, no record decoded).
 */

export interface DoseSample {
  modality: Modality;
  protocol: DoseProtocol;
  operatorId: string | null;
  values: Record<DoseQuantity, number[]>;
}

/** A list of values for each dose quantity, empty. */
export const emptyDoseValues = (): Record<DoseQuantity, number[]> =>
  Object.fromEntries(DOSE_QUANTITIES.map((quantity) => [quantity, []])) as unknown as Record<DoseQuantity, number[]>;

/** Signed procedures' doses by (modality, protocol, operator) for a filter. */
export function doseSamples(read: ReadConnection, filter: ProcedureFilterValues): DoseSample[] {
  const { where, params } = procedureFilterSql(filter, { utcBounds: false });
  const rows = doseRows(read, where, params);
  const samples = new Map<string, DoseSample>();
  for (const [modality, caudal, targets, operatorId, ...doses] of rows) {
    const protocol: DoseProtocol =
      caudal === 1 ? 'with_caudal' : targets >= 2 ? 'two_levels_or_bilateral' : 'single_level';
    const key = `${modality}|${protocol}|${operatorId ?? ''}`;
    let sample = samples.get(key);
    if (!sample) {
      sample = {
        modality,
        protocol,
        operatorId,
        values: emptyDoseValues(),
      };
      samples.set(key, sample);
    }
    DOSE_QUANTITIES.forEach((quantity, index) => {
      const value = doses[index];
      if (value != null) sample.values[quantity].push(value);
    });
  }
  return [...samples.values()].sort(
    (a, b) =>
      MODALITIES.indexOf(a.modality) - MODALITIES.indexOf(b.modality) ||
      DOSE_PROTOCOLS.indexOf(a.protocol) - DOSE_PROTOCOLS.indexOf(b.protocol) ||
      (a.operatorId ?? '').localeCompare(b.operatorId ?? ''),
  );
}
