import { useState } from 'react';
import {
  formatTime,
  type Message,
  OPERATOR_ROLES,
  type OperatorListing,
  type OperatorRole,
  pinProblem,
  sentence,
  type Translate,
  type Words,
} from '../../../db/model/index.js';
import { useSay, useT } from '../../app/i18n.js';
import { OPERATORS_PANEL_MESSAGES as M, SETTINGS_STATUS_MESSAGES as S } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** A role's words (the model's ROLE_WORDS, in the reader's language). */
const ROLE_MESSAGES: Record<OperatorRole, Message> = { radiologist: M.radiologist, technologist: M.technologist };

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
  const t = useT();
  if (!settings) return null;
  return (
    <section className="form-section" aria-labelledby="settings-operators">
      <h2 id="settings-operators">{t(M.title)}</h2>
      <ul className="operators">
        {settings.operators.map((operator) => (
          <OperatorRow key={operator.id} operator={operator} />
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void saveOperator(
            { name: newOperator, role: newRole },
            sentence(S.operatorAddedSetPin, { name: newOperator }),
          ).then((saved) => {
            if (saved) setNewOperator('');
          });
        }}
      >
        <div className="text-field">
          <label htmlFor="new-operator">{t(M.newOperator)}</label>
          <input id="new-operator" value={newOperator} onChange={(event) => setNewOperator(event.target.value)} />
        </div>
        <div className="text-field">
          <label htmlFor="new-operator-role">{t(M.role)}</label>
          <select
            id="new-operator-role"
            value={newRole}
            onChange={(event) => setNewRole(event.target.value as OperatorListing['role'])}
          >
            {OPERATOR_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_MESSAGES[role])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t(M.add)}
        </button>
      </form>
      <OwnPinForm operators={settings.operators.filter((operator) => operator.active && operator.pinSet)} />
    </section>
  );
}

/** What the row says of an operator: role, administrator, PIN state, badge ("Radiologist, administrator · PIN set"). */
function operatorState(operator: OperatorListing, t: Translate): string {
  const who = [t(ROLE_MESSAGES[operator.role]), ...(operator.administrator ? [t(M.administratorTag)] : [])].join(', ');
  const pin = !operator.pinSet
    ? t(M.noPin)
    : operator.lockedUntil
      ? t(M.lockedUntil, {
          time: formatTime(operator.lockedUntil),
        })
      : t(M.pinSet);
  return [who, pin, ...(operator.badge ? [t(M.badgeEnrolled)] : [])].join(' · ');
}

function OperatorRow({ operator }: { operator: OperatorListing }) {
  const { saveOperator, setPin } = useSettings.getState();
  const [pin, setPinText] = useState('');
  // The main process's own rule (db/model/credentials.ts), said at the field before anything is sent.
  const pinSays = pin ? pinProblem(pin) : null;
  const t = useT();
  const say = useSay();
  const name = operator.name;
  return (
    <li>
      <span className={operator.active ? '' : 'inactive'}>{operator.name}</span>{' '}
      <span className="hint">{operatorState(operator, t)}</span>
      <select
        aria-label={t(M.roleOf, { name })}
        value={operator.role}
        onChange={(event) => {
          const role = event.target.value as OperatorListing['role'];
          void saveOperator(
            { ...operator, role },
            sentence(S.roleChanged, { name, role: sentence(ROLE_MESSAGES[role]) }),
          );
        }}
      >
        {OPERATOR_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(ROLE_MESSAGES[role])}
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
              sentence(operator.administrator ? S.administratorNoLonger : S.administratorNow, { name }),
            )
          }
        />
        {t(M.administrator)}
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void saveOperator(
            { ...operator, active: !operator.active },
            sentence(operator.active ? S.deactivated : S.activated, { name }),
          )
        }
      >
        {t(operator.active ? M.deactivate : M.activate)}
      </button>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (pinSays) return;
          const typed = pin;
          setPinText('');
          void setPin(operator.id, typed, sentence(S.pinSet, { name }));
        }}
      >
        <label htmlFor={`pin-${operator.id}`}>{t(operator.pinSet ? M.newPin : M.firstPin)}</label>
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
            {say(sentence(S.pinRefused, { problem: pinSays }))}
          </span>
        )}
        <button type="submit" className="secondary" disabled={!pin || Boolean(pinSays)}>
          {t(operator.pinSet ? M.resetPin : M.setPin)}
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
  const t = useT();
  const name = operator.name;
  return (
    <form
      className="inline"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = badge;
        setBadgeText('');
        void setBadge(operator.id, typed, sentence(operator.badge ? S.badgeReplaced : S.badgeEnrolled, { name }));
      }}
    >
      <label htmlFor={`badge-${operator.id}`}>{t(operator.badge ? M.newBadge : M.badge)}</label>
      <input
        id={`badge-${operator.id}`}
        type="password"
        autoComplete="off"
        placeholder={t(M.scanHere)}
        value={badge}
        onChange={(event) => setBadgeText(event.target.value)}
      />
      <button type="submit" className="secondary" disabled={!badge.trim()}>
        {t(operator.badge ? M.replaceBadge : M.enrolBadge)}
      </button>
      {operator.badge && (
        <button
          type="button"
          className="secondary"
          onClick={() => void setBadge(operator.id, null, sentence(S.badgeRemoved, { name }))}
        >
          {t(M.removeBadge)}
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
  // The main process's refusal (a wrong current PIN, a lockout) is said here, beside the PIN it is about.
  const [refused, setRefused] = useState<Words | string | null>(null);
  const t = useT();
  const say = useSay();
  return (
    <form
      className="row"
      aria-label={t(M.changeMyPin)}
      onSubmit={(event) => {
        event.preventDefault();
        if (newPinSays) return;
        const [old, next] = [oldPin, newPin];
        setOldPin('');
        setNewPin('');
        void useSettings
          .getState()
          .changeOwnPin(operatorId, old, next)
          .then((changed) => {
            const { message } = useSettings.getState();
            setRefused(!changed && message?.kind === 'problem' ? message.said : null);
            if (!changed) useSettings.setState({ message: null });
          });
      }}
    >
      <div className="text-field">
        <label htmlFor="own-pin-operator">{t(M.changeWho)}</label>
        <select id="own-pin-operator" value={operatorId} onChange={(event) => setOperatorId(event.target.value)}>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor="own-pin-old">{t(M.currentPin)}</label>
        <input
          id="own-pin-old"
          type="password"
          autoComplete="current-password"
          value={oldPin}
          aria-invalid={Boolean(refused)}
          aria-describedby={refused ? 'own-pin-problem' : undefined}
          onChange={(event) => setOldPin(event.target.value)}
        />
      </div>
      <div className="text-field">
        <label htmlFor="own-pin-new">{t(M.newPin)}</label>
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
            {say(sentence(S.newPinRefused, { problem: newPinSays }))}
          </p>
        )}
      </div>
      <button type="submit" className="secondary" disabled={!operatorId || !oldPin || !newPin || Boolean(newPinSays)}>
        {t(M.changeMyPin)}
      </button>
      {refused && (
        <p id="own-pin-problem" className="field-error" role="alert">
          {say(refused)}
        </p>
      )}
    </form>
  );
}
