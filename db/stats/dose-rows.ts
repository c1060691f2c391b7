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

const COLUMN_OF: Record<DoseQuantity, string> = {
  dlpMGyCm: 'dlp_mgy_cm',
  ctdiVolMGy: 'ctdi_vol_mgy',
  dapGyCm2: 'dap_gy_cm2',
  fluoroTimeS: 'fluoro_time_s',
};

/** A list of values for each dose quantity, empty. */
export const emptyDoseValues = (): Record<DoseQuantity, number[]> =>
  Object.fromEntries(DOSE_QUANTITIES.map((quantity) => [quantity, []])) as unknown as Record<DoseQuantity, number[]>;

/** The signed procedures' doses for a filter's WHERE clause (alias p), from the index alone. */
export const doseQuery = (where: string) =>
  `SELECT p.modality, p.caudal_epidural, length(p.root_sides) - length(replace(p.root_sides, ',', '')) + (p.root_sides <> ''),
          p.operator_id, ${DOSE_QUANTITIES.map((quantity) => `p.${COLUMN_OF[quantity]}`).join(', ')}
     FROM procedures p INDEXED BY procedures_doses
    WHERE p.status IN ('signed', 'amended') AND p.modality IS NOT NULL AND ${where}`;

/** Signed procedures' doses by (modality, protocol, operator) for a filter. */
export function doseSamples(read: ReadConnection, filter: ProcedureFilterValues): DoseSample[] {
  const { where, params } = procedureFilterSql(filter, { utcBounds: false });
  const rows = read.db.prepare(doseQuery(where)).raw().iterate(params) as IterableIterator<
    [Modality, number, number, string | null, ...(number | null)[]]
  >;
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
