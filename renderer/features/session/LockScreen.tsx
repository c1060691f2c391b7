import { useRef, useState } from 'react';
import { useRefusalWords, useT } from '../../app/i18n.js';
import { useKeysHeldWhile } from '../../components/held-keys.js';
import { BadgeScan } from './BadgeScan.js';
import { LOCK_SCREEN_MESSAGES as M } from './session-messages.js';
import { useSession } from './session-store.js';

/**
 * What an unattended console shows: no patient, no list, only who may open it. The operator
 * who opened it last is offered first; their PIN opens it again. Enter opens.
 *
 * Where badges are bound (Settings → Operators), the badge field comes first and has the
 * focus: a badge scanned chooses its holder and moves to their PIN. A badge says who is at
 * the keyboard; only the PIN proves it.
 */
export function LockScreen() {
  const session = useSession((state) => state.session);
  const message = useSession((state) => state.message);
  const sayRefusal = useRefusalWords();
  const busy = useSession((state) => state.busy);
  const operators = (session?.operators ?? []).filter((operator) => operator.pinSet);
  const badges = operators.some((operator) => operator.badge);
  const [operatorId, setOperatorId] = useState(session?.operatorId ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [badgeOf, setBadgeOf] = useState<string | null>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const t = useT();
  // Keys typed after Enter while the PIN is checked wait for the console that opens (which
  // holds them on until it shows: OpenConsole), or for this screen again when it is refused.
  const [opening, setOpening] = useState(false);
  useKeysHeldWhile('unlocking', opening);

  const open = async () => {
    const typed = pin;
    setPin('');
    setOpening(true);
    try {
      await useSession.getState().unlock(operatorId, typed);
    } finally {
      setOpening(false);
    }
  };

  const holder = operators.find((operator) => operator.id === badgeOf && operator.id === operatorId);

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">{t(M.title)}</h1>
      <p>{t(badges ? M.hintBadges : M.hint)}</p>
      <form
        className="form-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (operatorId && pin) void open();
        }}
      >
        {badges && (
          <BadgeScan
            id="lock-badge"
            autoFocus
            refusal={(found) => (found.pinSet ? null : t(M.noPin, { name: found.name }))}
            onHolder={(found) => {
              setOperatorId(found.id);
              setBadgeOf(found.id);
              pinField.current?.focus();
            }}
          />
        )}
        <div className="text-field">
          <label htmlFor="lock-operator">{t(M.operator)}</label>
          <select
            id="lock-operator"
            value={operatorId}
            onChange={(event) => {
              setOperatorId(event.target.value);
              setBadgeOf(null);
            }}
          >
            {operators.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {operator.name}
              </option>
            ))}
          </select>
          {holder && <p className="hint">{t(M.badgeOf, { name: holder.name })}</p>}
        </div>
        <div className="text-field">
          <label htmlFor="lock-pin">{t(M.pin)}</label>
          <input
            id="lock-pin"
            ref={pinField}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the one question of the lock screen without badges
            autoFocus={!badges}
          />
        </div>
        {message && (
          <p className="problem" role="alert">
            {sayRefusal(message)}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !operatorId || !pin}>
            {t(M.open)}
          </button>
        </div>
      </form>
    </main>
  );
}
