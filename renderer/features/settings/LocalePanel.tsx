import {
  DEPARTMENT_LOCALES,
  type DepartmentLocale,
  formatDate,
  formatDateTime,
  formatNumber,
  isDepartmentLocale,
} from '../../../db/model/index.js';
import { useT } from '../../app/i18n.js';
import { LOCALE_PANEL_MESSAGES as M } from './settings-messages.js';
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
  const t = useT();
  if (!locale) return null;
  return (
    <section className="form-section" aria-labelledby="settings-locale">
      <h2 id="settings-locale">{t(M.title)}</h2>
      <p className="hint">{t(M.hint)}</p>
      <div className="text-field wide" data-field="locale">
        <label htmlFor="department-locale">{t(M.locale)}</label>
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
