import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { openDatabase } from './open.js';

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
        'follow_ups',
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

  it('refuses a database with a damaged page and leaves it untouched', () => {
    const path = tempFile();
    const db = openDatabase(path);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(path);
    // Overwrite the second page (a b-tree page) with noise; the header stays valid.
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize; i < pageSize * 2; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(path, bytes);
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ code: 'database_corrupt' }));
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
    const { MIGRATIONS } = await import('./migrations.js');
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
