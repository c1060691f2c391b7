import { useEffect } from 'react';
import { formatDate, formatDateTime, type WaitingDoseReport } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useConnections } from '../settings/connections-store.js';
import { useDoseReports } from './dose-reports-store.js';

/** How often the window reads the inbox the logbook keeps (no network: the main process's answer). */
const READ_EVERY_MS = 5_000;

/** Reads the receiver's state and the inbox now and every few seconds while shown. */
function useInbox() {
  const load = useDoseReports((state) => state.load);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), READ_EVERY_MS);
    return () => clearInterval(timer);
  }, [load]);
  return useDoseReports((state) => state.inbox);
}

/** Settings → Dose reports: whether the receiver listens, in words (read again after each save). */
export function DoseReceiverState() {
  const saved = useConnections((state) => state.connections?.doseReceiver);
  const load = useDoseReports((state) => state.load);
  const receiver = useDoseReports((state) => state.receiver);
  useEffect(() => {
    void saved;
    void load();
  }, [saved, load]);
  if (!receiver) return null;
  return (
    <p
      className={receiver.state === 'listening' ? 'saved' : receiver.state === 'off' ? 'hint' : 'problem'}
      aria-live="polite"
      data-testid="dose-receiver-state"
    >
      {receiver.message}
    </p>
  );
}

function ReportLine({ report }: { report: WaitingDoseReport }) {
  const locale = useDepartmentLocale();
  const who = [report.patientId && `Patient ID ${report.patientId}`, report.patientName?.replace('^', ', ')]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <strong>{who || 'No patient named'}</strong>
      {report.studyDate ? `, study of ${formatDate(report.studyDate, locale)}` : ''}
      {report.accessionNumber ? `, accession ${report.accessionNumber}` : ''} — {report.device}, received{' '}
      {formatDateTime(report.receivedAt, locale)}. <span className="hint">{report.why}</span>
    </>
  );
}

/**
 * Beside the procedure list: the dose reports no procedure has yet ("2 dose reports without a
 * procedure"), and how to attach one. Nothing when there are none.
 */
export function DoseInboxSummary() {
  const inbox = useInbox();
  if (!inbox || inbox.count === 0) return null;
  return (
    <section className="dose-inbox" aria-labelledby="dose-inbox-title">
      <h2 id="dose-inbox-title">{inbox.words}</h2>
      <p className="hint">Open (or start) the patient's procedure: under the dose fields, attach the report to it.</p>
      <ul aria-label="Dose reports without a procedure">
        {inbox.reports.map((report) => (
          <li key={report.id}>
            <ReportLine report={report} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Under the dose fields of a saved draft that has no dose report: the reports waiting for a
 * procedure, this patient's first, each with "Attach to this procedure".
 */
export function DoseInboxAttach({
  procedureId,
  patientId,
  attached,
}: {
  procedureId: string;
  patientId: string | undefined;
  /** After a report was attached: the form asks for its figures. */
  attached: () => void;
}) {
  const inbox = useInbox();
  const attach = useDoseReports((state) => state.attach);
  const message = useDoseReports((state) => (state.message?.procedureId === procedureId ? state.message : null));
  if (!inbox || inbox.count === 0)
    return message ? <p className={message.kind === 'ok' ? 'saved' : 'problem'}>{message.text}</p> : null;
  const same = (report: WaitingDoseReport) =>
    Boolean(patientId && report.patientId?.trim().toUpperCase() === patientId.trim().toUpperCase());
  const reports = [...inbox.reports].sort((a, b) => Number(same(b)) - Number(same(a)));
  return (
    <details className="dose-inbox" open={reports.some(same)}>
      <summary>{inbox.words}: attach one to this procedure</summary>
      <ul aria-label="Dose reports without a procedure">
        {reports.map((report) => (
          <li key={report.id} className={same(report) ? 'same-patient' : undefined}>
            <ReportLine report={report} />{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => void attach(report.id, procedureId).then((done) => done && attached())}
            >
              Attach to this procedure
            </button>
          </li>
        ))}
      </ul>
      {message && <p className={message.kind === 'ok' ? 'saved' : 'problem'}>{message.text}</p>}
    </details>
  );
}
