import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { followUpsDue, followUpsOf, recordFollowUp } from './follow-ups.js';
import { getProcedure, saveDraft, signProcedure } from './procedures.js';
import { getSettings, updateSettings } from './settings.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';
import { recordSigner, someSigner } from './testing/signer.js';

/* Follow-ups: appended to a signed record without amending it; corrected, never edited. */

function signedCase(performedAt = '2026-03-14T09:30:00+01:00') {
  const { store, operatorId } = tempStore();
  const { record } = saveDraft(store, completeDraft(operatorId, { performedAt, painPre: 8 }), context);
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  return { store, id: record.id, operatorId };
}

const at = (iso: string) => ({ ...context, now: () => new Date(iso) });

describe('follow-ups', () => {
  it('are appended to a signed record, which stays signed, with relief derived and an audit row', () => {
    const { store, id } = signedCase();
    const entry = recordFollowUp(
      store,
      {
        procedureId: id,
        contactDate: '2026-03-16',
        method: 'phone',
        legNrs: 3,
        backNrs: 4,
        globalImpression: 'much_improved',
      },
      someSigner(store),
      at('2026-03-16T10:00:00Z'),
    );
    // Recorded under the operator proven by their PIN, with the meaning of that signature.
    expect(entry).toMatchObject({
      daysAfter: 2,
      reliefPercent: 62.5,
      recordedBy: 'Dr. A. Keller',
      recordedById: expect.any(String),
      meaning: 'follow_up_recorded',
      supersededBy: null,
    });
    const { record, history } = getProcedure(store, id);
    expect(record.status).toBe('signed');
    expect(record.version).toBe(1);
    expect(history.at(-1)).toMatchObject({ action: 'follow_up', entityId: id });
  });

  it('are corrected by a superseding entry with a reason, never changed in place', () => {
    const { store, id } = signedCase();
    const first = recordFollowUp(
      store,
      { procedureId: id, contactDate: '2026-03-16', method: 'phone', legNrs: 3 },
      someSigner(store),
      at('2026-03-16T10:00:00Z'),
    );
    expect(() =>
      recordFollowUp(
        store,
        { procedureId: id, contactDate: '2026-03-16', method: 'phone', legNrs: 5, supersedes: first.id },
        someSigner(store),
        context,
      ),
    ).toThrowError(/Reason for the correction/);
    const second = recordFollowUp(
      store,
      {
        procedureId: id,
        contactDate: '2026-03-16',
        method: 'phone',
        legNrs: 5,
        supersedes: first.id,
        reason: 'misheard: five',
      },
      someSigner(store),
      at('2026-03-16T10:05:00Z'),
    );
    expect(followUpsOf(store, id).map((entry) => [entry.legNrs, entry.supersededBy])).toEqual([
      [3, second.id],
      [5, null],
    ]);
    expect(() =>
      recordFollowUp(
        store,
        {
          procedureId: id,
          contactDate: '2026-03-16',
          method: 'phone',
          legNrs: 6,
          supersedes: first.id,
          reason: 'again',
        },
        someSigner(store),
        context,
      ),
    ).toThrowError(/already corrected/);
    const raw = new Database(store.path);
    expect(() => raw.prepare('UPDATE follow_up_entries SET leg_nrs = 0').run()).toThrowError(/append-only/);
    expect(() => raw.prepare('DELETE FROM follow_up_entries').run()).toThrowError(/append-only/);
    raw.close();
  });

  it('refuse a draft, a date before the procedure or in the future, and an empty entry, naming the field', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    expect(() =>
      recordFollowUp(
        store,
        { procedureId: record.id, contactDate: '2026-03-16', method: 'phone', legNrs: 3 },
        someSigner(store),
        context,
      ),
    ).toThrowError(expect.objectContaining({ field: 'procedureId' }));
    const { store: signed, id } = signedCase();
    const when = at('2026-03-20T10:00:00Z');
    expect(() =>
      recordFollowUp(
        signed,
        { procedureId: id, contactDate: '2026-03-13', method: 'phone', legNrs: 3 },
        someSigner(signed),
        when,
      ),
    ).toThrowError(
      expect.objectContaining({ field: 'contactDate', message: expect.stringMatching(/before the procedure/) }),
    );
    expect(() =>
      recordFollowUp(
        signed,
        { procedureId: id, contactDate: '2026-03-21', method: 'phone', legNrs: 3 },
        someSigner(signed),
        when,
      ),
    ).toThrowError(expect.objectContaining({ field: 'contactDate', message: expect.stringMatching(/future/) }));
    expect(() =>
      recordFollowUp(signed, { procedureId: id, contactDate: '2026-03-16', method: 'phone' }, someSigner(signed), when),
    ).toThrowError(expect.objectContaining({ field: 'legNrs' }));
  });

  it('are due in each window until recorded; overdue after it; a superseded entry does not count', () => {
    const { store, id } = signedCase('2026-03-14T09:30:00+01:00');
    expect(followUpsDue(store, { date: '2026-03-14' })).toEqual([]);
    expect(followUpsDue(store, { date: '2026-03-15' })).toMatchObject([
      { procedureId: id, window: 'early', overdue: false },
    ]);
    expect(followUpsDue(store, { date: '2026-03-18' })).toMatchObject([
      { procedureId: id, window: 'early', overdue: true },
    ]);
    const call = recordFollowUp(
      store,
      { procedureId: id, contactDate: '2026-03-16', method: 'phone', legNrs: 3 },
      someSigner(store),
      at('2026-03-16T10:00:00Z'),
    );
    expect(followUpsDue(store, { date: '2026-03-16' })).toEqual([]);
    // Corrected to a date outside the window: due again.
    recordFollowUp(
      store,
      {
        procedureId: id,
        contactDate: '2026-03-14',
        method: 'phone',
        legNrs: 3,
        supersedes: call.id,
        reason: 'was the same day',
      },
      someSigner(store),
      at('2026-03-16T10:05:00Z'),
    );
    expect(followUpsDue(store, { date: '2026-03-16' })).toMatchObject([{ procedureId: id, window: 'early' }]);
    expect(followUpsDue(store, { date: '2026-03-28' })).toMatchObject([{ window: 'late', overdue: false }]);
    expect(followUpsDue(store, { date: '2026-05-10' })).toEqual([]); // past the window and a week: lost to follow-up
  });
});

describe('follow-up windows in settings', () => {
  it('are set in the settings, refused when they overlap, and decide who is due', () => {
    const { store, id } = signedCase('2026-03-14T09:30:00+01:00');
    expect(() =>
      updateSettings(store, { followUpWindows: { early: { from: 1, to: 20 }, late: { from: 14, to: 42 } } }, context),
    ).toThrowError(expect.objectContaining({ field: 'followUpWindows' }));
    updateSettings(store, { followUpWindows: { early: { from: 5, to: 7 }, late: { from: 21, to: 56 } } }, context);
    expect(followUpsDue(store, { date: '2026-03-16' })).toEqual([]);
    expect(followUpsDue(store, { date: '2026-03-19' })).toMatchObject([{ procedureId: id, window: 'early' }]);
    expect(getSettings(store).followUpWindows.late).toEqual({ from: 21, to: 56 });
  });
});
