import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveOperator } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft, context, tempPath } from '../db/testing/fixtures.js';
import { createApi } from './api.js';

/*
 * The window's save while another program (a rootlog import, a second RootLog with --db) holds
 * the logbook's write lock past the busy timeout: the answer says so in words, nothing is half
 * written, and the next try saves.
 */
describe('a save while another program writes to the logbook', () => {
  it('is refused in words, then saved on the next try', async () => {
    const path = tempPath();
    const store = openStore(path, { busyTimeoutMs: 50 });
    const { id: operatorId } = saveOperator(store, { name: 'Dr. A. Keller' }, context);
    const api = createApi(store, { actor: () => 'api-test' });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const refused = await api.procedures.saveDraft(completeDraft(operatorId));
    // Its English for the logs, and its words for the window to say in the reader's language.
    expect(refused).toEqual({
      error: {
        code: 'database_locked',
        message: `The logbook ${path} is being written by another program (RootLog, or another rootlog command): RootLog waited, then stopped without writing a half change. Try again in a moment: nothing already saved is lost.`,
        words: { message: expect.objectContaining({ id: 'refusal.busyApp' }), values: { path } },
      },
    });
    other.exec('COMMIT');
    other.close();
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    expect(saved).toMatchObject({ record: { status: 'draft' } });
    expect(store.reader.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(1);
    expect(store.reader.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });
});
