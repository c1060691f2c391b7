import { useEffect } from 'react';
import { formatDate } from '../../../db/model/index.js';
import { useReader, useSay } from '../../app/i18n.js';
import { targetsInWords } from '../procedure-list/targets-words.js';
import { FollowUpFields } from './FollowUpFields.js';
import { FOLLOW_UPS_MESSAGES as M } from './follow-ups-messages.js';
import { useFollowUps } from './follow-ups-store.js';

const WINDOW_WORDS = { early: M.early, late: M.late } as const;

/**
 * Who is due for a follow-up call, and the call itself: the first due patient is open with
 * the cursor in "leg pain"; type the scores, Enter saves and opens the next one.
 */
export function FollowUpsScreen() {
  const due = useFollowUps((state) => state.due);
  const loading = useFollowUps((state) => state.loading);
  const current = useFollowUps((state) => state.current);
  const message = useFollowUps((state) => state.message);
  const { loadDue, choose, saveAndNext } = useFollowUps.getState();
  // Dates as the department writes them (in the reader's language's locale there: localeFor).
  const { t, locale } = useReader();
  const say = useSay();
  const date = (iso: string) => formatDate(iso, locale);
  useEffect(() => {
    void loadDue();
  }, [loadDue]);
  const patient = due.find((row) => row.procedureId === current);
  return (
    <section className="follow-ups" aria-labelledby="follow-ups-heading">
      <h1 id="follow-ups-heading">{t(M.title)}</h1>
      <p role="status" className="saved">
        {message && say(message)}
      </p>
      {!loading && due.length === 0 && <p>{t(M.none)}</p>}
      {patient && (
        <form
          className="follow-up-call form-section"
          aria-label={t(M.call, { patient: patient.patientName ?? patient.patientId ?? t(M.patient) })}
          onSubmit={(event) => {
            event.preventDefault();
            void saveAndNext();
          }}
        >
          <h2>
            {patient.patientName ?? '—'} ({patient.patientId ?? t(M.noId)}) — {t(WINDOW_WORDS[patient.window])},{' '}
            {t(M.day, { day: patient.daysAfter })}
          </h2>
          <p className="hint">
            {t(M.procedure, { date: date(patient.performedDate), targets: targetsInWords(t, patient.rootSides) })}
          </p>
          <FollowUpFields key={patient.procedureId} idPrefix="call" autoFocus />
          <button type="submit" className="primary">
            {t(M.save)}
          </button>
        </form>
      )}
      {due.length > 0 && (
        <table className="procedure-table">
          <caption>{t(M.due, { count: due.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.colPatient)}</th>
              <th scope="col">{t(M.colProcedure)}</th>
              <th scope="col">{t(M.colTargets)}</th>
              <th scope="col">{t(M.colFollowUp)}</th>
              <th scope="col">{t(M.colStatus)}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((row) => (
              <tr
                key={`${row.procedureId}-${row.window}`}
                aria-current={row.procedureId === current ? 'true' : undefined}
              >
                <td>
                  <button type="button" className="link" onClick={() => choose(row.procedureId)}>
                    {row.patientName ?? '—'} ({row.patientId ?? t(M.noId)})
                  </button>
                </td>
                <td className="date">{date(row.performedDate)}</td>
                <td>{targetsInWords(t, row.rootSides)}</td>
                <td>{t(WINDOW_WORDS[row.window])}</td>
                <td>{t(row.overdue ? M.overdue : M.dueDay, { day: row.daysAfter })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
