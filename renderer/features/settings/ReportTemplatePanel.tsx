import { useState } from 'react';
import { DEFAULT_REPORT_TEMPLATE, REPORT_PLACEHOLDERS } from '../../../db/model/index.js';
import { useSettings } from './settings-store.js';

/** The procedure report's template: the department's words, sections and order. */
export function ReportTemplatePanel() {
  const settings = useSettings((state) => state.settings);
  const { update } = useSettings.getState();
  const [text, setText] = useState<string | null>(null);
  if (!settings) return null;
  const value = text ?? settings.reportTemplate;
  return (
    <section className="form-section" aria-labelledby="settings-report">
      <h2 id="settings-report">Procedure report</h2>
      <p className="hint">
        "## Title" starts a section; a line whose placeholders are all empty is left out, and a section left with
        nothing is left out with its title. Placeholders: {REPORT_PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}
      </p>
      {settings.reportTemplateProblem && <p className="notice">{settings.reportTemplateProblem}</p>}
      <div className="text-field wide" data-field="reportTemplate">
        <label htmlFor="setting-report-template">Report template</label>
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
          Save template
        </button>
        <button type="button" className="secondary" onClick={() => setText(DEFAULT_REPORT_TEMPLATE)}>
          Back to the shipped template
        </button>
      </div>
    </section>
  );
}
