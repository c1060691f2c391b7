import { appendAudit, diff } from '../audit.js';
import type { CarriedSigner } from '../model/carried-signer.js';
import { clinicalContent, type ProcedureDraft, type RuleSettings, warnings } from '../model/index.js';
import type { WriteConnection } from '../sqlite/connection.js';
import { recordReceivedVersion } from '../sqlite/hub-local.js';
import { type CarriedOperator, writeCarriedOperator } from '../sqlite/operator-rows.js';
import { readProcedure } from '../sqlite/procedure-rows.js';
import { writeCarriedAmendment } from '../sqlite/record-life.js';
import type { ServiceContext } from '../store.js';

/*
 * The writes a pull makes that no other part of RootLog makes, each with its audit row: an
 * owner's newer version taken as an amendment by that console, and an operator as another
 * console set it. The caller owns the transaction.
 */

const now = () => new Date().toISOString();

export interface ReceivedAmendment {
  id: string;
  content: ProcedureDraft;
  signedBy: string;
  /** Who proved it with their PIN at the owning console, and its meaning; null from an older console. */
  signer: CarriedSigner | null;
  /** Said in the audit row when the signer's operator id could not be kept (carried-signer.ts). */
  signerNote?: string | null;
  signedAt: string;
  reason: string;
  confirmedWarnings: readonly string[];
  /** The console that owns the record and signed the amendment. */
  console: string;
  hubVersion: number;
}

/**
 * A newer version signed by the record's owner, applied here as an amendment by that console:
 * the next local version (kept for ever, in the hash chain), the record's content and life, and
 * an audit row that says it was received from the hub. Returns the local version it became.
 */
export function applyReceivedAmendment(
  write: WriteConnection,
  amendment: ReceivedAmendment,
  rules: RuleSettings,
  context: ServiceContext,
): number {
  const stored = readProcedure(write.db, amendment.id);
  if (!stored) throw new Error(`procedure ${amendment.id} is not here`);
  const { content } = amendment;
  const changes = diff(clinicalContent(stored.record), content);
  if (amendment.confirmedWarnings.length > 0)
    changes.confirmedWarnings = { before: null, after: [...amendment.confirmedWarnings] };
  changes.receivedFromHub = {
    before: null,
    after: {
      console: amendment.console,
      hubVersion: amendment.hubVersion,
      by: context.actor,
      ...(amendment.signerNote ? { signer: amendment.signerNote } : {}),
    },
  };
  const { signer } = amendment;
  // The signature as the owning console's audit row says it (record-life.ts, signatureChange).
  if (signer)
    changes.signature = {
      before: null,
      after: { operatorId: signer.operatorId, name: amendment.signedBy, meaning: signer.meaning },
    };
  // The one writer of an amendment (record-life.ts): the version, the rows, the seal, the audit row.
  // Signed on the owning console; what proves it here is that console's signed entry.
  const version = writeCarriedAmendment(write, {
    stored,
    content,
    at: amendment.signedAt,
    signer: {
      name: amendment.signedBy,
      operatorId: signer?.operatorId ?? null,
      meaning: signer?.meaning ?? null,
    },
    reason: amendment.reason,
    warningCodes: warnings(content, rules).map((warning) => warning.code),
    changes,
  }).life.version;
  recordReceivedVersion(write, amendment.id, amendment.hubVersion, version, amendment.console);
  return version;
}

/** An operator as another console set it (added, renamed, (de)activated), audited as received from the hub. */
export function applyReceivedOperator(
  write: WriteConnection,
  operator: CarriedOperator,
  from: string,
  actor: string,
): void {
  const before = writeCarriedOperator(write, operator);
  // What came is compared with what it carries (being an administrator never travels).
  const changes = diff(
    before ? { id: before.id, name: before.name, active: before.active, role: before.role } : {},
    operator,
  );
  if (Object.keys(changes).length > 0)
    appendAudit(write, {
      at: now(),
      actor,
      action: 'settings',
      entity: 'operator',
      entityId: operator.id,
      changes,
      reason: `received from the hub (${from})`,
    });
}
