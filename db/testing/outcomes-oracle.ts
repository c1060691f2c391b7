import type { FollowUpOutcomes, OutcomeGroup, WindowOutcome } from '../model/answers.js';
import {
  addDays,
  dashboardFilterSchema,
  type FollowUpWindow,
  isNrsResponder,
  isReliefResponder,
  localDateTimeWithOffset,
  windowOf,
} from '../model/index.js';
import { catalogueForOldSignedRecords, followUpWindows, listOperators } from '../settings.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { type ReadSource, readerOf } from '../store.js';

/*
 * The tests' oracle for the follow-up outcomes: the same figures the straightforward way, every
 * signed procedure's row with its steroid worked out from its drug rows and every current
 * follow-up entry read from SQLite on each call. This was the product code until the screen's
 * 150 ms goal had the outcomes counted from the packed facts and an in-memory follow-up index;
 * tests hold the two to equal results on any filter.
 */

interface ProcedureOutcome {
  performedDate: string;
  painPre: number | null;
  operator: string;
  modality: string;
  roots: string[];
  indications: string[];
  steroid: 'particulate' | 'non_particulate' | 'none';
  latest: Partial<Record<FollowUpWindow, { legNrs: number | null; reliefPercent: number | null; entry: string }>>;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function tallyWindow(procedures: ProcedureOutcome[], window: FollowUpWindow, lastEligible: string): WindowOutcome {
  let eligible = 0;
  let followedUp = 0;
  let reliefResponders = 0;
  let nrsResponders = 0;
  for (const procedure of procedures) {
    if (procedure.performedDate > lastEligible) continue;
    eligible++;
    const entry = procedure.latest[window];
    if (!entry) continue;
    followedUp++;
    if (isReliefResponder(entry.reliefPercent)) reliefResponders++;
    if (isNrsResponder(procedure.painPre, entry.legNrs)) nrsResponders++;
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

/** The steroid kinds by the number the query gives them. */
const STEROID_KINDS = ['none', 'non_particulate', 'particulate'] as const;

export function outcomesRowByRow(
  source: ReadSource,
  filterInput: unknown,
  { asOf = localDateTimeWithOffset(new Date()).slice(0, 10) }: { asOf?: string } = {},
): FollowUpOutcomes {
  const read = readerOf(source);
  const filter = dashboardFilterSchema.parse(filterInput ?? {});
  const windows = followUpWindows(read);
  const today = asOf;
  const { where, params } = procedureFilterSql(filter, { utcBounds: false });
  const catalogue = catalogueForOldSignedRecords(read);
  const particulate = new Set(catalogue.filter((drug) => drug.particulate).map((drug) => drug.code));
  const steroids = new Set(catalogue.filter((drug) => drug.drugClass === 'steroid').map((drug) => drug.code));
  const procedures = new Map<string, ProcedureOutcome>();
  // Drug rows and follow-up entries are read for the procedures in the filter only (a one-day
  // view reads one day's rows: `rootlog stats` of a day stays flat in the logbook's size);
  // with no filter at all, one pass over the follow-ups is quicker than a lookup per procedure.
  const everything = where === '1';
  const inFilter = `FROM procedures p INDEXED BY procedures_outcomes
    WHERE p.status IN ('signed', 'amended') AND ${where}`;
  // Each procedure's steroid as signed (schema 6), else as the catalogue was at that upgrade:
  // 0 none, 1 non-particulate, 2 particulate, the most telling of its drugs.
  const steroidKind = `(SELECT max(CASE
        WHEN NOT (CASE WHEN d.signed_class IS NOT NULL THEN d.signed_class = 'steroid'
                       ELSE d.drug_code IN (SELECT value FROM json_each(@steroidCodes)) END) THEN 0
        WHEN (CASE WHEN d.signed_particulate IS NOT NULL THEN d.signed_particulate = 1
                   ELSE d.drug_code IN (SELECT value FROM json_each(@particulateCodes)) END) THEN 2
        ELSE 1 END)
      FROM drug_administrations d WHERE d.procedure_id = p.id)`;
  // From the narrow index procedures_outcomes (schema 8), never the wide rows; read as raw
  // arrays (an object per row costs more than the rest of the computation).
  const rows = read.db
    .prepare(
      `SELECT p.id, p.performed_date, p.pain_pre, coalesce(p.operator_id, ''), coalesce(p.modality, ''),
              p.root_sides, p.indications_text, coalesce(${steroidKind}, 0)
         ${inFilter}`,
    )
    .raw()
    .iterate({
      ...params,
      steroidCodes: JSON.stringify([...steroids]),
      particulateCodes: JSON.stringify([...particulate]),
    }) as IterableIterator<
    [
      id: string,
      performedDate: string,
      painPre: number | null,
      operator: string,
      modality: string,
      rootSides: string,
      indications: string,
      steroid: 0 | 1 | 2,
    ]
  >;
  for (const [id, performedDate, painPre, operator, modality, rootSides, indications, steroid] of rows) {
    procedures.set(id, {
      performedDate,
      painPre,
      operator,
      modality,
      roots: [...new Set(rootSides ? rootSides.split(',').map((pair) => pair.split(' ')[0] ?? '?') : [])],
      indications: indications ? indications.split(';') : [],
      steroid: STEROID_KINDS[steroid],
      latest: {},
    });
  }
  const entries = read.db
    .prepare(
      `SELECT e.procedure_id, e.days_after, e.leg_nrs, e.relief_percent, e.id
         FROM follow_up_entries e INDEXED BY follow_up_entries_outcomes
        WHERE NOT EXISTS (SELECT 1 FROM follow_up_entries s WHERE s.supersedes = e.id)
          ${everything ? '' : `AND e.procedure_id IN (SELECT p.id ${inFilter})`}`,
    )
    .raw()
    .iterate(params) as IterableIterator<
    [procedureId: string, days: number, legNrs: number | null, reliefPercent: number | null, entry: string]
  >;
  for (const [procedureId, days, legNrs, reliefPercent, entry] of entries) {
    const procedure = procedures.get(procedureId);
    if (!procedure) continue;
    const window = windowOf(days, windows);
    // The latest current entry counts: entry ids are UUIDv7, ordered by the time they were recorded.
    const kept = window ? procedure.latest[window] : undefined;
    if (window && (!kept || kept.entry < entry)) procedure.latest[window] = { legNrs, reliefPercent, entry };
  }
  // Eligible: the window has ended by `today` (a procedure of yesterday cannot yet have its review).
  const lastEligible = { early: addDays(today, -windows.early.to), late: addDays(today, -windows.late.to) };
  const all = [...procedures.values()];
  const group = (key: string, label: string, members: ProcedureOutcome[]): OutcomeGroup => ({
    key,
    label,
    early: tallyWindow(members, 'early', lastEligible.early),
    late: tallyWindow(members, 'late', lastEligible.late),
  });
  const by = (keysOf: (procedure: ProcedureOutcome) => string[], label: (key: string) => string) => {
    const members = new Map<string, ProcedureOutcome[]>();
    for (const procedure of all) {
      for (const key of keysOf(procedure)) {
        const list = members.get(key);
        if (list) list.push(procedure);
        else members.set(key, [procedure]);
      }
    }
    return [...members.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => group(key, label(key), list));
  };
  const operatorNames = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  return {
    windows,
    asOf: today,
    overall: group('all', 'All procedures', all),
    byRoot: by(
      (procedure) => procedure.roots,
      (root) => root,
    ),
    byIndication: by(
      (procedure) => procedure.indications,
      (indication) => indication,
    ),
    byOperator: by(
      (procedure) => [procedure.operator],
      (id) => (id === '' ? 'No operator' : (operatorNames.get(id) ?? id)),
    ),
    bySteroid: by(
      (procedure) => [procedure.steroid],
      (kind) =>
        ({ particulate: 'Particulate steroid', non_particulate: 'Non-particulate steroid', none: 'No steroid' })[
          kind as 'none'
        ],
    ),
    byModality: by(
      (procedure) => [procedure.modality],
      (modality) => modality || 'No modality',
    ),
  };
}
