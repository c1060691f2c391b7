import { useState } from 'react';
import { useSession } from './session-store.js';

/**
 * What an unattended console shows: no patient, no list, only who may open it. The operator
 * who opened it last is offered first; their PIN opens it again. Enter opens.
 */
export function LockScreen() {
  const session = useSession((state) => state.session);
  const message = useSession((state) => state.message);
  const busy = useSession((state) => state.busy);
  const operators = (session?.operators ?? []).filter((operator) => operator.pinSet);
  const [operatorId, setOperatorId] = useState(session?.operatorId ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');

  const open = async () => {
    const typed = pin;
    setPin('');
    await useSession.getState().unlock(operatorId, typed);
  };

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">RootLog is locked</h1>
      <p>Patient data is hidden. Choose who you are and type your PIN to open the console.</p>
      <form
        className="form-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (operatorId && pin) void open();
        }}
      >
        <div className="text-field">
          <label htmlFor="lock-operator">Operator</label>
          <select id="lock-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
            {operators.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {operator.name}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="lock-pin">PIN</label>
          <input
            id="lock-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the one question of the lock screen
            autoFocus
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
