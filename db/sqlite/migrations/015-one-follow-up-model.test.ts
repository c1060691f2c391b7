import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../exports/run.js';
import { followUpsOf } from '../../follow-ups.js';
import { importFile } from '../../imports/merge.js';
import { checkDatabase } from '../../maintenance.js';
import { getProcedure, saveDraft } from '../../procedures.js';
import { saveOperator } from '../../settings.js';
import { openStore } from '../../store.js';
import { backToSchema } from '../../testing/back-in-time.js';
import { completeDraft, context, tempPath } from '../../testing/fixtures.js';
import { writeWholeRecord } from '../record-life.js';

const OLD = [
  { day: 2, painNrs: 3, reliefPercent: 40, method: 'phone', note: 'better, walking' },
  { day: 30, painNrs: 1, method: null, note: null },
];
const SIGNED_ID = '0193a0b2-0000-7000-8000-00000000a013';

/**
 * A logbook as schema 12 left it: a signed record whose own follow-up list is in follow_ups and
 * in its signed version 1, and a draft with one. Written with today's writer, then turned back.
 */
function schema12Logbook(): { path: string; draftId: string } {
  const path = tempPath();
  const store = openStore(path);
  const operatorId = saveOperator(store, { name: 'Dr. Old' }, context).id;
  const content = { ...completeDraft(operatorId, { patientId: 'OLD-1' }), id: SIGNED_ID } as never;
  const parsed = getDraftContent(store, content);
  const signedAt = '2026-03-14T09:50:00.000Z';
  store.writer.db.transaction(() =>
    writeWholeRecord(store.writer, {
      id: SIGNED_ID,
      content: parsed,
      life: {
        status: 'signed',
        version: 1,
        consoleName: 'CT 1',
        createdAt: '2026-03-14T08:30:00.000Z',
        createdBy: 'Dr. Old',
        updatedAt: signedAt,
        signedBy: 'Dr. Old',
        signedAt,
        amendedBy: null,
        amendedAt: null,
        amendReason: null,
      },
      warningCodes: [],
      versions: [
        {
          version: 1,
          content: { ...(parsed as object), followUps: OLD } as never,
          signedBy: 'Dr. Old',
          signedAt,
          reason: null,
        },
      ],
      followUps: [],
      history: [{ at: signedAt, actor: 'Dr. Old', action: 'sign', version: 1, changes: {}, reason: null }],
    }),
  )();
  const draftId = saveDraft(store, completeDraft(operatorId, { patientId: 'OLD-2', notes: 'anxious' }), context).record
    .id;
  store.close();

  backToSchema(path, 14);
  const db = new Database(path);
  const insert = db.prepare(
    'INSERT INTO follow_ups (procedure_id, ordinal, day, pain_nrs, relief_percent, method, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.prepare('INSERT INTO open_amendments (procedure_id) VALUES (?)').run(SIGNED_ID);
  for (const [ordinal, old] of OLD.entries())
    insert.run(SIGNED_ID, ordinal, old.day, old.painNrs, old.reliefPercent ?? null, old.method, old.note);
  db.prepare('DELETE FROM open_amendments').run();
  insert.run(draftId, 0, 2, 4, null, 'visit', 'called back');
  db.close();
  return { path, draftId };
}

/** The draft schema's reading of a draft (what the writer stores). */
function getDraftContent(store: ReturnType<typeof openStore>, input: never) {
  const saved = saveDraft(store, input, context).record;
  store.writer.prepare('DELETE FROM procedures WHERE id = ?').run(saved.id);
  const {
    status: _s,
    version: _v,
    consoleName: _c,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _u,
    signedBy: _sb,
    signedAt: _sa,
    amendedBy: _ab,
    amendedAt: _aa,
    amendReason: _ar,
    signedById: _sbi,
    signedMeaning: _sm,
    amendedById: _abi,
    amendedMeaning: _am,
    ...content
  } = saved;
  return content as never;
}

describe('schema 15: one follow-up model', () => {
  it('moves the record’s own follow-ups into appended entries and a draft’s into its notes; check still passes', () => {
    const { path, draftId } = schema12Logbook();
    const store = openStore(path);
    const entries = followUpsOf(store, SIGNED_ID);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ daysAfter: 2, method: 'phone', legNrs: 3, recordedBy: 'Dr. Old' });
    expect(entries[0]?.notes).toContain('reported relief 40 %');
    expect(entries[0]?.notes).toContain('better, walking');
    expect(entries[1]?.notes).toContain('was not recorded');
    expect(getProcedure(store, draftId).record.notes).toMatch(
      /^anxious\nFollow-up day 2 \(visit\): NRS 4; called back$/,
    );
    expect(store.reader.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'follow_ups'").pluck().get()).toBe(0);
    store.close();
    const report = checkDatabase(path);
    expect(report.ledger, JSON.stringify(report.ledger)).toMatchObject({ ok: true });
  });

  it('converts an old export’s own follow-up lists on import into the same entries a migrated logbook has', async () => {
    const { path } = schema12Logbook();
    const migrated = openStore(path);
    const out = tempPath('migrated.json');
    await runExport(migrated, { format: 'json', out, includeDrafts: true });
    const here = followUpsOf(migrated, SIGNED_ID).map(({ id, notes }) => ({ id, notes }));
    migrated.close();

    // The same record as an export of schema 12 had it: the list in its content, no entries.
    const file = JSON.parse(readFileSync(out, 'utf8'));
    for (const record of file.procedures) {
      if (record.id !== SIGNED_ID) continue;
      record.content.followUps = OLD;
      record.followUps = [];
      record.history = record.history.filter((entry: { action: string }) => entry.action !== 'follow_up');
      for (const entry of record.history) {
        delete entry.hash;
        delete entry.previousHash;
      }
    }
    const old = tempPath('schema-12.json');
    writeFileSync(old, JSON.stringify(file));
    const fresh = openStore(tempPath());
    const report = await importFile(fresh, old, context);
    expect(report.rejected).toEqual([]);
    expect(followUpsOf(fresh, SIGNED_ID).map(({ id, notes }) => ({ id, notes }))).toEqual(here);
    fresh.close();
  });
});
