import { useEffect } from 'react';
import { doseFigureWords, formatDateTime, sayDevice, sentence, type Words } from '../../../db/model/index.js';
import { useReader, useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { TextField } from '../../components/TextField.js';
import { DoseInboxAttach } from '../dose-reports/DoseInbox.js';
import { DOSE_FETCH_MESSAGES, GUIDANCE_SECTION_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';

/** While no report has filled the dose, how often the form asks whether one has come (no network: the logbook). */
const ASK_EVERY_MS = 5_000;

/**
 * "Fetch dose report from the PACS" (Alt+D) for a saved draft, and what the last ask found: the
 * reports the PACS sent, or why none came in words (no PACS set up, not reachable, none for the study).
 */
export function PacsFetchButton() {
  const t = useT();
  const refusal = useRefusalWords();
  const id = useProcedureForm((state) => state.id);
  const fetch = useProcedureForm((state) => state.pacsFetch);
  const ask = useProcedureForm((state) => state.fetchDoseReportFromPacs);
  const shown = fetch?.procedureId === id ? fetch : null;
  return (
    <div className="pacs-fetch" data-testid="pacs-fetch">
      <button
        type="button"
        className="secondary"
        aria-keyshortcuts="Alt+D"
        disabled={shown?.state === 'asking'}
        onClick={() => void ask()}
      >
        {shown?.state === 'asking' ? t(DOSE_FETCH_MESSAGES.asking) : t(DOSE_FETCH_MESSAGES.fetch)} <kbd>Alt+D</kbd>
      </button>
      {shown?.state === 'fetched' && (
        <span className="saved" role="status">
          {' '}
          {t(DOSE_FETCH_MESSAGES.fetched, { count: shown.count })}
        </span>
      )}
      {shown?.state === 'problem' && (
        <p className="problem" role="alert">
          {refusal(shown.refusal)}
        </p>
      )}
    </div>
  );
}

/**
 * Where the dose figures came from, under the dose fields: "From the scanner's dose report" with
 * its device and time; changed by hand, with the reason it needs; or a report that came with a
 * question or after figures were typed, offered to take.
 */
export function DoseSource() {
  const id = useProcedureForm((state) => state.id);
  const unsaved = useProcedureForm((state) => state.saveState === 'new');
  const draft = useProcedureForm((state) => state.draft);
  const report = useProcedureForm((state) => state.doseReport);
  const check = useProcedureForm((state) => state.checkDoseReport);
  const take = useProcedureForm((state) => state.takeDoseReport);
  const update = useProcedureForm((state) => state.update);
  const t = useT();
  const say = useSay();
  const { locale } = useReader();
  const fromReport = draft.doseSource === 'dose_report';
  const changed = draft.doseSource === 'dose_report_then_changed';

  // Asked once the draft is saved, and again now and then until a report has filled the dose.
  useEffect(() => {
    if (!id || unsaved || fromReport || changed) return;
    void check();
    const timer = setInterval(() => void check(), ASK_EVERY_MS);
    return () => clearInterval(timer);
  }, [id, unsaved, fromReport, changed, check]);

  // The irradiation's time by the scanner's clock (the report's own, never when it arrived),
  // written as the department writes it, never as the operating system would.
  const irradiation = draft.doseReportAt ? formatDateTime(draft.doseReportAt, locale) : null;
  const device = [
    draft.doseReportDevice && sayDevice(draft.doseReportDevice, t),
    irradiation && t(M.irradiation, { time: irradiation }),
  ]
    .filter(Boolean)
    .join(', ');
  if (fromReport)
    return (
      <p className="dose-source" data-testid="dose-source">
        <span className="source-mark">{t(M.fromReport)}</span> {device}
      </p>
    );
  if (changed)
    return (
      <div className="dose-source" data-testid="dose-source">
        <p>
          <span className="source-mark changed">{t(M.changedByHand)}</span> {device}.{' '}
          {report && (
            <button type="button" className="secondary" onClick={take}>
              {t(M.putBack)}
            </button>
          )}
        </p>
        <TextField
          label={t(M.changeReason)}
          field="doseChangeReason"
          value={draft.doseChangeReason}
          onChange={(value) =>
            update((current) => ({ ...current, doseChangeReason: value === '' ? undefined : value }))
          }
        />
      </div>
    );
  // No report of its own yet: those waiting for a procedure, to attach one by hand.
  if (!report)
    return id && !unsaved ? (
      <>
        <PacsFetchButton />
        <DoseInboxAttach procedureId={id} patientId={draft.patientId ?? undefined} attached={() => void check()} />
      </>
    ) : null;
  // Named and written as the form and the report write them (French "PDL 46,59 mGy·cm").
  const figures: Words[] = [
    ...(['dlpMGyCm', 'ctdiVolMGy', 'dapGyCm2'] as const).flatMap((quantity) => {
      const value = report.fill[quantity];
      return value === null ? [] : [doseFigureWords(quantity, value)];
    }),
    ...(report.fill.fluoroTimeS !== null ? [sentence(M.fluoroscopy, { seconds: report.fill.fluoroTimeS })] : []),
  ];
  return (
    <div className="dose-source" data-testid="dose-source">
      <p>
        {say(
          sentence(M.reportSays, {
            device: sayDevice(report.source.doseReportDevice ?? '', t),
            figures: { list: figures, separator: ', ' },
          }),
        )}{' '}
        <button type="button" className="secondary" onClick={take}>
          {t(M.takeFigures)}
        </button>
      </p>
      {report.questions.map((question, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the questions come whole with each report and never reorder
        <p key={index} className="warning">
          {say(question)}
        </p>
      ))}
      {report.notes.map((note, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the notes come whole with each report and never reorder
        <p key={index} className="hint">
          {say(note)}
        </p>
      ))}
    </div>
  );
}
