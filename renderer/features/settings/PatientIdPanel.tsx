import { type Message, PATIENT_ID_CASES } from '../../../db/model/index.js';
import { useT } from '../../app/i18n.js';
import { PATIENT_ID_PANEL_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

const CASE_WORDS: Record<(typeof PATIENT_ID_CASES)[number], Message> = {
  as_typed: M.asTyped,
  upper: M.upper,
};

/**
 * Settings → Patient ID: how the department writes its patient IDs. What is typed is stored
 * trimmed and in this letter case; an ID that does not follow the pattern is refused at the
 * field, naming the example. Records signed before keep their IDs as signed.
 */
export function PatientIdPanel() {
  const rule = useSettings((state) => state.settings?.patientIdRule);
  const t = useT();
  if (!rule) return null;
  return (
    <form
      className="form-section"
      aria-labelledby="settings-patient-id"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void useSettings.getState().update({
          patientIdRule: {
            case: String(form.get('case')) as (typeof PATIENT_ID_CASES)[number],
            pattern: String(form.get('pattern') ?? ''),
            example: String(form.get('example') ?? ''),
          },
        });
      }}
    >
      <h2 id="settings-patient-id">{t(M.title)}</h2>
      <p className="hint">{t(M.hint)}</p>
      <div className="row">
        <div className="text-field">
          <label htmlFor="patient-id-case">{t(M.letterCase)}</label>
          <select id="patient-id-case" name="case" defaultValue={rule.case}>
            {PATIENT_ID_CASES.map((value) => (
              <option key={value} value={value}>
                {t(CASE_WORDS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="patient-id-pattern">{t(M.pattern, { example: 'K-\\d{6}' })}</label>
          <input id="patient-id-pattern" name="pattern" defaultValue={rule.pattern} spellCheck={false} />
        </div>
        <div className="text-field">
          <label htmlFor="patient-id-example">{t(M.example)}</label>
          <input id="patient-id-example" name="example" defaultValue={rule.example} spellCheck={false} />
        </div>
      </div>
      <button type="submit" className="primary">
        {t(M.save)}
      </button>
    </form>
  );
}
