import { useState } from 'react';
import { useNavigation } from '../../app/navigation-store.js';
import { useSettings } from './settings-store.js';

/**
 * First run: a fresh logbook has no operators, and a case entered now could not be signed.
 * Two questions — what this console is called in exports and dashboards, and who operates
 * here — then the list. Reference levels start from the defaults and are changed in Settings.
 */
export function WelcomeScreen() {
  const settings = useSettings((state) => state.settings);
  const message = useSettings((state) => state.message);
  const go = useNavigation((state) => state.go);
  const [consoleName, setConsoleName] = useState('');
  const [operator, setOperator] = useState('');
  const ready = consoleName.trim() !== '' && operator.trim() !== '';

  const start = async () => {
    const store = useSettings.getState();
    if (!(await store.update({ consoleName: consoleName.trim() }))) return;
    if (await store.addOperator(operator.trim())) go({ name: 'list' });
  };

  return (
    <section className="settings-screen welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to RootLog</h1>
      <p>Two things before the first case: this console’s name, and who operates here.</p>
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
          <label htmlFor="welcome-operator">First operator (more can be added in Settings)</label>
          <input id="welcome-operator" value={operator} onChange={(event) => setOperator(event.target.value)} />
        </div>
        {message?.kind === 'problem' && (
          <p className="problem" role="alert">
            {message.text}
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
