import type { WritableDb } from '../connection.js';
import { type AuditLink, auditHash, GENESIS, type VersionLink, versionHash } from '../hash-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 5: the hash chain (db/sqlite/hash-chain.ts). Every audit row and every signed version
 * carries a hash over its own columns and the previous row's hash, so an edit made behind
 * the app's back (triggers dropped, rows changed, triggers recreated) is evident to
 * `rootlog check`. Existing rows are chained here, in the order they were written; new rows
 * can no longer be written without a hash. The hash functions are imported, not copied: they
 * define a stored format that can never change (hash-chain.test.ts pins it), so this migration
 * chains an old file exactly as today's writer would have. Never edit it.
 */
const SQL = `
ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE procedure_versions ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));
CREATE TRIGGER audit_log_hash_required BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'audit_log rows are chained: a row without its hash cannot be written'); END;
CREATE TRIGGER procedure_versions_hash_required BEFORE INSERT ON procedure_versions WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'procedure_versions rows are chained: a row without its hash cannot be written'); END;
`;

const AUDIT_NO_UPDATE = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can never be changed'); END;`;
const VERSIONS_NO_UPDATE = `CREATE TRIGGER procedure_versions_no_update BEFORE UPDATE ON procedure_versions
BEGIN SELECT RAISE(ABORT, 'procedure_versions is append-only: rows can never be changed'); END;`;

const BATCH = 2000;

function chainAudit(db: WritableDb): void {
  const rows = db.prepare(
    `SELECT seq, at, actor, action, entity, entity_id AS entityId, version, changes, reason
       FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ${BATCH}`,
  );
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?');
  let previous = GENESIS;
  for (let after = -1; ; ) {
    const batch = rows.all(after) as AuditLink[];
    if (batch.length === 0) break;
    for (const row of batch) {
      previous = auditHash(previous, row);
      update.run(previous, row.seq);
    }
    after = (batch[batch.length - 1] as AuditLink).seq;
  }
}

function chainVersions(db: WritableDb): void {
  const rows = db.prepare(
    `SELECT rowid, procedure_id AS procedureId, version, content, signed_by AS signedBy, signed_at AS signedAt, reason
       FROM procedure_versions WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`,
  );
  const update = db.prepare('UPDATE procedure_versions SET hash = ? WHERE rowid = ?');
  let previous = GENESIS;
  for (let after = -1; ; ) {
    const batch = rows.all(after) as (VersionLink & { rowid: number })[];
    if (batch.length === 0) break;
    for (const row of batch) {
      previous = versionHash(previous, row);
      update.run(previous, row.rowid);
    }
    after = (batch[batch.length - 1] as { rowid: number }).rowid;
  }
}

export const hashChain: Migration = {
  version: 5,
  name: 'hash chain',
  up: (db) => {
    db.exec(SQL);
    // The append-only locks are lifted for the chaining only, inside the migration's
    // transaction, and put back exactly as they were.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec('DROP TRIGGER procedure_versions_no_update');
    chainAudit(db);
    chainVersions(db);
    db.exec(AUDIT_NO_UPDATE);
    db.exec(VERSIONS_NO_UPDATE);
  },
};
