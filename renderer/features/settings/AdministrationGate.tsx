import { useRef, useState } from 'react';
import { useRefusalWords, useT } from '../../app/i18n.js';
import { BadgeScan } from '../session/BadgeScan.js';
import { useSession } from '../session/session-store.js';
import { ADMINISTRATION_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/**
 * Settings are read by anyone at the console and changed by an administrator: their PIN opens
 * the changes until the console locks or they end them. Said at the top of Settings.
 */
export function AdministrationGate() {
  const session = useSession((state) => state.session);
  const message = useSession((state) => state.message);
  const sayRefusal = useRefusalWords();
  const busy = useSession((state) => state.busy);
  const administrators = (session?.operators ?? []).filter((operator) => operator.administrator && operator.pinSet);
  const [operatorId, setOperatorId] = useState(
    administrators.find((operator) => operator.id === session?.operatorId)?.id ?? administrators[0]?.id ?? '',
  );
  const [pin, setPin] = useState('');
  const pinField = useRef<HTMLInputElement>(null);
  const badges = administrators.some((operator) => operator.badge);
  const administering = session?.operators.find((operator) => operator.id === session.administratorId);
  const t = useT();

  if (administering)
    return (
      // Not a live status: Settings' own status line says what each change did.
      <p className="notice administration">
        {t(M.open, { name: administering.name })}{' '}
        <button type="button" className="secondary" onClick={() => void useSession.getState().endAdministration()}>
          {t(M.end)}
        </button>
      </p>
    );
  return (
    <form
      className="form-section administration"
      aria-labelledby="administration-title"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = pin;
        setPin('');
        void useSession
          .getState()
          .administer(operatorId, typed)
          .then(async (opened) => {
            if (opened) await useSettings.getState().load();
          });
      }}
    >
      <h2 id="administration-title">{t(M.title)}</h2>
      <div className="row">
        {badges && (
          <BadgeScan
            id="administration-badge"
            refusal={(found) =>
              administrators.some((operator) => operator.id === found.id)
                ? null
                : t(M.notAdministrator, { name: found.name })
            }
            onHolder={(found) => {
              setOperatorId(found.id);
              pinField.current?.focus();
            }}
          />
        )}
        <div className="text-field">
          <label htmlFor="administration-operator">{t(M.administrator)}</label>
          <select
            id="administration-operator"
            value={operatorId}
            onChange={(event) => setOperatorId(event.target.value)}
          >
            {administrators.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {operator.name}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="administration-pin">{t(M.pin)}</label>
          <input
            id="administration-pin"
            ref={pinField}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || !operatorId || !pin}>
          {t(M.openChanges)}
        </button>
      </div>
      {message && (
        <p className="problem" role="alert">
          {sayRefusal(message)}
        </p>
      )}
    </form>
  );
}
