import { useState } from 'react';
import { pinProblem } from '../../../db/model/index.js';
import { useNavigation } from '../../app/navigation-store.js';
import { useSession } from '../session/session-store.js';
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
      <h1 id="welcome-title">Welcome to RootLog</h1>
      <p>
        Before the first case: this console’s name, and who operates here with their PIN. This first operator becomes
        the logbook’s <strong>administrator</strong>: they add the other operators, set their first PINs and change the
        settings.
      </p>
      <form
        className="form-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void start();
        }}
      >
        <div className="text-field">
          <label htmlFor="welcome-console">Name of this console (as exports and dashboards show it)</label>
          <input
            id="welcome-console"
            value={consoleName}
            placeholder={`e.g. CT 1 (this computer is “${settings?.consoleName ?? ''}”)`}
            onChange={(event) => setConsoleName(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the first question of the first run
            autoFocus
          />
        </div>
        <div className="text-field">
          <label htmlFor="welcome-operator">First operator, the administrator (more can be added in Settings)</label>
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
          <label htmlFor="welcome-pin">Their PIN (at least 4 characters; typed at each signature)</label>
          <input
            id="welcome-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            aria-invalid={Boolean(pinSays)}
            onChange={(event) => setPin(event.target.value)}
          />
          {pinSays && <p className="field-error">The PIN {pinSays}.</p>}
        </div>
        <div className="text-field">
          <label htmlFor="welcome-pin-again">The PIN again</label>
          <input
            id="welcome-pin-again"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pinAgain}
            aria-invalid={mismatch}
            onChange={(event) => setPinAgain(event.target.value)}
          />
          {mismatch && <p className="field-error">The two PINs differ.</p>}
        </div>
        {(sessionMessage || message?.kind === 'problem') && (
          <p className="problem" role="alert">
            {sessionMessage ?? message?.text}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={!ready}>
            Start logging
          </button>
          <button type="button" className="secondary" onClick={() => go({ name: 'list' })}>
            Later
          </button>
        </div>
      </form>
    </section>
  );
}
