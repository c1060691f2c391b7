import {
  DEPARTMENT_LOCALES,
  type DepartmentLocale,
  formatDate,
  formatDateTime,
  formatNumber,
  isDepartmentLocale,
} from '../../../db/model/index.js';
import { useSettings } from './settings-store.js';

/** What a locale writes, shown beside the choice so the department sees it before saving. */
const example = (locale: DepartmentLocale) =>
  `${formatDate('1958-03-12', locale)} · ${formatDateTime('2026-03-14T14:05', locale)} · ${formatNumber(148.5, locale)} mGy·cm`;

/**
 * Settings → Dates and numbers: the department's locale, which every date and number field,
 * list, report and printed sheet follows (docs/locale-formats.md). Saved at once, audited.
 */
export function LocalePanel() {
  const locale = useSettings((state) => state.settings?.locale);
  if (!locale) return null;
  return (
    <section className="form-section" aria-labelledby="settings-locale">
      <h2 id="settings-locale">Dates and numbers</h2>
      <p className="hint">
        How dates are typed and shown (day, month and year in this order) and which decimal mark numbers are shown with.
        Numbers may always be typed with “.” or “,”.
      </p>
      <div className="text-field wide" data-field="locale">
        <label htmlFor="department-locale">Write dates and numbers as in</label>
        <select
          id="department-locale"
          value={locale}
          onChange={(event) => {
            const chosen = event.target.value;
            if (isDepartmentLocale(chosen)) void useSettings.getState().update({ locale: chosen });
          }}
        >
          {DEPARTMENT_LOCALES.map((option) => (
            <option key={option.tag} value={option.tag}>
              {option.name}
            </option>
          ))}
        </select>
        <p className="hint" data-testid="locale-example">
          {example(locale)}
        </p>
      </div>
    </section>
  );
}
