import { useRef, useState } from 'react';
import { useSession } from './session-store.js';

/**
 * What an unattended console shows: no patient, no list, only who may open it. The operator
 * who opened it last is offered first; their PIN opens it again. Enter opens.
 *
 * Where badges are bound (Settings → Operators), the badge field comes first: a card reader
 * types the badge's number and Enter like a keyboard, which chooses its holder and moves to
 * their PIN. A badge says who is at the keyboard; only the PIN proves it. Its own field, so a
 * badge scanned is never sent as a PIN (nor counted as a wrong one).
 */
export function LockScreen() {
  const session = useSession((state) => state.session);
  const message = useSession((state) => state.message);
  const messageField = useSession((state) => state.messageField);
  const busy = useSession((state) => state.busy);
  const operators = (session?.operators ?? []).filter((operator) => operator.pinSet);
  const badges = operators.some((operator) => operator.badge);
  const [operatorId, setOperatorId] = useState(session?.operatorId ?? operators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState('');
  const [badgeOf, setBadgeOf] = useState<string | null>(null);
  const pinField = useRef<HTMLInputElement>(null);

  const open = async () => {
    const typed = pin;
    setPin('');
    await useSession.getState().unlock(operatorId, typed);
  };

  const scanned = async () => {
    const typed = badge;
    setBadge('');
    const holder = await useSession.getState().identifyBadge(typed);
    setBadgeOf(holder);
    if (!holder) return;
    setOperatorId(holder);
    pinField.current?.focus();
  };

  const holder = operators.find((operator) => operator.id === badgeOf && operator.id === operatorId);
  const badgeProblem = messageField === 'badge' ? message : null;
  const pinProblem = messageField === 'badge' ? null : message;

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">RootLog is locked</h1>
      <p>
        Patient data is hidden. {badges ? 'Scan your badge, or choose who you are,' : 'Choose who you are'} and type
        your PIN to open the console.
      </p>
      {badges && (
        <form
          className="form-section"
          onSubmit={(event) => {
            event.preventDefault();
            if (badge.trim()) void scanned();
          }}
        >
          <div className="text-field">
            <label htmlFor="lock-badge">Badge</label>
            <input
              id="lock-badge"
              type="password"
              autoComplete="off"
              value={badge}
              aria-invalid={Boolean(badgeProblem)}
              aria-describedby={badgeProblem ? 'lock-badge-problem' : undefined}
              onChange={(event) => setBadge(event.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the card reader types into the field that has the focus
              autoFocus
            />
            {badgeProblem && (
              <p id="lock-badge-problem" className="problem" role="alert">
                {badgeProblem}
              </p>
            )}
          </div>
        </form>
      )}
      <form
        className="form-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (operatorId && pin) void open();
        }}
      >
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
        {pinProblem && (
          <p className="problem" role="alert">
            {pinProblem}
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
