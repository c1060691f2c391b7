import type { ClinicalWarning } from './clinical-warning.js';
import type { ProcedureDraft } from './procedure.js';
import type { Status } from './vocabularies.js';

/*
 * The same patient, the same root on the same side, twice on one day: most often one case
 * logged twice (a draft left open and a new one started), which would count twice in the
 * volumes and in the day's steroid total. Asked before signing, naming the other record. Only
 * the logbook can see the other records: the service looks them up (by the patient key, so
 * "k-100301 " and "K-100301" are one patient) and passes them in; the window's own live
 * warnings keep what the last save answered.
 */

/** Another record of the same patient on the same local date, as the lookup gives it. */
export interface SameDayRecord {
  id: string;
  performedAt: string | null;
  status: Status;
  /** "L5 right" per target, as the list shows them. */
  rootSides: readonly string[];
}

const clock = (performedAt: string | null) => (performedAt ? performedAt.slice(11, 16) : 'an unknown time');

/** "an unsigned draft performed at 09:12" / "a signed record performed at 09:12". */
function described(other: SameDayRecord): string {
  return other.status === 'draft'
    ? `an unsigned draft performed at ${clock(other.performedAt)}`
    : `a ${other.status} record performed at ${clock(other.performedAt)}`;
}

export function sameDayWarnings(record: ProcedureDraft, others: readonly SameDayRecord[]): ClinicalWarning[] {
  if (others.length === 0) return [];
  const repeated: { index: number; rootSide: string; other: SameDayRecord }[] = [];
  record.targets.forEach((target, index) => {
    if (!target.root || !target.side) return;
    const rootSide = `${target.root} ${target.side}`;
    // The latest other record with this root and side is the one to name.
    const other = [...others]
      .sort((a, b) => String(b.performedAt).localeCompare(String(a.performedAt)))
      .find((candidate) => candidate.rootSides.includes(rootSide));
    if (other) repeated.push({ index, rootSide, other });
  });
  const first = repeated[0];
  if (!first) return [];
  const what = repeated.map(({ rootSide, other }) => `${rootSide} (${described(other)})`).join('; ');
  return [
    {
      code: 'same_root_same_day',
      level: 'check',
      field: `targets[${first.index}].root`,
      message: `This patient already has ${what} today: is this the same procedure entered twice? Delete the duplicate, or confirm that it was done again.`,
    },
  ];
}
