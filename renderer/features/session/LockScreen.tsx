import { useRef, useState } from 'react';
import { BadgeScan } from './BadgeScan.js';
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
  const busy = useSession((state) => state.busy);
  const operators = (session?.operators ?? []).filter((operator) => operator.pinSet);
  const badges = operators.some((operator) => operator.badge);
  const [operatorId, setOperatorId] = useState(session?.operatorId ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [badgeOf, setBadgeOf] = useState<string | null>(null);
  const pinField = useRef<HTMLInputElement>(null);

  const open = async () => {
    const typed = pin;
    setPin('');
    await useSession.getState().unlock(operatorId, typed);
  };

  const holder = operators.find((operator) => operator.id === badgeOf && operator.id === operatorId);

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">RootLog is locked</h1>
      <p>
        Patient data is hidden. {badges ? 'Scan your badge, or choose who you are,' : 'Choose who you are'} and type
        your PIN to open the console.
      </p>
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
            refusal={(found) =>
              found.pinSet ? null : `${found.name} has no PIN yet: an administrator sets the first one.`
            }
            onHolder={(found) => {
              setOperatorId(found.id);
              setBadgeOf(found.id);
              pinField.current?.focus();
            }}
          />
        )}
        <div className="text-field">
          <label htmlFor="lock-operator">Operator</label>
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
          {holder && <p className="hint">Badge of {holder.name}: type your PIN.</p>}
        </div>
        <div className="text-field">
          <label htmlFor="lock-pin">PIN</label>
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
            {message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !operatorId || !pin}>
            Open
          </button>
        </div>
      </form>
    </main>
  );
}
