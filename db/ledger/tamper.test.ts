import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import { checkDatabase } from '../maintenance.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { auditHash, followUpHash, GENESIS } from '../sqlite/hash-chain.js';
import { openStore } from '../store.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { someSigner } from '../testing/signer.js';
import type { ChainHead } from './head.js';

/*
 * What someone with sqlite3 and write access can do to a logbook, and what `check` says.
 * Each case starts from the same sound file, copied.
 */

let sound: string;
let amendedId: string;
let signedId: string;
let keptHead: ChainHead;

beforeAll(() => {
  const { store } = tempStore();
  seedDatabase(store, { count: 40, seed: 11, until: new Date('2026-06-30T12:00:00Z') }, context);
  const ids = store.reader
    .prepare("SELECT id FROM procedures WHERE status = 'signed' ORDER BY id")
    .pluck()
    .all() as string[];
  amendedId = ids[0] as string;
  signedId = ids[1] as string;
  const { record } = getProcedure(store, amendedId);
  amendProcedure(
    store,
    { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0 },
    { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    someSigner(store),
    context,
  );
  saveDraft(store, { painPre: 6 }, context);
  const performed = getProcedure(store, signedId).record.performedAt?.slice(0, 10) as string;
  recordFollowUp(
    store,
    { procedureId: signedId, contactDate: performed, method: 'phone', legNrs: 2 },
    someSigner(store),
    context,
  );
  sound = store.path;
  store.close();
  const report = checkDatabase(sound);
  expect(report.ok, JSON.stringify(report.ledger)).toBe(true);
  keptHead = report.ledger?.head as ChainHead;
});

const getSignedBy = (path: string, id: string) => {
  const db = new Database(path, { readonly: true });
  const name = db
    .prepare('SELECT signed_by FROM procedure_versions WHERE procedure_id = ? AND version = 1')
    .pluck()
    .get(id);
  db.close();
  return name as string;
};

/** A copy of the sound file, changed by `tamper` on a plain connection (as sqlite3 would). */
function tampered(tamper: (db: Database.Database) => void): string {
  const path = tempPath();
  copyFileSync(sound, path);
  const db = new Database(path);
  tamper(db);
  db.close();
  return path;
}

const triggerSql = (db: Database.Database, name: string) =>
  db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;

/** Runs `change` with the named triggers dropped, then recreates them exactly as they were. */
function behindTheTriggers(db: Database.Database, names: string[], change: () => void): void {
  const saved = names.map((name) => triggerSql(db, name));
  for (const name of names) db.exec(`DROP TRIGGER ${name}`);
  change();
  for (const sql of saved) db.exec(sql);
}

const LOCKS = [
  'signed_procedure_no_update',
  'procedure_versions_no_update',
  'audit_log_no_update',
  'audit_log_no_delete',
];

describe('check makes an edit behind the app evident', () => {
  it('catches a follow-up changed behind its trigger, and one written without RootLog', () => {
    const changed = tampered((db) => {
      behindTheTriggers(db, ['follow_up_entries_no_update'], () =>
        db.prepare('UPDATE follow_up_entries SET leg_nrs = 9').run(),
      );
    });
    expect(checkDatabase(changed).ledger?.followUps).toMatch(/^follow-up .* does not match its hash/);
    const forged = tampered((db) => {
      // A whole entry with a correct hash, but no audit row: not recorded by RootLog.
      const last = db.prepare('SELECT * FROM follow_up_entries ORDER BY rowid DESC LIMIT 1').get() as Record<
        string,
        unknown
      >;
      const link = {
        id: '0193a0b2-0000-7000-8000-0000000000ff',
        procedureId: last.procedure_id as string,
        contactDate: last.contact_date as string,
        daysAfter: 0,
        method: 'phone',
        legNrs: 0,
        backNrs: null,
        globalImpression: null,
        reliefPercent: null,
        newComplications: '',
        furtherTreatment: null,
        notes: null,
        supersedes: null,
        reason: null,
        recordedBy: 'someone',
        recordedAt: '2026-06-30T12:00:00.000Z',
      };
      // Behind the trigger that asks a follow-up for a proven operator (schema 20), as someone with sqlite3 would.
      behindTheTriggers(db, ['follow_up_entries_recorded_by_operator'], () =>
        db
          .prepare(
            `INSERT INTO follow_up_entries (id, procedure_id, contact_date, days_after, method, leg_nrs, new_complications, recorded_by, recorded_at, hash)
         VALUES (@id, @procedureId, @contactDate, @daysAfter, @method, @legNrs, @newComplications, @recordedBy, @recordedAt, @hash)`,
          )
          .run({ ...link, hash: followUpHash(last.hash as string, link) }),
      );
    });
    expect(checkDatabase(forged).ledger?.followUps).toMatch(/has no audit row/);
    const recorded = new Database(sound, { readonly: true });
    const entries = recorded.prepare('SELECT count(*) FROM follow_up_entries').pluck().get();
    recorded.close();
    expect(checkDatabase(sound).ledger?.head.followUps?.count).toBe(entries);
  });

  it('passes on the untouched file and prints a head that stays valid as the logbook grows', () => {
    const path = tampered(() => {});
    const store = openStore(path);
    saveDraft(store, { painPre: 4 }, context);
    store.close();
    const report = checkDatabase(path, { expectHead: keptHead });
    expect(report.ok).toBe(true);
    expect(report.ledger?.expectedHead).toBe('ok');
    expect(report.ledger?.head.audit.seq).toBeGreaterThan(keptHead.audit.seq);
  });

  it('names a dropped trigger, an altered one and a foreign one', () => {
    const path = tampered((db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec('DROP TRIGGER signed_procedure_no_delete');
      db.exec(
        "CREATE TRIGGER signed_procedure_no_delete BEFORE DELETE ON procedures WHEN OLD.status = 'nothing' BEGIN SELECT RAISE(ABORT, 'x'); END",
      );
      db.exec('CREATE TRIGGER helper AFTER INSERT ON operators BEGIN SELECT 1; END');
    });
    const report = checkDatabase(path);
    expect(report.ok).toBe(false);
    expect(report.ledger?.triggers).toEqual([
      expect.stringMatching(/signed_procedure_no_delete is not as RootLog defines it/),
      expect.stringMatching(/audit_log_no_delete is missing/),
      expect.stringMatching(/helper is not one of RootLog's/),
    ]);
    // Only the triggers: the chains and records are intact.
    expect(report.ledger?.audit).toBeNull();
    expect(report.ledger?.records.count).toBe(0);
  });

  it('catches a signed pain score edited in the record, its snapshot and its audit row, triggers recreated', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, LOCKS, () => {
        const post = db.prepare('SELECT pain_post FROM procedures WHERE id = ?').pluck().get(signedId) as number;
        const forged = post === 0 ? 5 : 0;
        db.prepare('UPDATE procedures SET pain_post = ? WHERE id = ?').run(forged, signedId);
        const content = JSON.parse(
          db.prepare('SELECT content FROM procedure_versions WHERE procedure_id = ?').pluck().get(signedId) as string,
        );
        db.prepare('UPDATE procedure_versions SET content = ? WHERE procedure_id = ?').run(
          JSON.stringify({ ...content, painPost: forged }),
          signedId,
        );
        db.prepare("UPDATE audit_log SET changes = ? WHERE entity_id = ? AND action = 'sign'").run(
          JSON.stringify({ status: { before: 'draft', after: 'signed' }, painPost: { before: post, after: forged } }),
          signedId,
        );
      });
    });
    const report = checkDatabase(path);
    expect(report.ok).toBe(false);
    expect(report.ledger?.triggers).toEqual([]);
    expect(report.ledger?.versions).toMatch(
      new RegExp(`signed version 1 of procedure ${signedId} .*does not match its hash`),
    );
    expect(report.ledger?.audit).toMatch(new RegExp(`sign of procedure ${signedId} .*does not match its hash`));
    // The tables and the snapshot agree with each other now: the chains show it, and so do the
    // columns derived from the content (the dashboard facts were left as signed).
    expect(report.ledger?.records.problems).toEqual([
      `procedure ${signedId}: procedures.dashboard_facts differs from what signed version 1 gives`,
    ]);
  });

  it('catches the record alone changed behind the triggers: the field that differs from the signed version', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, ['signed_procedure_no_update'], () => {
        db.prepare('UPDATE procedures SET pain_pre = CASE WHEN pain_pre = 9 THEN 8 ELSE 9 END WHERE id = ?').run(
          signedId,
        );
      });
    });
    const report = checkDatabase(path);
    expect(report.ok).toBe(false);
    expect(report.ledger?.records.problems).toEqual([`procedure ${signedId}: painPre differs from signed version 1`]);
  });

  it('catches a changed signer', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, ['signed_procedure_no_update'], () => {
        db.prepare("UPDATE procedures SET signed_by = 'someone else' WHERE id = ?").run(signedId);
      });
    });
    expect(checkDatabase(path).ledger?.records.problems).toEqual([
      `procedure ${signedId}: its signer, signing time or the signature's meaning differs from signed version 1`,
    ]);
  });

  it('catches a signer id that names another operator, or no operator, beside the version’s signer name', () => {
    const path = tampered((db) => {
      const other = db
        .prepare("INSERT INTO operators (id, name) VALUES ('op-other', 'Dr. Other') RETURNING id")
        .pluck()
        .get();
      behindTheTriggers(db, ['signed_procedure_no_update', 'procedure_versions_no_update'], () => {
        db.prepare('UPDATE procedure_versions SET signer_id = ? WHERE procedure_id = ? AND version = 1').run(
          other,
          signedId,
        );
        db.prepare('UPDATE procedures SET signed_by_id = ? WHERE id = ?').run(other, signedId);
        db.prepare("UPDATE procedure_versions SET signer_id = 'op-gone' WHERE procedure_id = ? AND version = 1").run(
          amendedId,
        );
        db.prepare("UPDATE procedures SET signed_by_id = 'op-gone' WHERE id = ?").run(amendedId);
      });
    });
    const { problems } = checkDatabase(path).ledger?.records ?? { problems: [] };
    const signedBy = getSignedBy(path, signedId);
    expect(problems).toEqual(
      expect.arrayContaining([
        `procedure ${signedId}: signed version 1 is signed by ${signedBy} but names as its signer the operator op-other, who has never been called that here`,
        `procedure ${amendedId}: signed version 1 names as its signer the operator op-gone, who is not among this logbook's operators`,
      ]),
    );
  });

  it('catches a deleted audit row and reordered rows, naming the first broken link', () => {
    const deleted = tampered((db) => {
      behindTheTriggers(db, LOCKS, () => db.prepare('DELETE FROM audit_log WHERE seq = 7').run());
    });
    expect(checkDatabase(deleted).ledger?.audit).toBe(
      'audit row 6 is followed by row 8: the rows between them were removed',
    );

    const reordered = tampered((db) => {
      behindTheTriggers(db, LOCKS, () => {
        db.exec(
          'UPDATE audit_log SET seq = -1 WHERE seq = 10; UPDATE audit_log SET seq = 10 WHERE seq = 11; UPDATE audit_log SET seq = 11 WHERE seq = -1',
        );
      });
    });
    expect(checkDatabase(reordered).ledger?.audit).toMatch(/^audit row 10 .* does not match its hash/);
  });

  it('catches an amendment removed as a whole (its version, audit row and the record put back)', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, [...LOCKS, 'procedure_versions_no_delete'], () => {
        db.prepare('DELETE FROM procedure_versions WHERE procedure_id = ? AND version = 2').run(amendedId);
      });
    });
    const report = checkDatabase(path);
    expect(report.ledger?.versions).toBeNull(); // it was the last version written: the chain still ends soundly
    expect(report.ledger?.records.problems).toEqual([
      `procedure ${amendedId} is at version 2 but its signed versions are [1]`,
    ]);
    const againstKept = checkDatabase(path, { expectHead: keptHead });
    expect(againstKept.ledger?.expectedHead).toMatch(/fewer than the .* of the kept head/);
  });

  it('a chain rewritten from start to end passes on its own, and fails against a head kept elsewhere', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, LOCKS, () => {
        db.prepare("UPDATE audit_log SET actor = 'forged' WHERE seq = 3").run();
        // The forger recomputes every hash after the change, with RootLog's own (public) format.
        let previous = GENESIS;
        const rows = db
          .prepare(
            'SELECT seq, at, actor, action, entity, entity_id AS entityId, version, changes, reason FROM audit_log ORDER BY seq',
          )
          .all() as Parameters<typeof auditHash>[1][];
        for (const row of rows) {
          previous = auditHash(previous, row);
          db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(previous, row.seq);
        }
      });
    });
    expect(checkDatabase(path).ok).toBe(true);
    const report = checkDatabase(path, { expectHead: keptHead });
    expect(report.ok).toBe(false);
    expect(report.ledger?.expectedHead).toMatch(/audit row \d+ is not the one in the kept head/);
  });
});
