import { useEffect, useState } from 'react';
import { catalogueForRecord, clinicalContent, procedureReport } from '../../../db/model/index.js';
import { useSay, useT } from '../../app/i18n.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { useSettings } from '../settings/settings-store.js';
import { REPORT_PANEL_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { reportLocale, reportSpeaking } from './report-speaking.js';

/**
 * The procedure report, written from the record with the department's template, for the
 * RIS/PACS report: shown with the record and copied with one key (Alt+C). A draft's report is
 * marked as such.
 */
export function ReportPanel() {
  const t = useT();
  const say = useSay();
  const record = useProcedureForm((state) => state.record);
  // A draft is reported from what can be saved (a value still being corrected is left out), as checked at its last edit.
  const checked = useProcedureForm((state) => state.checked.content);
  const mode = useProcedureForm((state) => state.mode);
  const settings = useSettings((state) => state.settings);
  const catalogue = settings?.drugCatalogue ?? NO_ITEMS;
  const [copied, setCopied] = useState<string | null>(null);
  const content = mode === 'readonly' && record ? clinicalContent(record) : checked;
  const drugs = new Map(content ? catalogueForRecord(content, catalogue).map((drug) => [drug.code, drug]) : []);
  const operator = settings?.operators.find((entry) => entry.id === content?.operatorId)?.name ?? null;
  const text = content
    ? procedureReport(
        content,
        {
          operatorName: operator,
          drug: (code) => drugs.get(code),
          speaking: reportSpeaking(settings),
          locale: reportLocale(settings),
        },
        settings?.reportTemplate,
      )
    : '';
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(t(M.copied)),
      () => setCopied(t(M.notCopied)),
    );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'c' || event.key === 'C')) {
        event.preventDefault();
        copy();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <section className="form-section report-panel" aria-labelledby="report-title">
      <h2 id="report-title">{t(mode === 'edit' ? M.titleDraft : mode === 'amend' ? M.titleAmend : M.title)}</h2>
      {settings?.reportTemplateProblem && <p className="notice">{say(settings.reportTemplateProblem)}</p>}
      <pre className="report-text" data-testid="report-text">
        {text}
      </pre>
      <div className="row">
        <button type="button" className="secondary" aria-keyshortcuts="Alt+C" onClick={copy}>
          {t(M.copy)} <kbd>Alt+C</kbd>
        </button>
        {copied && (
          <p className="notice" role="status">
            {copied}
          </p>
        )}
      </div>
    </section>
  );
}
