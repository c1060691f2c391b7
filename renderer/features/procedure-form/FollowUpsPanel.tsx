import { useEffect, useState } from 'react';
import { useSay, useT } from '../../app/i18n.js';
import { words } from '../../app/labels.js';
import { FollowUpFields } from '../follow-ups/FollowUpFields.js';
import { messageAbout, useFollowUps } from '../follow-ups/follow-ups-store.js';
import { FORM_SECTION_MESSAGES } from './form-messages.js';
import { useProcedureForm } from './form-store.js';

/**
 * A signed record's follow-ups: appended without amending the record; a mistaken one is
 * corrected by a new entry (with a reason) and stays visible, struck through.
 */
export function FollowUpsPanel() {
  const tSection = useT();
  const record = useProcedureForm((state) => state.record);
  const entries = useFollowUps((state) => state.entries);
  const { loadEntries, recordFor } = useFollowUps.getState();
  const [open, setOpen] = useState(false);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const id = record?.status === 'draft' ? null : (record?.id ?? null);
  // Only what was said about this record: "Follow-up of Keller, Paul saved." stays out of another patient's.
  const message = useFollowUps((state) => messageAbout(state, id));
  const say = useSay();
  useEffect(() => {
    if (id) void loadEntries(id);
  }, [id, loadEntries]);
  if (!id) return null;
  const save = async () => {
    const done = await recordFor(id, correcting ? { supersedes: correcting, reason } : undefined);
    if (done) {
      // The record's history now holds the follow-up's audit row.
      await useProcedureForm.getState().open(id);
      setOpen(false);
      setCorrecting(null);
      setReason('');
    }
  };
  return (
    <section aria-labelledby="section-follow-ups" className="form-section">
      <h2 id="section-follow-ups">{tSection(FORM_SECTION_MESSAGES.followUps)}</h2>
      <p role="status" className="saved">
        {message && say(message)}
      </p>
      {entries.length === 0 && <p>No follow-up yet.</p>}
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.supersededBy ? 'inactive' : undefined}>
            Day {entry.daysAfter} ({entry.contactDate}, {words(entry.method).toLowerCase()}): leg pain{' '}
            {entry.legNrs ?? '—'}, back pain {entry.backNrs ?? '—'}
            {entry.reliefPercent != null ? `, relief ${entry.reliefPercent} %` : ''}
            {entry.globalImpression ? `, ${words(entry.globalImpression).toLowerCase()}` : ''} — {entry.recordedBy}
            {entry.reason ? ` (correction: ${entry.reason})` : ''}
            {entry.supersededBy ? ' — corrected by a later entry' : ''}
            {!entry.supersededBy && (
              <button
                type="button"
                className="link inline-action"
                aria-label={`Correct the day ${entry.daysAfter} follow-up`}
                onClick={() => {
                  setCorrecting(entry.id);
                  setOpen(true);
                }}
              >
                Correct
              </button>
            )}
          </li>
        ))}
      </ol>
      {open ? (
        <form
          aria-label={correcting ? 'Correct a follow-up' : 'New follow-up'}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <FollowUpFields idPrefix="record" autoFocus />
          {correcting && (
            <div className="text-field wide">
              <label htmlFor="follow-up-reason">Reason for the correction</label>
              <input id="follow-up-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
            </div>
          )}
          <button type="submit" className="primary">
            {correcting ? 'Save correction' : 'Save follow-up'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Add follow-up
        </button>
      )}
    </section>
  );
}
