import { createHash } from 'node:crypto';
import type { WritableDb } from '../connection.js';
import { auditHash, type FollowUpLink, followUpHash, GENESIS } from '../hash-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 13: one follow-up model. The record's own follow-up list (table follow_ups, schema 1:
 * day, NRS, relief, method, note inside the draft) becomes entries appended after signing
 * (follow_up_entries, schema 7), each a link of the follow-ups' chain with its audit row, as
 * if recorded by the record's signer when it was signed (its content was part of what they
 * signed). Nothing is lost: what an entry has no column for (a reported relief, a missing
 * method) is said in its notes. A draft cannot have entries: its old follow-ups are added to
 * its notes, with an audit row. Then follow_ups is dropped. The signed versions keep their
 * snapshots as signed (with `followUps`); `rootlog check` compares them without it.
 * An old export that still has `followUps` in its records is converted on import by the same
 * functions (entryOfOldFollowUp, oldFollowUpsInNotes). Never edit it.
 */

/** A follow-up as schema 1 kept it inside the record. */
export interface OldFollowUp {
  day: number;
  painNrs?: number | null;
  reliefPercent?: number | null;
  method?: string | null;
  note?: string | null;
}

export interface OldFollowUpOwner {
  procedureId: string;
  performedDate: string;
  painPre: number | null | undefined;
  signedBy: string;
  signedAt: string;
}

/** A stable UUIDv7-shaped id for the entry, so every console (and every import) makes the same one. */
function entryId(procedureId: string, ordinal: number): string {
  const hex = createHash('sha256').update(`old-follow-up/${procedureId}/${ordinal}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** (before − now) / before in %, one decimal, as the entries derive it (model/pain.ts). */
function relief(before: number | null | undefined, now: number | null | undefined): number | null {
  if (before == null || now == null || before === 0) return null;
  return Math.round(((before - now) / before) * 1000) / 10;
}

function sayOld(old: OldFollowUp): string[] {
  return [
    old.reliefPercent != null ? `reported relief ${old.reliefPercent} %` : '',
    old.method == null ? 'how the patient was asked was not recorded' : '',
    old.note ?? '',
  ].filter(Boolean);
}

export function entryOfOldFollowUp(owner: OldFollowUpOwner, old: OldFollowUp, ordinal: number): FollowUpLink {
  return {
    id: entryId(owner.procedureId, ordinal),
    procedureId: owner.procedureId,
    contactDate: addDays(owner.performedDate, old.day),
    daysAfter: old.day,
    method: old.method ?? 'phone',
    legNrs: old.painNrs ?? null,
    backNrs: null,
    globalImpression: null,
    reliefPercent: relief(owner.painPre, old.painNrs),
    newComplications: '',
    furtherTreatment: null,
    notes: ['Recorded in the procedure before schema 15', ...sayOld(old)].join('; ').slice(0, 2000),
    supersedes: null,
    reason: null,
    recordedBy: owner.signedBy,
    recordedAt: owner.signedAt,
  };
}

/** The audit row's changes for an entry, as the app writes them (db/follow-ups.ts). */
export function oldFollowUpChanges(link: FollowUpLink): Record<string, { before: unknown; after: unknown }> {
  const { id, procedureId: _p, recordedBy: _b, recordedAt: _a, supersedes: _s, reason: _r, ...said } = link;
  return { [`followUp ${id}`]: { before: null, after: said } };
}

/** A draft's old follow-ups, added to its notes. */
export function oldFollowUpsInNotes(notes: string | null | undefined, olds: readonly OldFollowUp[]): string {
  const lines = olds.map(
    (old) =>
      `Follow-up day ${old.day}${old.method ? ` (${old.method})` : ''}: ${[
        old.painNrs != null ? `NRS ${old.painNrs}` : '',
        ...sayOld({ ...old, method: old.method ?? 'given' }),
      ]
        .filter(Boolean)
        .join('; ')}`,
  );
  return [notes ?? '', ...lines].filter(Boolean).join('\n').slice(0, 5000);
}

interface OldRow {
  procedure_id: string;
  ordinal: number;
  day: number;
  pain_nrs: number | null;
  relief_percent: number | null;
  method: string | null;
  note: string | null;
  status: string;
  performed_date: string;
  pain_pre: number | null;
  signed_by: string | null;
  signed_at: string | null;
  notes: string | null;
}

function appendAuditRow(
  db: WritableDb,
  row: { at: string; actor: string; action: string; entityId: string; changes: unknown },
) {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string | null }
    | undefined;
  const link = {
    seq: (last?.seq ?? 0) + 1,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: 'procedure',
    entityId: row.entityId,
    version: null,
    changes: JSON.stringify(row.changes),
    reason: null,
  };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, version, changes, reason, hash)
     VALUES (@seq, @at, @actor, @action, @entity, @entityId, @version, @changes, @reason, @hash)`,
  ).run({ ...link, hash: auditHash(last?.hash ?? GENESIS, link) });
}

