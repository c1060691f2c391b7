import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { followUpsOf, recordFollowUp } from '../follow-ups.js';
import { verifyLedger } from '../ledger/verify.js';
import type { RootLogError } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { proceduresWithWrongFacts } from '../sqlite/dashboard-facts.js';
import { dashboard } from '../stats/dashboard.js';
import { openStore, type Store } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { importFile } from './merge.js';

const snapshot = (store: Store) =>
  Object.fromEntries(
    [
      'procedures',
      'targets',
      'drug_administrations',
      'procedure_versions',
      'audit_log',
      'operators',
      'drug_catalogue',
    ].map((table) => [table, store.writer.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]),
  );

async function consoleExport() {
  const { store, operatorId } = tempStore();
  seedDatabase(store, { count: 25, seed: 2, until: new Date('2026-02-01T00:00:00Z') }, context);
  const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'MERGE-1' }), context);
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  const out = tempPath('console-a.json');
  await runExport(store, { format: 'json', out });
  return { store, out, mergeId: record.id };
}

describe('merging another console’s JSON export', () => {
  it('adds new records, and the same import twice changes nothing', async () => {
    const { out } = await consoleExport();
    const { store } = tempStore();
    // One write transaction for the whole batch however busy the machine is: the audit rows
    // counted below are the import's, not the number of time slices a slow machine needed.
    const oneBatch = { limits: { transactionMs: 600_000 } };
    expect(await importFile(store, out, context, oneBatch)).toMatchObject({
      added: 26,
      skipped: 0,
      conflicts: [],
      rejected: [],
    });
    const after = snapshot(store);
    expect(await importFile(store, out, context, oneBatch)).toMatchObject({
      added: 0,
      skipped: 26,
      conflicts: [],
      rejected: [],
    });
    expect(snapshot(store)).toEqual(after);
    // Rows for the operators added, the batch committed and the whole import; the second import left none.
    expect(store.writer.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import'").pluck().get()).toBe(3);
    // Imported records carry dashboard facts of their own, made by the same writer.
    expect(proceduresWithWrongFacts(store.writer.db)).toEqual([]);
    expect(dashboard(store).procedures).toBe(
      store.writer.db.prepare("SELECT count(*) FROM procedures WHERE status <> 'draft'").pluck().get(),
    );
  });

  it('reports a record that differs from a signed one here as a conflict and keeps the one here', async () => {
    const { store: consoleA, out, mergeId } = await consoleExport();
    const { store } = tempStore();
    await importFile(store, out, context);
    // Console A amends the record afterwards and exports again.
    amendProcedure(
      consoleA,
      { ...clinicalContent(getProcedure(consoleA, mergeId).record), painPost: 4 },
      { reason: 'late correction' },
      someSigner(consoleA),
      context,
    );
    const again = tempPath('console-a-again.json');
    await runExport(consoleA, { format: 'json', out: again });
    const before = getProcedure(store, mergeId);
    const report = await importFile(store, again, context);
    expect(report.added).toBe(0);
    expect(report.conflicts).toEqual([
      {
        id: mergeId,
        reason: expect.stringMatching(/here signed version 1, in the file amended version 2; the record here was kept/),
      },
    ]);
    expect(getProcedure(store, mergeId)).toEqual(before);
  });

  it('rejects invalid records one by one, and refuses files that are not exports', async () => {
    const { out } = await consoleExport();
    const data = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8'));
    data.procedures[0].content.painPre = 42;
    data.procedures[1].life.status = 'archived';
    const edited = tempPath('edited.json');
    writeFileSync(edited, JSON.stringify(data));
    const { store } = tempStore();
    const report = await importFile(store, edited, context);
    expect(report.added).toBe(24);
    expect(report.rejected.map((rejection) => rejection.problems[0]?.field)).toEqual([
      'content.painPre',
      'life.status',
    ]);

    const notExport = tempPath('x.json');
    writeFileSync(notExport, '{"hello": 1}');
    await expect(importFile(store, notExport, context)).rejects.toThrowError(
      expect.objectContaining({ code: 'validation', field: 'format' }),
    );
    writeFileSync(notExport, 'not json');
    await expect(importFile(store, notExport, context)).rejects.toThrowError(expect.objectContaining({ field: 'in' }));
  });

  it('reads any file of its format version, whatever the exporting database schema; refuses a newer format', async () => {
    const { out } = await consoleExport();
    const data = JSON.parse(readFileSync(out, 'utf8'));
    const fromNewerDatabase = tempPath('newer-schema.json');
    writeFileSync(fromNewerDatabase, JSON.stringify({ ...data, schemaVersion: 99 }));
    const { store } = tempStore();
    expect((await importFile(store, fromNewerDatabase, context)).added).toBe(26);
    const newerFormat = tempPath('newer-format.json');
    writeFileSync(newerFormat, JSON.stringify({ ...data, formatVersion: 2 }));
    await expect(importFile(store, newerFormat, context)).rejects.toThrowError(
      expect.objectContaining({
        code: 'validation',
        field: 'formatVersion',
        message: expect.stringMatching(/newer RootLog/),
      }),
    );
  });

  it('says a file that is not a RootLog export is not one, and what a damaged header lacks, in words', async () => {
    const { store } = tempStore();
    const foreign = tempPath('foreign.json');
    writeFileSync(foreign, JSON.stringify({ formatVersion: 1 }));
    const refusal = await importFile(store, foreign, context).catch((error: RootLogError) => error);
    expect(refusal).toMatchObject({ code: 'validation', field: 'format' });
    expect((refusal as RootLogError).problems?.map((found) => found.field)).toEqual(['format']);
    const damaged = tempPath('damaged.json');
    writeFileSync(damaged, JSON.stringify({ format: 'rootlog-export', formatVersion: 1 }));
    const lacking = (await importFile(store, damaged, context).catch((error: RootLogError) => error)) as RootLogError;
    const messages = (lacking.problems ?? []).map((found) => found.message).join(' | ');
    expect(messages).not.toMatch(/Invalid input|is pseudonymised/);
    expect(lacking.problems?.map((found) => found.field).sort()).toEqual([
      'drugCatalogue',
      'operators',
      'pseudonymized',
      'schemaVersion',
    ]);
    expect(snapshot(store).procedures).toBe(0);
  });

  it('refuses a pseudonymised export', async () => {
    const { store: consoleA } = await consoleExport();
    const out = tempPath('pseudo.json');
    await runExport(consoleA, { format: 'json', out, pseudonymize: true });
    const target = openStore(tempPath());
    await expect(importFile(target, out, context)).rejects.toThrowError(
      expect.objectContaining({
        field: 'pseudonymized',
        message: expect.stringMatching(/pseudonymised exports cannot be merged/),
      }),
    );
    expect(snapshot(target).procedures).toBe(0);
  });
});

describe('follow-ups in the merge', () => {
  it('arrive with their records, and ones recorded later at the other console are added to the record here', async () => {
    const { store: consoleA, out, mergeId } = await consoleExport();
    const { store } = tempStore();
    await importFile(store, out, context);
    const performed = getProcedure(consoleA, mergeId).record.performedAt?.slice(0, 10) as string;
    recordFollowUp(
      consoleA,
      { procedureId: mergeId, contactDate: performed, method: 'phone', legNrs: 2 },
      someSigner(consoleA),
      context,
    );
    const again = tempPath('console-a-with-follow-up.json');
    await runExport(consoleA, { format: 'json', out: again });
    const report = await importFile(store, again, context);
    expect(report).toMatchObject({ added: 0, followUpsAdded: 1, conflicts: [], rejected: [] });
    expect(followUpsOf(store, mergeId).map((entry) => entry.legNrs)).toEqual([2]);
    expect(getProcedure(store, mergeId).history.at(-1)).toMatchObject({ action: 'follow_up' });
    expect(verifyLedger(store.reader.db).ok).toBe(true);
    const after = snapshot(store);
    expect((await importFile(store, again, context)).followUpsAdded).toBe(0);
    expect(snapshot(store)).toEqual(after);
  });
});
