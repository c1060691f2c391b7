import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { verifyLedger } from '../ledger/verify.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { someSigner } from '../testing/signer.js';
import { importFile } from './merge.js';

/*
 * An import file from another console, as an attacker or a broken tool would make it: each
 * bad record is rejected alone with its id and the reason; every sound record arrives.
 */

// biome-ignore lint/suspicious/noExplicitAny: the export's records are edited as plain JSON
type Json = any;
let file: Json;

beforeAll(async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 30, seed: 21, until: new Date('2026-06-30T12:00:00Z') }, context);
  const ids = store.reader.prepare('SELECT id FROM procedures ORDER BY id').pluck().all() as string[];
  const { record } = getProcedure(store, ids[0]);
  amendProcedure(
    store,
    { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0 },
    { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    someSigner(store),
    context,
  );
  saveDraft(store, { painPre: 5, patientId: 'DRAFT-1' }, context);
  const out = tempPath('source.json');
  await runExport(store, { format: 'json', out, includeDrafts: true });
  file = JSON.parse(readFileSync(out, 'utf8'));
  store.close();
});

const copy = (): Json => structuredClone(file);
/** Writes the file; the marker "__DEEP__" becomes 100 000 nested lists (JSON.stringify itself cannot nest so deep). */
const write = (data: Json) => {
  const path = tempPath('import.json');
  const levels = 100_000;
  writeFileSync(path, JSON.stringify(data).replace('"__DEEP__"', `${'['.repeat(levels)}1${']'.repeat(levels)}`));
  return path;
};
const count = (store: Store, table: string) =>
  store.reader.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const signed = (data: Json) => data.procedures.filter((record: Json) => record.life.status === 'signed');