function up(db: WritableDb): void {
  const rows = db
    .prepare(
      `SELECT f.*, p.status, p.performed_date, p.pain_pre, p.signed_by, p.signed_at, p.notes
         FROM follow_ups f JOIN procedures p ON p.id = f.procedure_id ORDER BY p.rowid, f.ordinal`,
    )
    .all() as OldRow[];
  const drafts = new Map<string, { notes: string | null; olds: OldFollowUp[] }>();
  const insertEntry = db.prepare(
    `INSERT INTO follow_up_entries (id, procedure_id, contact_date, days_after, method, leg_nrs, back_nrs, global_impression,
      relief_percent, new_complications, further_treatment, notes, supersedes, reason, recorded_by, recorded_at, hash)
     VALUES (@id, @procedureId, @contactDate, @daysAfter, @method, @legNrs, @backNrs, @globalImpression, @reliefPercent,
      @newComplications, @furtherTreatment, @notes, @supersedes, @reason, @recordedBy, @recordedAt, @hash)`,
  );
  const lastEntryHash = db.prepare('SELECT hash FROM follow_up_entries ORDER BY rowid DESC LIMIT 1').pluck();
  for (const row of rows) {
    const old: OldFollowUp = {
      day: row.day,
      painNrs: row.pain_nrs,
      reliefPercent: row.relief_percent,
      method: row.method,
      note: row.note,
    };
    if (row.status === 'draft' || !row.signed_by || !row.signed_at) {
      const draft = drafts.get(row.procedure_id) ?? { notes: row.notes, olds: [] };
      draft.olds.push(old);
      drafts.set(row.procedure_id, draft);
      continue;
    }
    const link = entryOfOldFollowUp(
      {
        procedureId: row.procedure_id,
        performedDate: row.performed_date,
        painPre: row.pain_pre,
        signedBy: row.signed_by,
        signedAt: row.signed_at,
      },
      old,
      row.ordinal,
    );
    const previous = (lastEntryHash.get() as string | undefined) ?? GENESIS;
    insertEntry.run({ ...link, hash: followUpHash(previous, link) });
    appendAuditRow(db, {
      at: link.recordedAt,
      actor: link.recordedBy,
      action: 'follow_up',
      entityId: link.procedureId,
      changes: oldFollowUpChanges(link),
    });
  }
  for (const [id, draft] of drafts) {
    const notes = oldFollowUpsInNotes(draft.notes, draft.olds);
    db.prepare("UPDATE procedures SET notes = ? WHERE id = ? AND status = 'draft'").run(notes, id);
    appendAuditRow(db, {
      at: new Date().toISOString(),
      actor: 'RootLog (schema 15)',
      action: 'update',
      entityId: id,
      changes: { notes: { before: draft.notes, after: notes }, followUps: { before: draft.olds, after: null } },
    });
  }
  db.exec('DROP TABLE follow_ups');
}

export const oneFollowUpModel: Migration = { version: 15, name: 'one follow-up model', up };
