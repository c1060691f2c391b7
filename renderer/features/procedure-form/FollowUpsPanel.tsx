import { useEffect, useState } from 'react';
import { codeInSentence, formatDate } from '../../../db/model/index.js';
import { useReader, useSay } from '../../app/i18n.js';
import { FollowUpFields } from '../follow-ups/FollowUpFields.js';
import { messageAbout, useFollowUps } from '../follow-ups/follow-ups-store.js';
import { FORM_SECTION_MESSAGES, FOLLOW_UPS_PANEL_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';

/**
 * A signed record's follow-ups: appended without amending the record; a mistaken one is
 * corrected by a new entry (with a reason) and stays visible, struck through.
 */
export function FollowUpsPanel() {
  const reader = useReader();
  const { t } = reader;
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
      <h2 id="section-follow-ups">{t(FORM_SECTION_MESSAGES.followUps)}</h2>
      <p role="status" className="saved">
        {message && say(message)}
      </p>
      {entries.length === 0 && <p>{t(M.none)}</p>}
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.supersededBy ? 'inactive' : undefined}>
            {t(M.entry, {
              day: entry.daysAfter,
              // As the department writes it (the follow-ups screen's dates too), never as stored.
              date: formatDate(entry.contactDate, reader.locale),
              method: codeInSentence(reader, entry.method),
              leg: entry.legNrs ?? '—',
              back: entry.backNrs ?? '—',
            })}
            {entry.reliefPercent != null ? t(M.relief, { percent: entry.reliefPercent }) : ''}
            {entry.globalImpression ? `, ${codeInSentence(reader, entry.globalImpression)}` : ''} — {entry.recordedBy}
            {entry.reason ? t(M.correction, { reason: entry.reason }) : ''}
            {entry.supersededBy ? t(M.correctedLater) : ''}
            {!entry.supersededBy && (
              <button
                type="button"
                className="link inline-action"
                aria-label={t(M.correctDay, { day: entry.daysAfter })}
                onClick={() => {
                  setCorrecting(entry.id);
                  setOpen(true);
                }}
              >
                {t(M.correct)}
              </button>
            )}
          </li>
        ))}
      </ol>
      {open ? (
        <form
          aria-label={t(correcting ? M.correctTitle : M.newTitle)}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <FollowUpFields idPrefix="record" autoFocus />
          {correcting && (
            <div className="text-field wide">
              <label htmlFor="follow-up-reason">{t(M.reason)}</label>
              <input id="follow-up-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
            </div>
          )}
          <button type="submit" className="primary">
            {t(correcting ? M.saveCorrection : M.save)}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t(M.cancel)}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t(M.add)}
        </button>
      )}
    </section>
  );
}
