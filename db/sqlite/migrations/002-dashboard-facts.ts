import type { WritableDb } from '../connection.js';
import type { Migration } from './migration.js';

/*
 * Schema 2 exactly as it shipped: the dashboard's facts. Each procedure row carries its
 * aggregate inputs packed in one value and the dashboard index carries only those and the
 * filter columns. The backfill below is a frozen copy of the facts writer of layout 1 as it
 * was at schema 2 (db/sqlite/facts.ts is today's): it reads only columns that exist at schema
 * 1, so an old file migrates the same way whatever today's writer has become. Never edit it.
 */
const SQL = `
CREATE TABLE dashboard_terms (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('operator', 'modality', 'targets', 'indications', 'complications', 'intravascular_drugs')),
  term TEXT NOT NULL CHECK (length(term) > 0),
  UNIQUE (kind, term)
) STRICT;
CREATE TRIGGER dashboard_terms_no_update BEFORE UPDATE ON dashboard_terms
BEGIN SELECT RAISE(ABORT, 'dashboard_terms is append-only: rows can never be changed'); END;
CREATE TRIGGER dashboard_terms_no_delete BEFORE DELETE ON dashboard_terms
BEGIN SELECT RAISE(ABORT, 'dashboard_terms is append-only: rows can never be deleted'); END;

ALTER TABLE procedures ADD COLUMN dashboard_facts TEXT
  CHECK (dashboard_facts IS NULL OR length(dashboard_facts) = 96);
DROP INDEX procedures_stats;
CREATE INDEX procedures_stats ON procedures (performed_date, operator_id, modality, root_sides, dashboard_facts, status)
  WHERE status IN ('signed', 'amended');
`;

const SIGNED_PROCEDURE_NO_UPDATE = `CREATE TRIGGER signed_procedure_no_update BEFORE UPDATE ON procedures
  WHEN OLD.status <> 'draft' AND NOT (
    NEW.version = OLD.version + 1 AND NEW.status = 'amended'
    AND EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = NEW.id AND version = NEW.version)
    AND EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;

interface Schema1Row {
  rowid: number;
  performed_date: string;
  operator_id: string | null;
  modality: string | null;
  caudal_epidural: number;
  root_sides: string;
  target_spread_text: string;
  target_drugs_text: string;
  indications_text: string;
  complications_text: string;
  pain_pre: number | null;
  pain_post: number | null;
  started_at: string | null;
  ended_at: string | null;
  dlp_mgy_cm: number | null;
  ctdi_vol_mgy: number | null;
  fluoro_time_s: number | null;
  dap_gy_cm2: number | null;
}

const TERM_KINDS = ['operator', 'modality', 'targets', 'indications', 'complications', 'intravascular_drugs'] as const;
type TermKind = (typeof TERM_KINDS)[number];

function termsOf(row: Schema1Row): Record<TermKind, string | undefined> {
  const present = (text: string | null) => (text ? text : undefined);
  const intravascular = (pattern: string) => pattern === 'intravascular_venous' || pattern === 'intravascular_arterial';
  const drugsByTarget = row.target_drugs_text.split('|');
  const drugsAtIntravascular = row.target_spread_text
    .split('|')
    .flatMap((spread, index) => (spread.split(';').some(intravascular) ? [drugsByTarget[index] ?? ''] : []));
  return {
    operator: present(row.operator_id),
    modality: present(row.modality),
    targets: row.root_sides ? JSON.stringify([row.root_sides, row.target_spread_text]) : undefined,
    indications: present(row.indications_text),
    complications: present(row.complications_text),
    intravascular_drugs: drugsAtIntravascular.length > 0 ? JSON.stringify(drugsAtIntravascular) : undefined,
  };
}

function tableMinutes(startedAt: string | null, endedAt: string | null): number {
  if (!startedAt || !endedAt) return 65535;
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return (((minutes(endedAt) - minutes(startedAt)) % 1440) + 1440) % 1440;
}

/** Layout 1, 72 bytes, little-endian, stored as base64. */
function encodeLayout1(row: Schema1Row, ids: Record<TermKind, number>): string {
  const facts = Buffer.alloc(72);
  facts.writeUInt8(1, 0);
  facts.writeUInt8(row.caudal_epidural === 1 ? 1 : 0, 1);
  facts.writeUInt8(row.pain_pre ?? 255, 2);
  facts.writeUInt8(row.pain_post ?? 255, 3);
  facts.writeUInt32LE(Number(row.performed_date.slice(0, 4)) * 12 + Number(row.performed_date.slice(5, 7)) - 1, 4);
  facts.writeUInt16LE(tableMinutes(row.started_at, row.ended_at), 8);
  TERM_KINDS.forEach((kind, index) => {
    facts.writeUInt32LE(ids[kind], 12 + 4 * index);
  });
  facts.writeDoubleLE(row.dlp_mgy_cm ?? Number.NaN, 40);
  facts.writeDoubleLE(row.ctdi_vol_mgy ?? Number.NaN, 48);
  facts.writeDoubleLE(row.fluoro_time_s ?? Number.NaN, 56);
  facts.writeDoubleLE(row.dap_gy_cm2 ?? Number.NaN, 64);
  return facts.toString('base64');
}

/** Fills in the facts of every record, 2 000 rows at a time so memory stays bounded. */
function backfill(db: WritableDb): void {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const insertTerm = db.prepare('INSERT INTO dashboard_terms (kind, term) VALUES (?, ?)');
  const termId = (kind: TermKind, term: string | undefined): number => {
    if (term === undefined) return 0;
    return (selectTerm.get(kind, term) as number | undefined) ?? Number(insertTerm.run(kind, term).lastInsertRowid);
  };
  const batch = db.prepare(
    `SELECT rowid, performed_date, operator_id, modality, caudal_epidural, root_sides, target_spread_text, target_drugs_text,
       indications_text, complications_text, pain_pre, pain_post, started_at, ended_at, dlp_mgy_cm, ctdi_vol_mgy,
       fluoro_time_s, dap_gy_cm2
     FROM procedures WHERE rowid > ? ORDER BY rowid LIMIT 2000`,
  );
  const update = db.prepare('UPDATE procedures SET dashboard_facts = ? WHERE rowid = ?');
  // The facts change nothing in a record; the trigger that keeps signed records immutable is
  // lifted for this loop and put back, all inside the migration's transaction.
  db.exec('DROP TRIGGER signed_procedure_no_update');
  for (let after = 0; ; ) {
    const rows = batch.all(after) as Schema1Row[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const terms = termsOf(row);
      const ids = Object.fromEntries(TERM_KINDS.map((kind) => [kind, termId(kind, terms[kind])]));
      update.run(encodeLayout1(row, ids as Record<TermKind, number>), row.rowid);
    }
    after = (rows[rows.length - 1] as Schema1Row).rowid;
  }
  db.exec(SIGNED_PROCEDURE_NO_UPDATE);
}

export const dashboardFacts: Migration = {
  version: 2,
  name: 'dashboard facts',
  up: (db) => {
    db.exec(SQL);
    backfill(db);
  },
};
