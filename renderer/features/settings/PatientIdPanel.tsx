import { PATIENT_ID_CASES } from '../../../db/model/index.js';
import { useSettings } from './settings-store.js';

const CASE_WORDS: Record<(typeof PATIENT_ID_CASES)[number], string> = {
  as_typed: 'As typed',
  upper: 'Capitals (k-100301 is stored as K-100301)',
};

/**
 * Settings → Patient ID: how the department writes its patient IDs. What is typed is stored
 * trimmed and in this letter case; an ID that does not follow the pattern is refused at the
 * field, naming the example. Records signed before keep their IDs as signed.
 */
export function PatientIdPanel() {
  const rule = useSettings((state) => state.settings?.patientIdRule);
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
      <h2 id="settings-patient-id">Patient ID</h2>
      <p className="hint">
        How this department writes its patient IDs. Spaces and letter case never make two patients of one; the pattern
        refuses an ID typed wrongly. Leave the pattern empty to take any ID.
      </p>
      <div className="row">
        <div className="text-field">
          <label htmlFor="patient-id-case">Letter case</label>
          <select id="patient-id-case" name="case" defaultValue={rule.case}>
            {PATIENT_ID_CASES.map((value) => (
              <option key={value} value={value}>
                {CASE_WORDS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="patient-id-pattern">Pattern (regular expression, e.g. K-\d{'{6}'})</label>
          <input id="patient-id-pattern" name="pattern" defaultValue={rule.pattern} spellCheck={false} />
        </div>
        <div className="text-field">
          <label htmlFor="patient-id-example">An ID that follows it</label>
          <input id="patient-id-example" name="example" defaultValue={rule.example} spellCheck={false} />
        </div>
      </div>
      <button type="submit" className="primary">
        Save patient ID rule
      </button>
    </form>
  );
}
