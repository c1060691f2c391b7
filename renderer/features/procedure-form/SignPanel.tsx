import { DOSE_EXCEEDANCE_REASONS } from '../../../db/model/index.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { useProcedureForm } from './form-store.js';

const SAVE_WORDS = {
  new: 'Not saved yet',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  partial: 'Not saved',
  error: 'Not saved',
} as const;

/** "Not saved: 2 fields need attention" — what is not stored, said where "Saved" would be. */
const saveWords = (state: keyof typeof SAVE_WORDS, problems: number) =>
  state === 'partial' || (state === 'error' && problems > 0)
    ? `Not saved: ${problems} field${problems === 1 ? ' needs' : 's need'} attention`
    : SAVE_WORDS[state];

/** The save state, every warning to confirm, and the sign action (also Ctrl+Enter). */
export function SignPanel() {
  const {
    mode,
    saveState,
    saveMessage,
    problems,
    warnings,
    confirmed,
    toggleConfirmed,
    sign,
    signing,
    amendReason,
    setAmendReason,
    submitAmend,
    cancelAmend,
    remove,
    id,
  } = useProcedureForm();
  const doseExceedanceReason = useProcedureForm((state) => state.draft.doseExceedanceReason);
  const update = useProcedureForm((state) => state.update);
  const toConfirm = warnings.filter((warning) => warning.level !== 'reminder' && warning.level !== 'reference');
  const aboveReference = warnings.filter((warning) => warning.level === 'reference');
  const reminders = warnings.filter((warning) => warning.level === 'reminder');
  // A dose above the reference level is answered with a reason, not a tick.
  const unconfirmed =
    toConfirm.filter((warning) => !confirmed.includes(warning.code)).length +
    (aboveReference.length > 0 && !doseExceedanceReason ? 1 : 0);
  return (
    <section aria-labelledby="section-sign" className="form-section sign-panel">
      <h2 id="section-sign">{mode === 'amend' ? 'Amend the signed record' : 'Sign'}</h2>
      {mode === 'edit' && (
        <p className={`save-state save-${saveState}`} role="status" aria-live="polite">
          {saveWords(saveState, Object.keys(problems).length)}
        </p>
      )}
      {toConfirm.length > 0 && (
        <fieldset className="confirmations">
          <legend>Confirm before signing</legend>
          {toConfirm.map((warning) => (
            <label key={warning.code} className={`confirm warning-${warning.level}`}>
              <input
                type="checkbox"
                checked={confirmed.includes(warning.code)}
                onChange={() => toggleConfirmed(warning.code)}
              />
              {warning.message}
            </label>
          ))}
        </fieldset>
      )}
      {aboveReference.length > 0 && (
        <div className="confirmations reference-reason">
          {aboveReference.map((warning) => (
            <p key={warning.code} className="warning warning-check">
              {warning.message}
            </p>
          ))}
          <ChoiceGroup
            label="Reason above the reference level"
            field="doseExceedanceReason"
            options={DOSE_EXCEEDANCE_REASONS}
            selected={doseExceedanceReason ? [doseExceedanceReason] : []}
            onToggle={(reason) =>
              update((draft) => ({
                ...draft,
                doseExceedanceReason: draft.doseExceedanceReason === reason ? undefined : reason,
              }))
            }
            disabled={mode === 'readonly'}
            compact
          />
        </div>
      )}
      {reminders.map((warning) => (
        <p key={warning.code} className="warning warning-reminder">
          {warning.message}
        </p>
      ))}
      {saveMessage && (
        <p className="problem" role="alert">
          {saveMessage}
        </p>
      )}
      {mode === 'edit' && (
        <div className="row">
          <button
            type="button"
            className="primary big"
            disabled={signing || unconfirmed > 0}
            onClick={() => void sign()}
            aria-keyshortcuts="Control+Enter"
          >
            Sign procedure <kbd>Ctrl+Enter</kbd>
          </button>
          {unconfirmed > 0 && (
            <span className="hint">
              Confirm {unconfirmed === 1 ? 'the warning' : `the ${unconfirmed} warnings`} above
              {aboveReference.length > 0 && !doseExceedanceReason
                ? ' (and give the reason above the reference level)'
                : ''}{' '}
              to sign.
            </span>
          )}
          {id && (
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete draft
            </button>
          )}
        </div>
      )}
      {mode === 'amend' && (
        <div className="row">
          <div className="text-field wide" data-field="reason">
            <label htmlFor="field-reason">Reason for the amendment</label>
            <input id="field-reason" value={amendReason} onChange={(event) => setAmendReason(event.target.value)} />
          </div>
          <button
            type="button"
            className="primary big"
            disabled={signing || unconfirmed > 0}
            onClick={() => void submitAmend()}
          >
            Save amendment
          </button>
          <button type="button" className="secondary" onClick={cancelAmend}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
