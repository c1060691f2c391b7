import { appendAudit, diff } from '../audit.js';
import type { PresentedCredential } from '../credentials.js';
import {
  type ConflictDecision,
  clinicalContent,
  type HubConflictView,
  procedureDraftSchema,
  REFUSAL_MESSAGES as R,
  RootLogError,
  saidOf,
  sentence,
  warnings,
} from '../model/index.js';
import { amendCheckedProcedure, getProcedure } from '../procedures.js';
import { getSettings } from '../settings.js';
import { conflictById, type LocalConflictRow, openConflicts, resolveConflictRow } from '../sqlite/hub-local.js';
import { type ServiceContext, type Store, timestamp } from '../store.js';
import type { ProposalEntry } from './entries.js';
import { receivedRules } from './local-records.js';

/*
 * True conflicts as the window shows them: the owner's record beside the other console's
 * amendment, field by field, until the owner resolves it — by taking the amendment (an
 * amendment of its own record, signed here) or by keeping its record. The resolution is then
 * pushed, signed, and settles the conflict on every console.
 */

function view(store: Store, row: LocalConflictRow, me: string): HubConflictView {
  const proposal = JSON.parse(row.entry) as ProposalEntry;
  const here = getProcedure(store, row.recordId).record;
  const proposed = proposal.content as Record<string, unknown>;
  const changes = diff(clinicalContent(here), proposed);
  const found = warnings(procedureDraftSchema.parse({ ...proposed, id: row.recordId }), receivedRules(store.reader));
  return {
    id: row.id,
    recordId: row.recordId,
    patientId: here.patientId ?? null,
    owner: row.owner,
    proposer: row.proposer,
    proposedBy: proposal.signedBy,
    proposedAt: proposal.signedAt,
    reason: proposal.reason,
    resolvesHere: row.owner === me,
    fields: Object.entries(changes).map(([field, change]) => ({ field, here: change.before, proposed: change.after })),
    warnings: found
      .filter((warning) => warning.level !== 'reminder')
      .map((warning) => ({ code: warning.code, message: warning.message })),
    resolution:
      row.decision && row.resolvedAt ? { decision: row.decision, at: row.resolvedAt, by: row.resolvedBy ?? '' } : null,
  };
}

/** The conflicts still open on this console, oldest first. */
export function conflictViews(store: Store): HubConflictView[] {
  const me = getSettings(store).consoleName;
  return openConflicts(store.reader).map((row) => view(store, row, me));
}

export interface Resolution {
  decision: ConflictDecision;
  reason: string;
  confirmedWarnings?: readonly string[];
}

/**
 * Resolves a conflict on the console that owns the record: taking the other console's
 * amendment amends the record here (with the reason, the warnings confirmed as at any
 * amendment), keeping the record changes nothing in it; either way in one transaction with the
 * conflict's resolution and its audit row.
 */
export function resolveConflict(
  store: Store,
  id: string,
  resolution: Resolution,
  /** The owner's radiologist who takes the amendment proves it with their PIN (an amendment here). */
  signer: PresentedCredential,
  context: ServiceContext,
): HubConflictView {
  const write = store.writer;
  return write.db
    .transaction((): HubConflictView => {
      const row = conflictById(write, id);
      if (!row) throw new RootLogError('not_found', sentence(R.noConflict, { id }), { field: 'id' });
      if (row.decision) throw RootLogError.invalid([{ field: 'id', ...saidOf(sentence(R.conflictResolved)) }]);
      const me = getSettings(write).consoleName;
      if (row.owner !== me)
        throw RootLogError.invalid([{ field: 'id', ...saidOf(sentence(R.conflictOwner, { owner: row.owner })) }]);
      const proposal = JSON.parse(row.entry) as ProposalEntry;
      let version = getProcedure(store, row.recordId).record.version;
      if (resolution.decision === 'took') {
        const content = procedureDraftSchema.parse({ ...(proposal.content as object), id: row.recordId });
        version = amendCheckedProcedure(
          store,
          content,
          { reason: resolution.reason, confirmedWarnings: resolution.confirmedWarnings },
          signer,
          context,
        ).record.version;
      }
      const at = timestamp(context);
      resolveConflictRow(write, id, { decision: resolution.decision, version, by: context.actor, at, onHub: false });
      appendAudit(write, {
        at,
        actor: context.actor,
        action: 'import',
        entity: 'import',
        entityId: id,
        changes: {
          hubConflict: { before: 'open', after: resolution.decision },
          record: { before: null, after: row.recordId },
          proposer: { before: null, after: row.proposer },
          version: { before: null, after: version },
        },
        reason: resolution.reason,
      });
      return view(store, { ...row, decision: resolution.decision, resolvedAt: at, resolvedBy: context.actor }, me);
    })
    .immediate();
}
