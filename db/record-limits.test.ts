import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from './exports/run.js';
import { recordFollowUp } from './follow-ups.js';
import { importFile } from './imports/merge.js';
import { IMPORT_LIMITS } from './interchange/limits.js';
import { HISTORY_ENTRIES, RECORD_LIMITS } from './model/index.js';
import { saveDraft, signProcedure } from './procedures.js';
import { appendAudit } from './sqlite/audit-rows.js';
import { appendFollowUp } from './sqlite/follow-up-rows.js';
import { carryingSignatures } from './sqlite/record-life.js';
import { completeDraft, context, tempPath, tempStore } from './testing/fixtures.js';
import { recordSigner, someSigner } from './testing/signer.js';

/*
 * One set of limits for a record (issue 23, item 10): the app refuses, where the record is
 * made, what its own import and the hub would then refuse for ever; the import reads the
 * same limits, and bounds a record's size before it holds it in memory.
 */

describe('the limits of one record', () => {
  it('are the import’s', () => {
    expect(IMPORT_LIMITS.versions).toBe(RECORD_LIMITS.versions);
    expect(IMPORT_LIMITS.followUps).toBe(RECORD_LIMITS.followUps);
    expect(IMPORT_LIMITS.historyEntries).toBe(HISTORY_ENTRIES);
    expect(IMPORT_LIMITS.recordCharacters).toBe(RECORD_LIMITS.characters);
  });

  it('a follow-up beyond them is refused where it is recorded, in words', () => {
    const { store, operatorId } = tempStore();
    const performedAt = '2026-03-14T09:30:00+01:00';
    const { record } = saveDraft(store, completeDraft(operatorId, { performedAt }), context);
    signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    const write = store.writer;
    write.db.transaction(() =>
      carryingSignatures(write, record.id, () => {
        for (let at = 0; at < RECORD_LIMITS.followUps; at++)
          appendFollowUp(write, {
            id: `01930000-0000-7000-8000-${String(at).padStart(12, '0')}`,
            procedureId: record.id,
            contactDate: '2026-03-16',
            daysAfter: 2,
            method: 'phone',
            legNrs: null,
            backNrs: null,
            globalImpression: null,
            reliefPercent: null,
            newComplications: '',
            furtherTreatment: null,
            notes: null,
            supersedes: null,
            reason: null,
            recordedBy: 'Dr. A. Keller',
            recordedAt: '2026-03-16T10:00:00Z',
          });
      }),
    )();
    expect(() =>
      recordFollowUp(
        store,
        { procedureId: record.id, contactDate: '2026-03-17', method: 'phone', legNrs: 2 },
        someSigner(store),
        { ...context, now: () => new Date('2026-03-17T10:00:00Z') },
      ),
    ).toThrow(/cannot take another follow-up: it holds 500, the most one record may hold/);
    store.close();
  });

  it('a draft saved with changes more often than they allow is refused, in words, and keeps what it holds', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId, { painPre: 5 }), context);
    const write = store.writer;
    write.db.transaction(() => {
      for (let at = 0; at < RECORD_LIMITS.draftSaves; at++)
        appendAudit(write, {
          at: new Date().toISOString(),
          actor: 'Dr. Test',
          action: 'update',
          entity: 'procedure',
          entityId: record.id,
          changes: { painPre: { before: 5, after: 5 } },
        });
    })();
    expect(() => saveDraft(store, { ...completeDraft(operatorId, { painPre: 6 }), id: record.id }, context)).toThrow(
      /saved with changes 3999 times/,
    );
    store.close();
  });
});

describe('an imported record’s size', () => {
  it('is bounded as it is read: a record with more text than allowed is refused without being built', async () => {
    const { store, operatorId } = tempStore();
    for (let at = 0; at < 3; at++) {
      const { record } = saveDraft(
        store,
        completeDraft(operatorId, { notes: 'x'.repeat(4000), performedAt: `2026-03-1${at}T09:30:00+01:00` }),
        context,
      );
      signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    }
    const out = tempPath('source.json');
    await runExport(store, { format: 'json', out });
    store.close();
    const data = JSON.parse(readFileSync(out, 'utf8'));
    data.procedures[1].history[0].changes.notes = { before: null, after: 'y'.repeat(19_000) };
    const path = tempPath('import.json');
    writeFileSync(path, JSON.stringify(data));
    const into = tempStore().store;
    const report = await importFile(into, path, context, { limits: { recordCharacters: 25_000 } });
    expect(report.rejected.map((rejected) => rejected.problems[0]?.message).join()).toMatch(
      /more than 25000 characters of text/,
    );
    expect(report.added).toBe(2);
    into.close();
  });

  it('a batch ends at its characters of text as well as at its count', async () => {
    const { store, operatorId } = tempStore();
    for (let at = 0; at < 4; at++) {
      const { record } = saveDraft(
        store,
        completeDraft(operatorId, { notes: 'x'.repeat(4000), performedAt: `2026-03-1${at}T09:30:00+01:00` }),
        context,
      );
      signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    }
    const out = tempPath('source.json');
    await runExport(store, { format: 'json', out });
    store.close();
    const into = tempStore().store;
    const report = await importFile(into, out, context, { limits: { batchCharacters: 1, pauseMs: 0 } });
    expect(report.added).toBe(4);
    const batches = into.reader
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'import' AND changes LIKE '%\"batch\"%'")
      .pluck()
      .get();
    expect(batches).toBe(4);
    into.close();
  });
});
