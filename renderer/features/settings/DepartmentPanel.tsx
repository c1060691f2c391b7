import type { Language } from '../../../db/model/index.js';
import { useT } from '../../app/i18n.js';
import { printWords } from '../procedure-form/print-words.js';
import { LanguageSelect } from './LanguageSelect.js';
import { DEPARTMENT_LANGUAGE_MESSAGES } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** Settings → Department: the name, address and phone printed at the top of the record and the aftercare sheet. */
export function DepartmentPanel() {
  const settings = useSettings((state) => state.settings);
  const t = useT();
  const W = printWords(t).department;
  const L = DEPARTMENT_LANGUAGE_MESSAGES;
  if (!settings) return null;
  const { department } = settings;
  return (
    <form
      className="form-section"
      aria-labelledby="settings-department"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void useSettings.getState().update({
          department: {
            name: String(form.get('name') ?? ''),
            address: String(form.get('address') ?? ''),
            phone: String(form.get('phone') ?? ''),
          },
          language: String(form.get('language')) as Language,
          reportLanguage: String(form.get('reportLanguage')) as Language,
        });
      }}
    >
      <h2 id="settings-department">{W.title}</h2>
      <p className="hint">{W.hint}</p>
      <div className="row">
        <div className="text-field wide" data-field="department.name">
          <label htmlFor="department-name">{W.name}</label>
          <input id="department-name" name="name" defaultValue={department.name} />
        </div>
        <div className="text-field" data-field="department.phone">
          <label htmlFor="department-phone">{W.phone}</label>
          <input id="department-phone" name="phone" inputMode="tel" defaultValue={department.phone} />
        </div>
      </div>
      <div className="text-field wide" data-field="department.address">
        <label htmlFor="department-address">{W.address}</label>
        <textarea id="department-address" name="address" rows={3} defaultValue={department.address} />
      </div>
      <div className="row">
        <div className="text-field" data-field="language">
          <label htmlFor="department-language">{t(L.language)}</label>
          <LanguageSelect id="department-language" name="language" defaultValue={settings.language} />
        </div>
        <div className="text-field" data-field="reportLanguage">
          <label htmlFor="department-report-language">{t(L.reportLanguage)}</label>
          <LanguageSelect
            id="department-report-language"
            name="reportLanguage"
            defaultValue={settings.reportLanguage}
          />
        </div>
      </div>
      <button type="submit" className="primary">
        {W.save}
      </button>
    </form>
  );
}
