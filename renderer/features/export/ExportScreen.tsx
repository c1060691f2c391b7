import { useEffect, useState } from 'react';
import { sentence } from '../../../db/model/index.js';
import { useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { type Period, PeriodFields } from '../../components/PeriodFields.js';
import { useSettings } from '../settings/settings-store.js';
import { EXPORT_FORM_MESSAGES as F, EXPORT_PROGRESS_MESSAGES as M } from './export-messages.js';
import { useExport } from './export-store.js';

const FORMATS = [
  { value: 'csv', label: 'CSV', hint: F.csvHint },
  { value: 'xlsx', label: F.xlsxLabel, hint: F.xlsxHint },
  { value: 'json', label: 'JSON', hint: F.jsonHint },
  { value: 'fhir', label: 'FHIR R4', hint: F.fhirHint },
] as const;

type Format = (typeof FORMATS)[number]['value'];

/** The export dialog: what to export, how, a progress bar with cancel, and where it went. */
export function ExportScreen() {
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const [format, setFormat] = useState<Format>('csv');
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [operatorId, setOperatorId] = useState('');
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [pseudonymize, setPseudonymize] = useState(false);
  const [datePrecision, setDatePrecision] = useState<'day' | 'month'>('day');
  const [european, setEuropean] = useState(false);
  const [detailFiles, setDetailFiles] = useState(false);
  const job = useExport((state) => state.job);
  const problem = useExport((state) => state.problem);
  const { cancel, stopFollowing, resumeFollowing } = useExport.getState();
  const t = useT();
  const say = useSay();
  const sayRefusal = useRefusalWords();

  useEffect(() => {
    resumeFollowing();
    return stopFollowing;
  }, [resumeFollowing, stopFollowing]);

  const start = () =>
    useExport.getState().start({
      format,
      from: period.from || undefined,
      to: period.to || undefined,
      operatorIds: operatorId ? [operatorId] : undefined,
      includeDrafts,
      pseudonymize,
      ...(pseudonymize ? { datePrecision } : {}),
      ...(format === 'csv' ? { european, detailFiles } : {}),
    });

  const running = job?.state === 'running';
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <section className="export-screen" aria-labelledby="export-title">
      <h1 id="export-title">{t(F.title)}</h1>
      <form
        className="form-section"
        aria-label={t(F.options)}
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset className="choice-group">
          <legend>{t(F.format)}</legend>
          {FORMATS.map((option) => (
            <label key={option.value} className="radio-line">
              <input
                type="radio"
                name="format"
                value={option.value}
                checked={format === option.value}
                onChange={() => setFormat(option.value)}
              />
              <strong>{typeof option.label === 'string' ? option.label : t(option.label)}</strong> — {t(option.hint)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <PeriodFields name="export" labels={{ from: t(F.from), to: t(F.to) }} period={period} onChange={setPeriod} />
          <div className="text-field">
            <label htmlFor="export-operator">{t(F.operator)}</label>
            <select id="export-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
              <option value="">{t(F.allOperators)}</option>
              {operators.map((operator) => (
                <option key={operator.id} value={operator.id}>
                  {operator.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="switch">
          <input type="checkbox" checked={includeDrafts} onChange={(event) => setIncludeDrafts(event.target.checked)} />
          {t(F.includeDrafts)}
        </label>
        <label className="switch">
          <input type="checkbox" checked={pseudonymize} onChange={(event) => setPseudonymize(event.target.checked)} />
          {t(F.pseudonymize)}
        </label>
        {pseudonymize && (
          <div className="text-field">
            <label htmlFor="export-date-precision">{t(F.datePrecision)}</label>
            <select
              id="export-date-precision"
              value={datePrecision}
              onChange={(event) => setDatePrecision(event.target.value === 'month' ? 'month' : 'day')}
            >
              <option value="day">{t(F.toTheDay)}</option>
              <option value="month">{t(F.toTheMonth)}</option>
            </select>
          </div>
        )}
        {format === 'csv' && (
          <>
            <label className="switch">
              <input type="checkbox" checked={european} onChange={(event) => setEuropean(event.target.checked)} />
              {t(F.european)}
            </label>
            <label className="switch">
              <input type="checkbox" checked={detailFiles} onChange={(event) => setDetailFiles(event.target.checked)} />
              {t(F.detailFiles)}
            </label>
          </>
        )}
        <div className="row">
          <button type="submit" className="primary big" disabled={running}>
            {t(F.export)}
          </button>
          {running && (
            <button type="button" className="secondary" onClick={() => void cancel()}>
              {t(F.cancel)}
            </button>
          )}
        </div>
      </form>
      {problem && (
        <p className="problem" role="alert">
          {sayRefusal(problem)}
        </p>
      )}
      {job && (
        <section className="form-section" aria-label={t(M.label)}>
          <progress max={100} value={percent} aria-label={t(M.label)}>
            {percent} %
          </progress>
          <p role="status">
            {job.state === 'running' && t(M.running, { done: job.done, total: job.total })}
            {job.state === 'done' && t(M.done, { count: job.result?.procedures ?? 0 })}
            {job.state === 'cancelled' && t(M.cancelled)}
            {job.state === 'failed' &&
              say(sentence(M.failed, { reason: job.error?.words ?? job.error?.message ?? '' }))}
          </p>
          {job.state === 'done' && (
            <ul className="export-files">
              {job.result?.files.map((file) => (
                <li key={file}>
                  <code>{file}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
