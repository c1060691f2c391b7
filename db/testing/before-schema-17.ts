/*
 * What a file of schema 16 was, made from a current one (for migration tests): without the
 * operators' roles and credentials, and without the signer's operator and meaning (migration 017).
 */
export const SCHEMA_17_UNDONE = `
DROP TRIGGER procedure_versions_signed_by_operator;
DROP TRIGGER procedure_versions_signer_whole;
DROP TRIGGER follow_up_entries_recorded_by_operator;
DROP TRIGGER follow_up_entries_recorder_whole;
DROP TABLE carried_signatures;
DROP TABLE badge_key;
DROP TABLE operator_credentials;
ALTER TABLE follow_up_entries DROP COLUMN meaning;
ALTER TABLE follow_up_entries DROP COLUMN recorded_by_id;
ALTER TABLE procedure_versions DROP COLUMN meaning;
ALTER TABLE procedure_versions DROP COLUMN signer_id;
ALTER TABLE procedures DROP COLUMN amended_meaning;
ALTER TABLE procedures DROP COLUMN amended_by_id;
ALTER TABLE procedures DROP COLUMN signed_meaning;
ALTER TABLE procedures DROP COLUMN signed_by_id;
ALTER TABLE operators DROP COLUMN administrator;
ALTER TABLE operators DROP COLUMN role;
PRAGMA user_version = 16;
`;

/** Turns an open connection's current file back into schema 16. */
export function backToSchema16(db: { exec: (sql: string) => unknown }): void {
  db.exec(SCHEMA_17_UNDONE);
}
