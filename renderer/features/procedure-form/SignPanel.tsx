import { DOSE_EXCEEDANCE_REASONS } from '../../../db/model/index.js';
import { useRefusalWords, useT, useWarningWords } from '../../app/i18n.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { BadgeScan } from '../session/BadgeScan.js';
import { useSettings } from '../settings/settings-store.js';
import { SIGN_PANEL_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { confirmationField } from './next-field.js';
import { saveWords, stillToAnswer } from './sign-words.js';
import { problemsOf } from './store/draft-store.js';
import { stillConfirmed, warningsToConfirm } from './store/signing-store.js';

/** The save state, every warning to confirm, and the sign action (also Ctrl+Enter). */
export function SignPanel() {
  const {
    mode,
    saveState,
    saveMessage,
    warnings,
    confirmed,
    confirmedEarlier,
    toggleConfirmed,
    sign,
    signing,
    amendReason,
    setAmendReason,
    submitAmend,
    cancelAmend,
  } = useProcedureForm();
  const t = useT();
  const said = useWarningWords();
  const refusal = useRefusalWords();
  const doseExceedanceReason = useProcedureForm((state) => state.draft.doseExceedanceReason);
  // What is not saved: the values held back, not what signing still asks for (that draft is saved).
  const heldBack = useProcedureForm((state) => Object.keys(problemsOf(state.checked, state.fieldText)).length);
  const pin = useProcedureForm((state) => state.pin);
  const setPin = useProcedureForm((state) => state.setPin);
  const amendSignerId = useProcedureForm((state) => state.amendSignerId);
  const setAmendSigner = useProcedureForm((state) => state.setAmendSigner);
  const operatorId = useProcedureForm((state) => state.draft.operatorId);
  const operators = useSettings((state) => state.settings?.operators ?? []);
  // Who may sign: active radiologists with a PIN (a technologist prepares the case).
  const signers = operators.filter((operator) => operator.active && operator.role === 'radiologist' && operator.pinSet);
  const signerName = operators.find((operator) => operator.id === operatorId)?.name;
  const update = useProcedureForm((state) => state.update);
  // In an amendment, what the signature confirmed and still reads the same is not asked again.
  const earlier = mode === 'amend' ? stillConfirmed(warnings, confirmedEarlier) : [];
  const toConfirm = warningsToConfirm(warnings).filter((warning) => !earlier.includes(warning.code));
  const confirmedBefore = warningsToConfirm(warnings).filter((warning) => earlier.includes(warning.code));
  const aboveReference = warnings.filter((warning) => warning.level === 'reference');
  const reminders = warnings.filter((warning) => warning.level === 'reminder');
  // A dose above the reference level is answered with a reason, not a tick.
  const ticksMissing = toConfirm.filter((warning) => !confirmed.includes(warning.code)).length;
  const reasonMissing = aboveReference.length > 0 && !doseExceedanceReason;
  const unanswered = ticksMissing > 0 || reasonMissing;
  return (
    <section aria-labelledby="section-sign" className="form-section sign-panel">
      <h2 id="section-sign">{mode === 'amend' ? t(M.amendTitle) : t(M.title)}</h2>
      {mode === 'edit' && (
        <p className={`save-state save-${saveState}`} role="status" aria-live="polite">
          {saveWords(t, saveState, heldBack)}
        </p>
      )}
      {toConfirm.length > 0 && (
        <fieldset className="confirmations">
          <legend>{t(M.confirmBefore)}</legend>
          {toConfirm.map((warning) => (
            <label
              key={warning.code}
              className={`confirm warning-${warning.level}`}
              data-field={confirmationField(warning.code)}
            >
              <input
                type="checkbox"
                checked={confirmed.includes(warning.code)}
                onChange={() => toggleConfirmed(warning.code)}
              />
              {said(warning)}
            </label>
          ))}
        </fieldset>
      )}
      {confirmedBefore.length > 0 && (
        <ul className="confirmed-before" aria-label={t(M.confirmedAtSignature)}>
          {confirmedBefore.map((warning) => (
            <li key={warning.code} className={`warning warning-${warning.level}`}>
              {t(M.confirmedAtSignatureItem, { warning: said(warning) })}
            </li>
          ))}
        </ul>
      )}
      {aboveReference.length > 0 && (
        <div className="confirmations reference-reason">
          {aboveReference.map((warning) => (
            <p key={warning.code} className="warning warning-check">
              {said(warning)}
            </p>
          ))}
          <ChoiceGroup
            label={t(M.exceedanceReason)}
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
          {said(warning)}
        </p>
      ))}
      {saveMessage && (
        <p className="problem" role="alert">
          {refusal(saveMessage)}
        </p>
      )}
      {mode === 'edit' && (
        <div className="row">
          <PinField
            label={signerName ? t(M.pinOf, { name: signerName }) : t(M.pinOfOperator)}
            pin={pin}
            onPin={setPin}
            onEnter={() => void sign()}
          />
          <button
            type="button"
            className="primary big"
            disabled={signing || unanswered}
            onClick={() => void sign()}
            aria-keyshortcuts="Control+Enter"
          >
            {t(M.signProcedure)} <kbd>Ctrl+Enter</kbd>
          </button>
          {unanswered && <span className="hint">{stillToAnswer(t, ticksMissing, reasonMissing)}</span>}
        </div>
      )}
      {mode === 'amend' && (
        <div className="row">
          <div className="text-field wide" data-field="reason">
            <label htmlFor="field-reason">{t(M.amendReason)}</label>
            <input
              id="field-reason"
              value={amendReason}
              onChange={(event) => setAmendReason(event.target.value)}
              aria-keyshortcuts="Enter Control+Enter"
              onKeyDown={(event) => {
                // The reason, then the PIN: Enter goes on to the PIN (Ctrl+Enter saves at once).
                if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
                event.preventDefault();
                void submitAmend();
              }}
            />
          </div>
          {signers.some((operator) => operator.badge) && (
            // A badge scanned (the card reader types its number and Enter) chooses who amends; their PIN proves it.
            <BadgeScan
              id="field-amend-badge"
              refusal={(holder) =>
                signers.some((operator) => operator.id === holder.id) ? null : t(M.mayNotAmend, { name: holder.name })
              }
              onHolder={(holder) => {
                setAmendSigner(holder.id);
                document.getElementById('field-signer-pin')?.focus();
              }}
            />
          )}
          <div className="text-field" data-field="signer.operatorId">
            <label htmlFor="field-amend-signer">{t(M.amendedBy)}</label>
            <select
              id="field-amend-signer"
              value={amendSignerId ?? ''}
              onChange={(event) => setAmendSigner(event.target.value)}
            >
              <option value="" disabled>
                {t(M.choose)}
              </option>
              {signers.map((operator) => (
                <option key={operator.id} value={operator.id}>
                  {operator.name}
                </option>
              ))}
            </select>
          </div>
          <PinField label={t(M.pin)} pin={pin} onPin={setPin} onEnter={() => void submitAmend()} />
          <button
            type="button"
            className="primary big"
            disabled={signing || unanswered}
            onClick={() => void submitAmend()}
            aria-keyshortcuts="Control+Enter"
          >
            {t(M.saveAmendment)} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" className="secondary" onClick={cancelAmend}>
            {t(M.cancel)}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * The signer's PIN, typed as the last step of signing: Enter signs. A password field, never
 * autofilled; its value lives in the form store only until the signature is sent.
 */
function PinField({
  label,
  pin,
  onPin,
  onEnter,
}: {
  label: string;
  pin: string;
  onPin: (pin: string) => void;
  onEnter: () => void;
}) {
  return (
    <div className="text-field pin-field" data-field="signer.pin">
      <label htmlFor="field-signer-pin">{label}</label>
      <input
        id="field-signer-pin"
        className="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(event) => onPin(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
          event.preventDefault();
          event.stopPropagation();
          onEnter();
        }}
      />
    </div>
  );
}
