import type { ClinicalWarning } from './clinical-warning.js';
import type { Message } from './messages.js';
import type { ProcedureDraft } from './procedure.js';
import type { Status } from './vocabularies.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence, type Words, type WordValue } from './words.js';

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

const clock = (performedAt: string | null): WordValue =>
  performedAt ? performedAt.slice(11, 16) : sentence(W.unknownTime);

const DESCRIBED: Record<Status, Message> = {
  draft: W.sameDayDraft,
  signed: W.sameDaySigned,
  amended: W.sameDayAmended,
};

/** "an unsigned draft performed at 09:12" / "a signed record performed at 09:12". */
const described = (other: SameDayRecord): Words =>
  sentence(DESCRIBED[other.status], { clock: clock(other.performedAt) });

const SIDE_WORDS: Readonly<Record<string, Message>> = { left: W.sideLeft, right: W.sideRight };

export function sameDayWarnings(record: ProcedureDraft, others: readonly SameDayRecord[]): ClinicalWarning[] {
  if (others.length === 0) return [];
  const repeated: { index: number; said: Words }[] = [];
  record.targets.forEach((target, index) => {
    if (!target.root || !target.side) return;
    const rootSide = `${target.root} ${target.side}`;
    // The latest other record with this root and side is the one to name.
    const other = [...others]
      .sort((a, b) => String(b.performedAt).localeCompare(String(a.performedAt)))
      .find((candidate) => candidate.rootSides.includes(rootSide));
    const side = SIDE_WORDS[target.side];
    if (other)
      repeated.push({
        index,
        said: sentence(W.sameDayRepeat, {
          root: target.root,
          side: side ? sentence(side) : target.side,
          other: described(other),
        }),
      });
  });
  const first = repeated[0];
  if (!first) return [];
  // "A; B; C", each joined to the rest by the language's own "; " (sameDayRepeats).
  const what = repeated
    .map(({ said }) => said)
    .reduceRight<Words | null>((rest, said) => (rest ? sentence(W.sameDayRepeats, { first: said, rest }) : said), null);
  return [
    clinicalWarning(
      'same_root_same_day',
      'check',
      `targets[${first.index}].root`,
      sentence(W.sameRootSameDay, { what: what ?? first.said }),
    ),
  ];
}
