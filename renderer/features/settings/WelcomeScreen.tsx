import { useState } from 'react';
import { pinProblem, sentence } from '../../../db/model/index.js';
import { useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { useNavigation } from '../../app/navigation-store.js';
import { useSession } from '../session/session-store.js';
import { WELCOME_MESSAGES as M, SETTINGS_STATUS_MESSAGES } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/**
 * First run: a fresh logbook has no operators (or, upgraded from before PINs, nobody with a
 * PIN), and a case entered now could not be signed. What this console is called, who operates
 * here and their PIN — that first operator becomes the logbook's administrator, and is told
 * so — then the list. Reference levels start from the defaults and are changed in Settings.
 */
export function WelcomeScreen() {
  const settings = useSettings((state) => state.settings);
  const message = useSettings((state) => state.message);
  const go = useNavigation((state) => state.go);
  const t = useT();
  const say = useSay();
  const sayRefusal = useRefusalWords();
  const [consoleName, setConsoleName] = useState('');
  const sessionMessage = useSession((state) => state.message);
  const listed = (settings?.operators ?? []).filter((existing) => existing.active);
  const [operator, setOperator] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  // An operator already listed (an upgraded logbook) is chosen by name; a new name is added.
  const existing = listed.find((candidate) => candidate.name === operator.trim());
  const pinSays = pin ? pinProblem(pin) : null;
  const mismatch = pinAgain !== '' && pinAgain !== pin;
  const ready = consoleName.trim() !== '' && operator.trim() !== '' && pin !== '' && !pinSays && pinAgain === pin;

  const start = async () => {
    const session = useSession.getState();
    const who = existing ? { operatorId: existing.id } : { name: operator.trim() };
    if (!(await session.setUpFirstAdministrator(who, pin))) return;
    setPin('');
    setPinAgain('');
    const store = useSettings.getState();
    const operatorId = useSession.getState().session?.operatorId ?? null;
    if (await store.update({ consoleName: consoleName.trim(), defaultOperatorId: operatorId })) go({ name: 'list' });
  };

  return (
    <section className="settings-screen welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t(M.title)}</h1>
      <p>{t(M.intro)}</p>
      <form
        className="form-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void start();
        }}
      >
        <div className="text-field">
          <label htmlFor="welcome-console">{t(M.consoleName)}</label>
          <input
            id="welcome-console"
            value={consoleName}
            placeholder={t(M.consoleExample, { name: settings?.consoleName ?? '' })}
            onChange={(event) => setConsoleName(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the first question of the first run
            autoFocus
          />
        </div>
        <div className="text-field">
          <label htmlFor="welcome-operator">{t(M.operator)}</label>
          <input
            id="welcome-operator"
            value={operator}
            list="welcome-operators"
            onChange={(event) => setOperator(event.target.value)}
          />
          <datalist id="welcome-operators">
            {listed.map((candidate) => (
              <option key={candidate.id} value={candidate.name} />
            ))}
          </datalist>
        </div>
        <div className="text-field">
          <label htmlFor="welcome-pin">{t(M.pin)}</label>
          <input
            id="welcome-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            aria-invalid={Boolean(pinSays)}
            onChange={(event) => setPin(event.target.value)}
          />
          {pinSays && (
            <p className="field-error">{say(sentence(SETTINGS_STATUS_MESSAGES.pinRefused, { problem: pinSays }))}</p>
          )}
        </div>
        <div className="text-field">
          <label htmlFor="welcome-pin-again">{t(M.pinAgain)}</label>
          <input
            id="welcome-pin-again"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pinAgain}
            aria-invalid={mismatch}
            onChange={(event) => setPinAgain(event.target.value)}
          />
          {mismatch && <p className="field-error">{t(M.differ)}</p>}
        </div>
        {(sessionMessage || message?.kind === 'problem') && (
          <p className="problem" role="alert">
            {sessionMessage ? sayRefusal(sessionMessage) : message ? say(message.said) : null}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={!ready}>
            {t(M.start)}
          </button>
          <button type="button" className="secondary" onClick={() => go({ name: 'list' })}>
            {t(M.later)}
          </button>
        </div>
      </form>
    </section>
  );
}
