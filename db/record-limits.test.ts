import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from './exports/run.js';
import { followUpsOf, recordFollowUp } from './follow-ups.js';
import { importFile } from './imports/merge.js';
import { IMPORT_LIMITS } from './interchange/limits.js';
import { HISTORY_ENTRIES, RECORD_LIMITS, type RecordHolding } from './model/index.js';
import { amendProcedure, getProcedure, saveDraft, signProcedure } from './procedures.js';
import { listOperators } from './settings.js';
import { appendAudit } from './sqlite/audit-rows.js';
import type { WriteConnection } from './sqlite/connection.js';
import { appendFollowUp } from './sqlite/follow-up-rows.js';
import { carryingSignatures } from './sqlite/record-life.js';
import { appendVersion } from './sqlite/versions.js';
import type { Store } from './store.js';
import { completeDraft, context, tempPath, tempStore } from './testing/fixtures.js';
import { startTestCluster, type TestCluster } from './testing/postgres.js';
import { recordSigner, someSigner } from './testing/signer.js';
import { joinHub, testHub } from './testing/test-hub.js';

/*
 * One set of limits for a record (issue 23, item 10): the app refuses, where the record is
 * made, what its own import and the hub would then refuse for ever; the import reads the
 * same limits, and bounds a record's size before it holds it in memory.
 */

/** Fills a record up to one of its limits, as rows the app's writers would have left. */
const fill: Record<keyof RecordHolding, (write: WriteConnection, id: string) => void> = {
  draftSaves: (write, id) => {
    for (let at = 0; at < RECORD_LIMITS.draftSaves; at++)
      appendAudit(write, {
        at: new Date().toISOString(),
        actor: 'Dr. Test',
        action: 'update',
        entity: 'procedure',
        entityId: id,
        changes: { painPre: { before: 5, after: 5 } },
      });
  },
  versions: (write, id) =>
    carryingSignatures(write, id, () => {
      const first = write
        .prepare('SELECT content FROM procedure_versions WHERE procedure_id = ? AND version = 1')
        .get(id) as { content: string } | undefined;
      for (let version = 2; version <= RECORD_LIMITS.versions; version++)
        appendVersion(write, {
          procedureId: id,
          version,
          content: JSON.parse(first?.content ?? '{}'),
          signedBy: 'Dr. A. Keller',
          signedAt: '2026-03-15T10:00:00Z',
          reason: `Amendment ${version}`,
        });
    }),
  followUps: (write, id) =>
    carryingSignatures(write, id, () => {
      for (let at = 0; at < RECORD_LIMITS.followUps; at++)
        appendFollowUp(write, {
          id: `01930000-0000-7000-8000-${String(at).padStart(12, '0')}`,
          procedureId: id,
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
};

const performedAt = '2026-03-14T09:30:00+01:00';

/** One more of a kind, made at this console as a person would: what must be refused. */
const oneMore: Record<keyof RecordHolding, (store: Store, id: string, operatorId: string) => unknown> = {
  draftSaves: (store, id, operatorId) =>
    saveDraft(store, { ...completeDraft(operatorId, { painPre: 6, performedAt }), id }, context),
  versions: (store, id, operatorId) =>
    amendProcedure(
      store,
      {
        ...completeDraft(operatorId, {
          performedAt: getProcedure(store, id).record.performedAt ?? performedAt,
          painPre: 5,
          notes: 'Needle position confirmed on the final image',
        }),
        id,
      },
      { reason: 'Note added from the images' },
      someSigner(store),
      context,
    ),
  followUps: (store, id) =>
    recordFollowUp(
      store,
      { procedureId: id, contactDate: '2026-03-17', method: 'phone', legNrs: 2 },
      someSigner(store),
      { ...context, now: () => new Date('2026-03-17T10:00:00Z') },
    ),
};

const CASES: { adding: keyof RecordHolding; signed: boolean; refusal: RegExp }[] = [
  { adding: 'draftSaves', signed: false, refusal: /saved with changes 3999 times, the most one record may hold/ },
  { adding: 'versions', signed: true, refusal: /cannot be amended again: it holds 500 signed versions/ },
  {
    adding: 'followUps',
    signed: true,
    refusal: /cannot take another follow-up: it holds 500, the most one record may hold/,
  },
];

describe('the limits of one record', () => {
  it('are the import’s', () => {
    expect(IMPORT_LIMITS.versions).toBe(RECORD_LIMITS.versions);
    expect(IMPORT_LIMITS.followUps).toBe(RECORD_LIMITS.followUps);
    expect(IMPORT_LIMITS.historyEntries).toBe(HISTORY_ENTRIES);
    expect(IMPORT_LIMITS.recordCharacters).toBe(RECORD_LIMITS.characters);
  });

  for (const { adding, signed, refusal } of CASES)
    it(`one more of ${adding} beyond them is refused where it is made, in words, and the record keeps what it holds`, () => {
      const { store, operatorId } = tempStore();
      const { record } = saveDraft(store, completeDraft(operatorId, { painPre: 5, performedAt }), context);
      if (signed) signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
      const write = store.writer;
      write.db.transaction(() => fill[adding](write, record.id))();
      // One below the limit is still taken (the fill leaves exactly the limit).
      const before = getProcedure(store, record.id);
      expect(() => oneMore[adding](store, record.id, operatorId)).toThrow(refusal);
      expect(getProcedure(store, record.id)).toEqual(before);
      store.close();
    });
});

describe('the limits of one record, for what comes from the hub', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster?.stop());

  it('an amendment and a follow-up beyond them are refused in words for that record alone; the rest is applied', async () => {
    const hub = await testHub(cluster);
    const a = await joinHub(hub, tempStore().store, 'CT-A');
    const operatorId = listOperators(a.store)[0]?.id as string;
    const ids = ['2026-03-13T09:30:00+01:00', '2026-03-14T09:30:00+01:00'].map((at) => {
      const { record } = saveDraft(a.store, completeDraft(operatorId, { painPre: 5, performedAt: at }), context);
      signProcedure(a.store, record.id, {}, recordSigner(a.store, record.id), context);
      return record.id;
    });
    const [full, other] = ids as [string, string];
    const b = await joinHub(hub, tempStore().store, 'CT-B');
    await a.sync();
    expect((await b.sync()).refused).toEqual([]);
    // The one record holds as many versions and follow-ups here as a record may.
    const write = b.store.writer;
    write.db.transaction(() => {
      fill.versions(write, full);
      fill.followUps(write, full);
    })();
    const before = getProcedure(b.store, full);
    for (const id of ids) {
      for (const kind of ['followUps', 'versions'] as const) oneMore[kind](a.store, id, operatorId);
    }
    await a.sync();
    // B only takes in here (its filled record is not pushed back as amendments of its own).
    const pulled = await b.sync({ push: false });
    expect(pulled.refused.map((refused) => refused.reason).sort()).toEqual([
      expect.stringMatching(
        /^follow-up .*: it would take its record beyond its limits here: .*cannot take another follow-up: it holds 500/,
      ),
      expect.stringMatching(
        /^record .* version 2 from "CT-A": it would take the record beyond its limits here: .*cannot be amended again: it holds 500 signed versions/,
      ),
    ]);
    expect(getProcedure(b.store, full)).toEqual(before);
    expect(getProcedure(b.store, other).record.version).toBe(2);
    expect(followUpsOf(b.store, other)).toHaveLength(1);
    for (const side of [a, b]) side.store.close();
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
