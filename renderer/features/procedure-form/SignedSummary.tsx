import { useReader } from '../../app/i18n.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { useSettings } from '../settings/settings-store.js';
import { useProcedureForm } from './form-store.js';
import { summaryOf } from './signed-summary-lines.js';

/** A signed record read as a summary of what was recorded, full contrast, nothing greyed. */
export function SignedSummary() {
  const record = useProcedureForm((state) => state.record);
  const catalogue = useSettings((state) => state.settings?.drugCatalogue ?? NO_ITEMS);
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  // In the operator's language, as the rest of the screen.
  const reader = useReader();
  if (!record) return null;
  return (
    <div className="signed-summary">
      {summaryOf(record, catalogue, operators, reader).map((section) => (
        <section key={section.title} className="summary-section" aria-label={section.title}>
          <h2>{section.title}</h2>
          <dl>
            {section.lines.map((line) => (
              <div key={line.label} className="summary-line">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
