import { type PresentedCredential, withSigner } from './credentials.js';
import type { DueFollowUp } from './model/answers.js';
import {
  addDays,
  daysBetween,
  type FollowUpEntry,
  type FollowUpEntryInput,
  type FollowUpWindows,
  followUpEntrySchema,
  followUpRelief,
  localDateTimeWithOffset,
  problem,
  problemsFromZod,
  REFUSAL_MESSAGES as R,
  RootLogError,
  sentence,
} from './model/index.js';
import { followUpWindows } from './settings.js';
import type { ReadableDb } from './sqlite/connection.js';
import { followUpRows, procedureOfFollowUp, signedWithoutFollowUp } from './sqlite/follow-up-rows.js';
import type { FollowUpLink } from './sqlite/hash-chain.js';
import { writeFollowUp } from './sqlite/record-life.js';
import { newId, type ReadSource, readerOf, type ServiceContext, type Store, timestamp } from './store.js';

export type { DueFollowUp } from './model/answers.js';

/*
 * The episode's follow-ups (the leaflet: the cortisone works after 1 to 3 days): appended to
 * a signed record without amending it, each with its audit row and hash link; a mistaken one
 * is corrected by a new entry that supersedes it, with a reason, never edited.
 */

const entryOf = (row: FollowUpLink, supersededBy: string | null): FollowUpEntry => ({
  id: row.id,
  procedureId: row.procedureId,
  contactDate: row.contactDate,
  method: row.method as FollowUpEntry['method'],
  legNrs: row.legNrs,
  backNrs: row.backNrs,
  globalImpression: row.globalImpression as FollowUpEntry['globalImpression'],
  newComplications: row.newComplications ? row.newComplications.split(';') : [],
  furtherTreatment: row.furtherTreatment as FollowUpEntry['furtherTreatment'],
  notes: row.notes,
  supersedes: row.supersedes,
  reason: row.reason,
  daysAfter: row.daysAfter,
  reliefPercent: row.reliefPercent,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt,
  recordedById: row.recordedById ?? null,
  meaning: (row.meaning as FollowUpEntry['meaning']) ?? null,
  supersededBy,
});

/** A procedure's follow-ups in the order recorded, each saying which later entry corrected it. */
export function followUpsOf(source: ReadSource, procedureId: string): FollowUpEntry[] {
  const rows = followUpRows(readerOf(source).db as ReadableDb, procedureId);
  const correctedBy = new Map(rows.filter((row) => row.supersedes).map((row) => [row.supersedes as string, row.id]));
  return rows.map((row) => entryOf(row, correctedBy.get(row.id) ?? null));
}

/** Records a follow-up of a signed procedure, under the operator who proves it with their PIN. */
export function recordFollowUp(
  store: Store,
  input: unknown,
  presented: PresentedCredential,
  context: ServiceContext,
): FollowUpEntry {
  const parsed = followUpEntrySchema.safeParse(input);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return recordCheckedFollowUp(store, parsed.data, presented, context);
}

/** recordFollowUp for an entry already parsed at the boundary (the API contract). */
export function recordCheckedFollowUp(
  store: Store,
  entry: FollowUpEntryInput,
  presented: PresentedCredential,
  context: ServiceContext,
): FollowUpEntry {
  return withSigner(store, presented, 'follow_up', context, (write, signer): FollowUpEntry => {
    const procedure = procedureOfFollowUp(write, entry.procedureId);
    if (!procedure)
      throw new RootLogError('not_found', sentence(R.noProcedure, { id: entry.procedureId }), {
        field: 'procedureId',
      });
    if (procedure.status === 'draft') throw RootLogError.invalid([problem('procedureId', R.followUpOfDraft)]);
    const today = localDateTimeWithOffset(context.now?.() ?? new Date()).slice(0, 10);
    if (entry.contactDate < procedure.performedDate)
      throw RootLogError.invalid([problem('contactDate', R.contactBeforeProcedure, { date: procedure.performedDate })]);
    if (entry.contactDate > today) throw RootLogError.invalid([problem('contactDate', R.contactInFuture)]);
    let before: FollowUpEntry | undefined;
    if (entry.supersedes) {
      const earlier = followUpsOf(write, entry.procedureId);
      before = earlier.find((candidate) => candidate.id === entry.supersedes);
      if (!before) throw RootLogError.invalid([problem('supersedes', R.notThisFollowUp)]);
      if (before.supersededBy) throw RootLogError.invalid([problem('supersedes', R.alreadyCorrected)]);
    }
    const link = writeFollowUp(write, {
      entry: {
        id: newId(),
        procedureId: entry.procedureId,
        contactDate: entry.contactDate,
        daysAfter: daysBetween(procedure.performedDate, entry.contactDate),
        method: entry.method,
        legNrs: entry.legNrs ?? null,
        backNrs: entry.backNrs ?? null,
        globalImpression: entry.globalImpression ?? null,
        reliefPercent: followUpRelief(procedure.painPre, entry.legNrs),
        newComplications: entry.newComplications.join(';'),
        furtherTreatment: entry.furtherTreatment ?? null,
        notes: entry.notes || null,
        supersedes: entry.supersedes ?? null,
        reason: entry.supersedes ? (entry.reason ?? null) : null,
        recordedAt: timestamp(context),
      },
      corrected: before ? { id: before.id, legNrs: before.legNrs, backNrs: before.backNrs } : null,
      signer,
    });
    return entryOf(link, null);
  });
}

/** After a window ends, a missing follow-up stays on the list this many days, then counts as lost. */
const OVERDUE_DAYS_LISTED = 7;

/**
 * Who is due on `date` (a local date, default today): signed procedures inside a follow-up
 * window (or up to a week past it) without a current follow-up in that window; overdue ones
 * first, then the oldest procedure first.
 */
export function followUpsDue(source: ReadSource, options: { date?: string; windows?: FollowUpWindows } = {}) {
  const read = readerOf(source);
  const date = options.date ?? localDateTimeWithOffset(new Date()).slice(0, 10);
  const windows = options.windows ?? followUpWindows(read);
  const due: DueFollowUp[] = [];
  for (const window of ['early', 'late'] as const) {
    const { from, to } = windows[window];
    const rows = signedWithoutFollowUp(read, {
      oldest: addDays(date, -(to + OVERDUE_DAYS_LISTED)),
      newest: addDays(date, -from),
      from,
      to,
    });
    for (const row of rows) {
      const daysAfter = daysBetween(row.performedDate, date);
      due.push({ ...row, window, daysAfter, overdue: daysAfter > to });
    }
  }
  return due.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.performedDate.localeCompare(b.performedDate));
}
