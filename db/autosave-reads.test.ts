import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditHistory } from './audit.js';
import { RECORD_LIMITS } from './model/index.js';
import { clinicalContent, saveDraft, signProcedure } from './procedures.js';
import { getSettings, saveDrug, updateSettings } from './settings.js';
import { appendAudit } from './sqlite/audit-rows.js';
import * as held from './sqlite/held.js';
import * as procedureRows from './sqlite/procedure-rows.js';
import * as settingsRows from './sqlite/settings-rows.js';
import { openStore } from './store.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';

/*
 * An autosave reads neither the settings nor the draft it wrote last again (issue 22): the
 * rules are kept while the state chain shows no setting, operator or drug changed, the draft
 * while nothing at all was written since. What changed meanwhile — here or in another
 * process — is read again.
 */

vi.mock('./sqlite/procedure-rows.js', async (original) => {
  const actual = await original<typeof import('./sqlite/procedure-rows.js')>();
  return { ...actual, readProcedure: vi.fn(actual.readProcedure) };
});
vi.mock('./sqlite/held.js', async (original) => {
  const actual = await original<typeof import('./sqlite/held.js')>();
  return { ...actual, dataFingerprint: vi.fn(actual.dataFingerprint) };
});
vi.mock('./sqlite/settings-rows.js', async (original) => {
  const actual = await original<typeof import('./sqlite/settings-rows.js')>();
  return { ...actual, readSetting: vi.fn(actual.readSetting) };
});

const readsOf = (action: () => unknown) => {
  vi.mocked(procedureRows.readProcedure).mockClear();
  vi.mocked(settingsRows.readSetting).mockClear();
  action();
  return {
    draftRows: vi.mocked(procedureRows.readProcedure).mock.calls.length,
    settings: vi.mocked(settingsRows.readSetting).mock.calls.length,
  };
};

afterEach(() => vi.clearAllMocks());

