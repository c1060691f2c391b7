import { useEffect } from 'react';
import { formatDate, formatDateTime, sayDevice, type WaitingDoseReport } from '../../../db/model/index.js';
import { useReaderLocale, useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { useConnections } from '../settings/connections-store.js';
import { DOSE_INBOX_MESSAGES as M } from './dose-reports-messages.js';
import { type AttachMessage, useDoseReports } from './dose-reports-store.js';

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
  const say = useSay();
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
      {say(receiver.message)}
    </p>
  );
}

function ReportLine({ report }: { report: WaitingDoseReport }) {
  const t = useT();
  const locale = useReaderLocale();
  const say = useSay();
  const who = [report.patientId && t(M.patientId, { id: report.patientId }), report.patientName?.replace('^', ', ')]
    .filter(Boolean)
    .join(', ');
  const about = [
    report.studyDate ? t(M.study, { date: formatDate(report.studyDate, locale) }) : '',
    report.accessionNumber ? t(M.accession, { number: report.accessionNumber }) : '',
  ].filter(Boolean);
  return (
    <>
      <strong>{who || t(M.noPatient)}</strong>
      {about.map((part) => `, ${part}`).join('')} —{' '}
      {t(M.received, { device: sayDevice(report.device, t), at: formatDateTime(report.receivedAt, locale) })}{' '}
      <span className="hint">{say(report.why)}</span>
    </>
  );
}

/** What the last attach did: done, or the main process's refusal. */
function AttachOutcome({ message }: { message: AttachMessage }) {
  const t = useT();
  const sayRefusal = useRefusalWords();
  return message.outcome === 'attached' ? (
    <p className="saved">{t(M.attached)}</p>
  ) : (
    <p className="problem">{sayRefusal(message.reason)}</p>
  );
}

/**
 * Beside the procedure list: the dose reports no procedure has yet ("2 dose reports without a
 * procedure"), and how to attach one. Nothing when there are none.
 */
export function DoseInboxSummary() {
  const inbox = useInbox();
  const t = useT();
  if (!inbox || inbox.count === 0) return null;
  return (
    <section className="dose-inbox" aria-labelledby="dose-inbox-title">
      <h2 id="dose-inbox-title">{t(M.title, { count: inbox.count })}</h2>
      <p className="hint">{t(M.hint)}</p>
      <ul aria-label={t(M.list)}>
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
  const t = useT();
  const attach = useDoseReports((state) => state.attach);
  const message = useDoseReports((state) => (state.message?.procedureId === procedureId ? state.message : null));
  if (!inbox || inbox.count === 0) return message ? <AttachOutcome message={message} /> : null;
  const same = (report: WaitingDoseReport) =>
    Boolean(patientId && report.patientId?.trim().toUpperCase() === patientId.trim().toUpperCase());
  const reports = [...inbox.reports].sort((a, b) => Number(same(b)) - Number(same(a)));
  return (
    <details className="dose-inbox" open={reports.some(same)}>
      <summary>{t(M.attachTitle, { count: inbox.count })}</summary>
      <ul aria-label={t(M.list)}>
        {reports.map((report) => (
          <li key={report.id} className={same(report) ? 'same-patient' : undefined}>
            <ReportLine report={report} />{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => void attach(report.id, procedureId).then((done) => done && attached())}
            >
              {t(M.attach)}
            </button>
          </li>
        ))}
      </ul>
      {message && <AttachOutcome message={message} />}
    </details>
  );
}
