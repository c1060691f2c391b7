import { useEffect } from 'react';
import { plural } from '../../../db/model/index.js';
import { FollowUpFields } from './FollowUpFields.js';
import { useFollowUps } from './follow-ups-store.js';

const WINDOW_WORDS = { early: 'Day 1–3 call', late: 'Week 2–6 review' } as const;

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
  useEffect(() => {
    void loadDue();
  }, [loadDue]);
  const patient = due.find((row) => row.procedureId === current);
  return (
    <section className="follow-ups" aria-labelledby="follow-ups-heading">
      <h1 id="follow-ups-heading">Follow-ups due</h1>
      <p role="status" className="saved">
        {message}
      </p>
      {!loading && due.length === 0 && <p>No follow-ups are due today.</p>}
      {patient && (
        <form
          className="follow-up-call form-section"
          aria-label={`Follow-up call: ${patient.patientName ?? patient.patientId ?? 'patient'}`}
          onSubmit={(event) => {
            event.preventDefault();
            void saveAndNext();
          }}
        >
          <h2>
            {patient.patientName ?? '—'} ({patient.patientId ?? 'no ID'}) — {WINDOW_WORDS[patient.window]}, day{' '}
            {patient.daysAfter}
          </h2>
          <p className="hint">
            Procedure {patient.performedDate}, {patient.rootSides}
          </p>
          <FollowUpFields key={patient.procedureId} idPrefix="call" autoFocus />
          <button type="submit" className="primary">
            Save and next
          </button>
        </form>
      )}
      {due.length > 0 && (
        <table className="procedure-table">
          <caption>{plural(due.length, { one: '# patient is due', other: '# patients are due' })}</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Procedure</th>
              <th scope="col">Targets</th>
              <th scope="col">Follow-up</th>
              <th scope="col">Status</th>
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
                    {row.patientName ?? '—'} ({row.patientId ?? 'no ID'})
                  </button>
                </td>
                <td>{row.performedDate}</td>
                <td>{row.rootSides}</td>
                <td>{WINDOW_WORDS[row.window]}</td>
                <td>{row.overdue ? `Overdue (day ${row.daysAfter})` : `Due (day ${row.daysAfter})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
