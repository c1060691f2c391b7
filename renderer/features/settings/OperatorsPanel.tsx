import { useState } from 'react';
import { OPERATOR_ROLES, type OperatorListing, pinProblem, ROLE_WORDS } from '../../../db/model/index.js';
import { useSettings } from './settings-store.js';

/**
 * The operators: name, role, administrator, and the state of their PIN (never the PIN). An
 * administrator adds them, sets a first PIN or a new one (which lifts a lock), changes roles;
 * each change is audited in the main process. Anyone changes their own PIN below.
 */
export function OperatorsPanel() {
  const settings = useSettings((state) => state.settings);
  const { saveOperator } = useSettings.getState();
  const [newOperator, setNewOperator] = useState('');
  const [newRole, setNewRole] = useState<OperatorListing['role']>('radiologist');
  if (!settings) return null;
  return (
    <section className="form-section" aria-labelledby="settings-operators">
      <h2 id="settings-operators">Operators</h2>
      <ul className="operators">
        {settings.operators.map((operator) => (
          <OperatorRow key={operator.id} operator={operator} />
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void saveOperator({ name: newOperator, role: newRole }, `${newOperator} added: set their first PIN.`).then(
            (saved) => {
              if (saved) setNewOperator('');
            },
          );
        }}
      >
        <div className="text-field">
          <label htmlFor="new-operator">New operator</label>
          <input id="new-operator" value={newOperator} onChange={(event) => setNewOperator(event.target.value)} />
        </div>
        <div className="text-field">
          <label htmlFor="new-operator-role">Role</label>
          <select
            id="new-operator-role"
            value={newRole}
            onChange={(event) => setNewRole(event.target.value as OperatorListing['role'])}
          >
            {OPERATOR_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_WORDS[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          Add operator
        </button>
      </form>
      <OwnPinForm operators={settings.operators.filter((operator) => operator.active && operator.pinSet)} />
    </section>
  );
}

const pinState = (operator: OperatorListing) =>
  !operator.pinSet
    ? 'no PIN yet'
    : operator.lockedUntil
      ? `locked until ${new Date(operator.lockedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
      : 'PIN set';

function OperatorRow({ operator }: { operator: OperatorListing }) {
  const { saveOperator, setPin } = useSettings.getState();
  const [pin, setPinText] = useState('');
  // The main process's own rule (db/model/credentials.ts), said at the field before anything is sent.
  const pinSays = pin ? pinProblem(pin) : null;
  return (
    <li>
      <span className={operator.active ? '' : 'inactive'}>{operator.name}</span>{' '}
      <span className="hint">
        {ROLE_WORDS[operator.role]}
        {operator.administrator ? ', administrator' : ''} · {pinState(operator)}
        {operator.badge ? ' · badge enrolled' : ''}
      </span>
      <select
        aria-label={`Role of ${operator.name}`}
        value={operator.role}
        onChange={(event) =>
          void saveOperator(
            { ...operator, role: event.target.value as OperatorListing['role'] },
            `${operator.name} is now a ${ROLE_WORDS[event.target.value as OperatorListing['role']].toLowerCase()}.`,
          )
        }
      >
        {OPERATOR_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_WORDS[role]}
          </option>
        ))}
      </select>
      <label className="confirm">
        <input
          type="checkbox"
          checked={operator.administrator}
          onChange={() =>
            void saveOperator(
              { ...operator, administrator: !operator.administrator },
              `${operator.name} ${operator.administrator ? 'is no longer' : 'is now'} an administrator.`,
            )
          }
        />
        Administrator
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void saveOperator(
            { ...operator, active: !operator.active },
            `${operator.name} ${operator.active ? 'deactivated' : 'activated'}.`,
          )
        }
      >
        {operator.active ? 'Deactivate' : 'Activate'}
      </button>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (pinSays) return;
          const typed = pin;
          setPinText('');
          void setPin(operator.id, typed, `${operator.name}’s PIN was set.`);
        }}
      >
        <label htmlFor={`pin-${operator.id}`}>{operator.pinSet ? 'New PIN' : 'First PIN'}</label>
        <input
          id={`pin-${operator.id}`}
          type="password"
          autoComplete="new-password"
          value={pin}
          aria-invalid={Boolean(pinSays)}
          aria-describedby={pinSays ? `pin-${operator.id}-problem` : undefined}
          onChange={(event) => setPinText(event.target.value)}
        />
        {pinSays && (
          <span id={`pin-${operator.id}-problem`} className="field-error">
            The PIN {pinSays}.
          </span>
        )}
        <button type="submit" className="secondary" disabled={!pin || Boolean(pinSays)}>
          {operator.pinSet ? 'Reset PIN' : 'Set PIN'}
        </button>
      </form>
      {operator.pinSet && <BadgeForm operator={operator} />}
    </li>
  );
}

/**
 * An administrator enrols an operator's badge: with the field focused, the operator scans it
 * (the card reader types its number and Enter) and it is saved; a new scan replaces it;
 * Remove unbinds it. Only a keyed hash of the number is kept, never the number.
 */
function BadgeForm({ operator }: { operator: OperatorListing }) {
  const { setBadge } = useSettings.getState();
  const [badge, setBadgeText] = useState('');
  return (
    <form
      className="inline"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = badge;
        setBadgeText('');
        void setBadge(
          operator.id,
          typed,
          `${operator.name}’s badge was ${operator.badge ? 'replaced' : 'enrolled'}: it now chooses them at the lock screen.`,
        );
      }}
    >
      <label htmlFor={`badge-${operator.id}`}>{operator.badge ? 'New badge' : 'Badge'}</label>
      <input
        id={`badge-${operator.id}`}
        type="password"
        autoComplete="off"
        placeholder="scan it here"
        value={badge}
        onChange={(event) => setBadgeText(event.target.value)}
      />
      <button type="submit" className="secondary" disabled={!badge.trim()}>
        {operator.badge ? 'Replace badge' : 'Enrol badge'}
      </button>
      {operator.badge && (
        <button
          type="button"
          className="secondary"
          onClick={() => void setBadge(operator.id, null, `${operator.name}’s badge was removed.`)}
        >
          Remove badge
        </button>
      )}
    </form>
  );
}

/** An operator changes their own PIN: the old one proves it is them. */
function OwnPinForm({ operators }: { operators: OperatorListing[] }) {
  const [operatorId, setOperatorId] = useState(operators[0]?.id ?? '');
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const newPinSays = newPin ? pinProblem(newPin) : null;
  return (
    <form
      className="row"
      aria-label="Change my PIN"
      onSubmit={(event) => {
        event.preventDefault();
        if (newPinSays) return;
        const [old, next] = [oldPin, newPin];
        setOldPin('');
        setNewPin('');
        void useSettings.getState().changeOwnPin(operatorId, old, next);
      }}
    >
      <div className="text-field">
        <label htmlFor="own-pin-operator">Change my PIN: who</label>
        <select id="own-pin-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor="own-pin-old">Current PIN</label>
        <input
          id="own-pin-old"
          type="password"
          autoComplete="current-password"
          value={oldPin}
          onChange={(event) => setOldPin(event.target.value)}
        />
      </div>
      <div className="text-field">
        <label htmlFor="own-pin-new">New PIN</label>
        <input
          id="own-pin-new"
          type="password"
          autoComplete="new-password"
          value={newPin}
          aria-invalid={Boolean(newPinSays)}
          aria-describedby={newPinSays ? 'own-pin-new-problem' : undefined}
          onChange={(event) => setNewPin(event.target.value)}
        />
        {newPinSays && (
          <p id="own-pin-new-problem" className="field-error">
            The new PIN {newPinSays}.
          </p>
        )}
      </div>
      <button type="submit" className="secondary" disabled={!operatorId || !oldPin || !newPin || Boolean(newPinSays)}>
        Change my PIN
      </button>
    </form>
  );
}
