import { type FieldProblem, saidOf } from './problems.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { sentence } from './words.js';

/*
 * How much one record may hold: one set of limits, read where a record is made (a draft
 * saved, an amendment signed, a follow-up recorded: db/sqlite/record-life.ts) and where one
 * is taken in (the import and the hub: db/interchange/limits.ts derives from these), so the
 * app never makes a record its own import or the hub would then refuse for ever.
 */
export const RECORD_LIMITS = {
  /** Signed versions: the signature and up to 499 amendments. */
  versions: 500,
  /** Follow-up entries, corrections included (a patient called every week for years has a few hundred). */
  followUps: 500,
  /** Saves that changed a draft, each one entry of its history (a long case autosaved often has a few hundred). */
  draftSaves: 3_999,
  /**
   * Characters of text in one record as the interchange format writes it (its content, versions,
   * history and follow-ups, keys included), counted before it is held in memory. The largest the
   * app can make — every limit above at the form's longest texts — is about 60 million.
   */
  characters: 100_000_000,
} as const;

/** History entries of one record: its creation, every draft save, signature, amendment and follow-up. */
export const HISTORY_ENTRIES = 1 + RECORD_LIMITS.draftSaves + RECORD_LIMITS.versions + RECORD_LIMITS.followUps;

/** What a record holds now, to say whether one more of a kind may be added. */
export interface RecordHolding {
  draftSaves: number;
  versions: number;
  followUps: number;
}

/** Why one more draft save, amendment or follow-up would take the record beyond its limits, or null. */
export function beyondRecordLimits(holding: RecordHolding, adding: keyof RecordHolding): FieldProblem | null {
  if (holding[adding] < RECORD_LIMITS[adding]) return null;
  switch (adding) {
    case 'draftSaves':
      return { field: 'id', ...saidOf(sentence(R.draftSavesFull, { count: RECORD_LIMITS.draftSaves })) };
    case 'versions':
      return { field: 'id', ...saidOf(sentence(R.versionsFull, { count: RECORD_LIMITS.versions })) };
    case 'followUps':
      return { field: 'procedureId', ...saidOf(sentence(R.followUpsFull, { count: RECORD_LIMITS.followUps })) };
  }
}