describe('an autosave', () => {
  it('of the draft it just wrote reads neither its rows nor the settings, and writes what changed', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId, { painPost: null }), context);
    for (const painPost of [1, 2, 3]) {
      const reads = readsOf(() => saveDraft(store, { ...clinicalContent(record), painPost }, context));
      expect(reads).toEqual({ draftRows: 0, settings: 0 });
    }
    // What was compared with is what is stored: each save wrote its one change, read back whole.
    const stored = procedureRows.readProcedure(store.reader.db, record.id);
    expect(stored?.record.painPost).toBe(3);
    expect(auditHistory(store, 'procedure', record.id).map((entry) => entry.changes)).toEqual([
      expect.anything(),
      { painPost: { before: null, after: 1 } },
      { painPost: { before: 1, after: 2 } },
      { painPost: { before: 2, after: 3 } },
    ]);
    store.close();
  });

  it('keeps the settings across another record’s signature (its seal is no change of them)', () => {
    const { store, operatorId, signer } = tempStore();
    const other = saveDraft(store, completeDraft(operatorId, { patientId: 'P2' }), context).record;
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    signProcedure(store, other.id, {}, signer, context);
    expect(readsOf(() => saveDraft(store, { ...clinicalContent(record), painPost: 4 }, context)).settings).toBe(0);
    store.close();
  });

  it('reads the draft again when anything was written since: a signature refuses the next autosave', () => {
    const { store, operatorId, signer } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    signProcedure(store, record.id, {}, signer, context);
    expect(() => saveDraft(store, { ...clinicalContent(record), painPost: 4 }, context)).toThrowError(
      expect.objectContaining({ code: 'not_a_draft' }),
    );
    store.close();
  });

  it('compares with what another process stored meanwhile, not with what it wrote itself', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId, { painPost: null }), context);
    const other = openStore(store.path);
    saveDraft(other, { ...clinicalContent(record), painPost: 5 }, context);
    other.close();
    // The same content as stored now: nothing to write (a held copy would see painPost null → 5).
    const reads = readsOf(() => saveDraft(store, { ...clinicalContent(record), painPost: 5 }, context));
    expect(reads.draftRows).toBe(1);
    expect(auditHistory(store, 'procedure', record.id)).toHaveLength(2);
    store.close();
  });

  it('compares with what another process committed right after its own commit, before the next save', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId, { painPost: null }), context);
    const other = openStore(store.path);
    let otherSaved = false;
    const otherSaves = () => {
      otherSaved = true;
      saveDraft(other, { ...clinicalContent(record), painPost: 5 }, context);
    };
    // Another process commits as soon as this connection's transaction has ended: between its
    // commit and any fingerprint read after it, the window a held copy must not span.
    const actual = vi.mocked(held.dataFingerprint).getMockImplementation();
    vi.mocked(held.dataFingerprint).mockImplementation((read) => {
      if (!otherSaved && read === store.writer && !read.db.inTransaction) otherSaves();
      return actual ? actual(read) : '';
    });
    saveDraft(store, { ...clinicalContent(record), painPost: 1 }, context);
    if (!otherSaved) otherSaves();
    if (actual) vi.mocked(held.dataFingerprint).mockImplementation(actual);
    other.close();
    // What this console saves is what is stored, though it is what it wrote last itself.
    saveDraft(store, { ...clinicalContent(record), painPost: 1 }, context);
    expect(procedureRows.readProcedure(store.reader.db, record.id)?.record.painPost).toBe(1);
    expect(auditHistory(store, 'procedure', record.id).map((entry) => entry.changes)).toEqual([
      expect.anything(),
      { painPost: { before: null, after: 1 } },
      { painPost: { before: 1, after: 5 } },
      { painPost: { before: 5, after: 1 } },
    ]);
    store.close();
  });

  it('follows a rule changed here or in another process at the next save', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'k-100301' }), context);
    expect(record.patientId).toBe('k-100301');
    const other = openStore(store.path);
    updateSettings(other, { patientIdRule: { case: 'upper', pattern: '', example: '' } }, context);
    other.close();
    const again = saveDraft(store, { ...clinicalContent(record), patientId: 'k-100302' }, context).record;
    expect(again.patientId).toBe('K-100302');
    updateSettings(store, { patientIdRule: { case: 'as_typed', pattern: '', example: '' } }, context);
    let saved = again;
    const reads = readsOf(() => {
      saved = saveDraft(store, { ...clinicalContent(again), patientId: 'k-100303' }, context).record;
    });
    expect(saved.patientId).toBe('k-100303');
    expect(reads.settings).toBeGreaterThan(0);
    store.close();
  });

  it('knows a drug added to the catalogue in another process', () => {
    const { store, operatorId } = tempStore();
    const dexamethasone = getSettings(store).drugCatalogue.find((drug) => drug.code === 'dexamethasone');
    const draft = completeDraft(operatorId, { drugs: [{ drug: 'dexamethasone_test', doseMg: 8, site: 0 }] });
    expect(() => saveDraft(store, draft, context)).toThrowError(expect.objectContaining({ code: 'validation' }));
    const other = openStore(store.path);
    saveDrug(other, { ...dexamethasone, code: 'dexamethasone_test', name: 'Dexamethasone (test)' }, context);
    other.close();
    expect(saveDraft(store, draft, context).record.drugs[0]?.drug).toBe('dexamethasone_test');
    store.close();
  });

  it('holds the same day and the limit counts no longer than nothing is written: another process’s records count', () => {
    const { store, operatorId } = tempStore();
    const performedAt = '2026-03-14T09:30:00+01:00';
    const { record } = saveDraft(store, completeDraft(operatorId, { performedAt, painPost: null }), context);
    // Held from its own save: the next autosave asks neither the same day nor the counts again.
    const first = saveDraft(store, { ...clinicalContent(record), painPost: 1 }, context);
    expect(first.warnings.map((warning) => warning.code)).not.toContain('same_root_same_day');
    // Another window enters the same patient's same root on the same day …
    const other = openStore(store.path);
    saveDraft(other, completeDraft(operatorId, { performedAt: '2026-03-14T10:30:00+01:00' }), context);
    // … and fills the draft's history to its limit of draft saves.
    other.writer.db
      .transaction(() => {
        for (let at = 1; at < RECORD_LIMITS.draftSaves; at++)
          appendAudit(other.writer, {
            at: new Date().toISOString(),
            actor: 'Dr. Test',
            action: 'update',
            entity: 'procedure',
            entityId: record.id,
            changes: { painPre: { before: 5, after: 5 } },
          });
      })
      .immediate();
    other.close();
    // Changing nothing writes nothing and is not refused; it sees the other record of the day.
    const same = saveDraft(store, { ...clinicalContent(record), painPost: 1 }, context);
    expect(same.warnings.map((warning) => warning.code)).toContain('same_root_same_day');
    // A change would be one save more than the record may hold: refused, as the counts now say.
    expect(() => saveDraft(store, { ...clinicalContent(record), painPost: 2 }, context)).toThrowError(
      expect.objectContaining({ code: 'validation', field: 'id' }),
    );
    store.close();
  });
});