describe('import takes only sound records', () => {
  it('rejects each bad kind alone, with its id and reason, and adds every good record', async () => {
    const data = copy();
    const records = signed(data);
    const bad: Record<string, { index: number; id: string; expect: RegExp }> = {};
    let next = 0;
    const spoil = (name: string, expectProblem: RegExp, spoilIt: (record: Json, at: number) => void) => {
      const record = records[next];
      const index = data.procedures.indexOf(record);
      next++;
      spoilIt(record, index);
      bad[name] = {
        index,
        id: typeof record.id === 'string' ? record.id : `record #${index + 1}`,
        expect: expectProblem,
      };
    };
    spoil('id as an object', /Record ID must be text/, (record) => {
      record.id = { $gt: '' };
    });
    spoil('a deeply nested history', /nested deeper than 24 levels/, (record) => {
      record.history[0].changes.x = { before: null, after: '__DEEP__' };
    });
    spoil('signed without signer', /life.signedBy is required/, (record) => {
      record.life.signedBy = null;
    });
    spoil('duplicate version numbers', /must be numbered 1 to 1/, (record) => {
      record.versions = [record.versions[0], record.versions[0]];
    });
    spoil('a 100-character operator id', /Operator must be at most 64 characters/, (record) => {
      const id = 'o'.repeat(100);
      data.operators.push({ id, name: 'Long id', active: true });
      record.content.operatorId = id;
      record.versions[0].content.operatorId = id;
      delete record.versions[0].hash;
      delete record.versions[0].previousHash;
    });
    spoil('a Study Instance UID that is no DICOM UID', /Study Instance UID must be a DICOM UID/, (record) => {
      record.content.studyInstanceUid = '1.2.3; DROP TABLE procedures';
      record.versions[0].content.studyInstanceUid = record.content.studyInstanceUid;
      delete record.versions[0].hash;
      delete record.versions[0].previousHash;
    });
    spoil(
      'a snapshot with another patient name',
      /content differs from its latest signed version in patientName/,
      (record) => {
        record.versions[0].content.patientName = 'Someone Else';
      },
    );
    spoil('a snapshot with another pain score', /differs from its latest signed version in painPost/, (record) => {
      record.versions[0].content.painPost = record.content.painPost === 3 ? 4 : 3;
    });
    spoil('signedAt not a date', /life.signedAt must be a real date and time/, (record) => {
      record.life.signedAt = 'not a date';
    });
    spoil('its only version is number 7', /must be numbered 1 to 1 in order \(given: 7\)/, (record) => {
      record.versions[0].version = 7;
    });
    spoil('a draft with a signed version', /is draft, but the record has a signature or signed versions/, (record) => {
      record.life = { ...record.life, status: 'draft', signedBy: null, signedAt: null };
    });
    spoil('a forged 1970 date', /history\[1\]\.at is before the year 2000/, (record) => {
      record.history[1].at = '1970-01-01T00:00:00.000Z';
    });
    spoil(
      'an actor with NUL and escape characters',
      /must be one line of text without control characters/,
      (record) => {
        record.history[0].actor = 'cli:\u0000\u001b]0;pwned\u0007';
      },
    );
    spoil('a history entry changed after export', /history\[0\] does not match its hash/, (record) => {
      record.history[0].changes.seeded.after = 'yes';
    });
    spoil(
      'a version changed after export, snapshot and content alike',
      /versions\[0\] does not match its hash/,
      (record) => {
        record.content.notes = 'forged';
        record.versions[0].content.notes = 'forged';
      },
    );
    const path = write(data);
    const { store } = tempStore();
    const report = await importFile(store, path, context);

    const rejected = new Map(report.rejected.map((entry) => [entry.id, entry]));
    for (const [name, expected] of Object.entries(bad)) {
      const entry = rejected.get(expected.id);
      expect(entry, `${name} is rejected`).toBeDefined();
      const said = entry?.problems.map((p) => p.message).join('; ');
      expect(said, name).toMatch(expected.expect);
    }
    // The operator with a 100-character id is refused itself, and named.
    expect(report.rejected.map((entry) => entry.id)).toContain(`operator #${data.operators.length}`);
    expect(report.rejected).toHaveLength(Object.keys(bad).length + 1);
    expect(report.added).toBe(data.procedures.length - Object.keys(bad).length);
    expect(count(store, 'procedures')).toBe(report.added);
    // What arrived is whole and sound: every record matches its versions, the chains hold.
    const ledger = verifyLedger(store.reader.db);
    expect(ledger.ok, JSON.stringify(ledger.records)).toBe(true);
  });

  it('refuses a file with a negative format version, naming the field', async () => {
    const { store } = tempStore();
    await expect(importFile(store, write({ ...copy(), formatVersion: -1 }), context)).rejects.toThrowError(
      expect.objectContaining({ field: 'formatVersion', message: expect.stringMatching(/must be 1 or more/) }),
    );
    expect(count(store, 'procedures')).toBe(0);
  });

  it('rejects a record with a huge history without building it, and keeps reading', async () => {
    const data = copy();
    const victim = signed(data)[0];
    const entry = victim.history[0];
    victim.history = Array.from({ length: 300_000 }, () => entry);
    const { store } = tempStore();
    const report = await importFile(store, write(data), context);
    expect(report.rejected).toEqual([
      {
        id: victim.id,
        problems: [expect.objectContaining({ message: expect.stringMatching(/holds more than 200000 values/) })],
      },
    ]);
    expect(report.added).toBe(data.procedures.length - 1);
  });

  it('commits in short batches, each in the audit log, and says what it committed when the file breaks', async () => {
    const data = copy();
    const text = JSON.stringify(data);
    // The file is cut in the middle of its 25th record.
    const cut = text.indexOf(data.procedures[24].id) + 10;
    const broken = tempPath('broken.json');
    writeFileSync(broken, text.slice(0, cut));
    const { store } = tempStore();
    const error = await importFile(store, broken, context, { limits: { batch: 10, transactionMs: 60_000 } }).catch(
      (caught) => caught,
    );
    expect(error.message).toMatch(/is not valid JSON at its end/);
    expect(error.message).toMatch(/20 records had already been added and stay/);
    expect(count(store, 'procedures')).toBe(20);
    // The operators the file brought, then one row per batch committed.
    expect(store.reader.prepare("SELECT count(*) FROM audit_log WHERE action = 'import'").pluck().get()).toBe(3);
    // The same file, whole, adds the rest and skips those.
    const whole = await importFile(store, write(data), context, { limits: { batch: 10 } });
    expect(whole).toMatchObject({ added: data.procedures.length - 20, skipped: 20, rejected: [] });
  });

  it('refuses invalid UTF-8 and files over the size limit with a clear message', async () => {
    const { store } = tempStore();
    const bad = tempPath('latin1.json');
    writeFileSync(
      bad,
      Buffer.concat([Buffer.from('{"format": "rootlog-export", "x": "'), Buffer.from([0xe9]), Buffer.from('"}')]),
    );
    await expect(importFile(store, bad, context)).rejects.toThrowError(/not valid JSON/);
    const path = write(copy());
    await expect(importFile(store, path, context, { limits: { fileBytes: 1000 } })).rejects.toThrowError(
      /an import file may be at most/,
    );
  });
});
