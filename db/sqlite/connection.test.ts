import { describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { tempPath } from '../testing/fixtures.js';
import { redoableTransaction } from './connection.js';

const FULL = 2;
const NORMAL = 1;

describe('a redoable transaction', () => {
  it('commits without waiting for the disk, and every other transaction waits for it as before', () => {
    const store = openStore(tempPath());
    const db = store.writer.db;
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    const inside = redoableTransaction(db, () => {
      db.prepare("INSERT INTO settings (key, value) VALUES ('redoable', '1')").run();
      return db.pragma('synchronous', { simple: true });
    });
    expect(inside).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'redoable'").pluck().get()).toBe('1');
    store.close();
  });

  it('leaves nothing and puts the setting back when it fails', () => {
    const store = openStore(tempPath());
    const db = store.writer.db;
    expect(() =>
      redoableTransaction(db, () => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('redoable', '1')").run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'redoable'").pluck().get()).toBeUndefined();
    store.close();
  });
});
