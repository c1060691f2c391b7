import { useState } from 'react';
import { DEFAULT_REPORT_TEMPLATES, LANGUAGE_NAMES, REPORT_PLACEHOLDERS } from '../../../db/model/index.js';
import { useSay, useT } from '../../app/i18n.js';
import { REPORT_TEMPLATE_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** The procedure report's template in the report language: the department's words, sections and order. */
export function ReportTemplatePanel() {
  const settings = useSettings((state) => state.settings);
  const { update } = useSettings.getState();
  const [text, setText] = useState<string | null>(null);
  const t = useT();
  const say = useSay();
  if (!settings) return null;
  const value = text ?? settings.reportTemplate;
  return (
    <section className="form-section" aria-labelledby="settings-report">
      <h2 id="settings-report">{t(M.title)}</h2>
      <p className="hint">{t(M.hint, { placeholders: REPORT_PLACEHOLDERS.map((name) => `{${name}}`).join(' ') })}</p>
      {settings.reportTemplateProblem && <p className="notice">{say(settings.reportTemplateProblem)}</p>}
      <div className="text-field wide" data-field="reportTemplate">
        <label htmlFor="setting-report-template">
          {t(M.template, { language: LANGUAGE_NAMES[settings.reportLanguage] })}
        </label>
        <textarea
          id="setting-report-template"
          rows={16}
          value={value}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void update({ reportTemplate: value }).then((saved) => {
              if (saved) setText(null);
            })
          }
        >
          {t(M.save)}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setText(DEFAULT_REPORT_TEMPLATES[settings.reportLanguage])}
        >
          {t(M.shipped)}
        </button>
      </div>
    </section>
  );
}
