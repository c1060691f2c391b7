import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveDraft } from '../procedures.js';
import { openStore } from '../store.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { openDatabase } from './open.js';

/** Overwrites the root page of a table with noise (header and schema stay valid); returns its number. */
function damagePageOf(path: string, table: string): number {
  const raw = new Database(path, { readonly: true });
  const page = raw.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  raw.close();
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  for (let i = (page - 1) * pageSize; i < page * pageSize; i++) bytes[i] = (i * 7919) % 251;
  writeFileSync(path, bytes);
  return page;
}

const tempFile = (name = 'rootlog.sqlite') => join(mkdtempSync(join(tmpdir(), 'rootlog-open-')), name);

describe('openDatabase', () => {
  it('creates a migrated database with the durability pragmas', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'procedures',
        'targets',
        'drug_administrations',
        'complications',
        'operators',
        'drug_catalogue',
        'settings',
        'audit_log',
        'procedure_versions',
      ]),
    );
    db.close();
  });

  it('makes the pseudonymisation key once and keeps it across openings', () => {
    const path = tempFile();
    const first = openDatabase(path);
    const key = first.prepare("SELECT value FROM settings WHERE key = 'pseudonymKey'").pluck().get();
    first.close();
    const second = openDatabase(path);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'pseudonymKey'").pluck().get()).toBe(key);
    expect(JSON.parse(String(key))).toMatch(/^[0-9a-f]{64}$/);
    second.close();
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const path = tempFile();
    const garbage = Buffer.from('this is a radiology report, not a database'.repeat(200));
    writeFileSync(path, garbage);
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ code: 'database_corrupt' }));
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('opens a file with a damaged data page at once, finds the damage in the background and refuses every write', async () => {
    const path = tempFile();
    openStore(path).close();
    const pageOfDrugs = damagePageOf(path, 'drug_catalogue');
    const before = readFileSync(path);
    const store = openStore(path);
    try {
      // The open itself is flat: no page-by-page check, so it succeeds...
      expect(store.health().state).toBe('unchecked');
      // ...and the check in the background finds the page.
      const report = await store.verify();
      expect(report.state).toBe('damaged');
      expect(report.problems.join(' ')).toMatch(new RegExp(`page ${pageOfDrugs}|corrupt|malformed`, 'i'));
      expect(() => saveDraft(store, {}, { actor: 'dr.test' })).toThrowError(
        expect.objectContaining({ code: 'database_corrupt', message: expect.stringMatching(/saves nothing more/) }),
      );
    } finally {
      store.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('records the last clean check of a sound file', async () => {
    const store = openStore(tempFile());
    try {
      expect(store.health().lastCleanCheck).toBeNull();
      // Stamped by this check: between asking and the answer, however long the check took.
      const asked = Date.now();
      const report = await store.verify();
      const answered = Date.now();
      expect(report.state).toBe('sound');
      const stamped = Date.parse(report.lastCleanCheck ?? '');
      expect(stamped).toBeGreaterThanOrEqual(asked);
      expect(stamped).toBeLessThanOrEqual(answered);
    } finally {
      store.close();
    }
  });

  it('refuses to migrate an old file with a damaged page, and leaves it untouched', () => {
    const path = tempFile();
    openStore(path).close();
    damagePageOf(path, 'drug_catalogue');
    const raw = new Database(path);
    raw.pragma('user_version = 1');
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(
      expect.objectContaining({ code: 'database_corrupt', message: expect.stringMatching(/untouched/) }),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file from a newer RootLog and leaves it untouched', () => {
    const path = tempFile();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(
      expect.objectContaining({ code: 'database_newer', message: expect.stringMatching(/newer version of RootLog/) }),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls a failing migration back as a whole', async () => {
    const { MIGRATIONS } = await import('./migrations/index.js');
    const path = tempFile();
    const raw = new Database(path);
    // A table the first migration wants to create makes it fail half way.
    raw.exec('CREATE TABLE audit_log (x)');
    raw.close();
    expect(() => openDatabase(path)).toThrow();
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'procedures'").pluck().get()).toBe(0);
    after.close();
    expect(MIGRATIONS[0]?.version).toBe(1);
  });
});
