import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import './worklist.css';
import { codeMessage, formatDate, type WorklistRow } from '../../../db/model/index.js';
import { useReaderLocale, useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { useNavigation } from '../../app/navigation-store.js';
import { WORKLIST_MESSAGES as M } from './worklist-messages.js';
import { useWorklist } from './worklist-store.js';
import { ageWords } from './worklist-words.js';

/** How often the window reads the list the main process keeps (cheap: no network). */
const READ_EVERY_MS = 20_000;

/**
 * Today's worklist beside the procedure list: the scheduled patients for this station. Alt+W
 * puts the cursor on the first, the arrows move, Enter starts a case with the identity filled.
 * When the server is down the last list stays, with its age and the reason.
 */
export function WorklistPanel() {
  const locale = useReaderLocale();
  const t = useT();
  const say = useSay();
  const sayRefusal = useRefusalWords();
  const { status, message, load, refresh, focusWanted, focusDone } = useWorklist();
  const go = useNavigation((state) => state.go);
  const listRef = useRef<HTMLUListElement>(null);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      setNow(new Date());
      void load();
    }, READ_EVERY_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (!focusWanted || !status) return;
    const first = listRef.current?.querySelector<HTMLButtonElement>('button.worklist-row');
    (first ?? document.getElementById('worklist-refresh'))?.focus();
    focusDone();
  }, [focusWanted, status, focusDone]);

  const start = (row: WorklistRow) => go({ name: 'procedure', id: null, identity: row.identity });
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.worklist-row') ?? [])];
    const at = rows.indexOf(event.currentTarget);
    rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <aside className="worklist" aria-labelledby="worklist-title">
      <header className="worklist-header">
        <h2 id="worklist-title">
          {t(M.title)} <kbd>Alt+W</kbd>
        </h2>
        {status?.configured && (
          <button
            id="worklist-refresh"
            type="button"
            className="secondary"
            onClick={() => void refresh()}
            disabled={status.asking}
            aria-keyshortcuts="Alt+R"
          >
            {status.asking ? t(M.asking) : t(M.refresh)} <kbd>Alt+R</kbd>
          </button>
        )}
      </header>
      {status?.configured && <p className="worklist-age">{ageWords(status.receivedAt, now, t, locale)}</p>}
      {(status?.problem ?? message) && (
        <p className={status?.configured ? 'problem' : 'hint'} role={status?.configured ? 'alert' : undefined}>
          {status?.problem ? say(status.problem) : message && sayRefusal(message)}
        </p>
      )}
      {status?.warnings
        .map((warning) => say(warning))
        .map((warning) => (
          <p key={warning} className="warning">
            {warning}
          </p>
        ))}
      {status?.configured && status.rows.length === 0 && status.receivedAt && <p className="empty">{t(M.empty)}</p>}
      <ul ref={listRef} className="worklist-rows" aria-label={t(M.rows)}>
        {status?.rows.map((row) => (
          <li key={row.key}>
            <button
              type="button"
              className={`worklist-row${row.loggedToday ? ' logged' : ''}`}
              onClick={() => start(row)}
              onKeyDown={move}
              aria-description={row.loggedToday ? t(M.alreadyLogged) : undefined}
            >
              <span className="worklist-time">{row.scheduledAt?.slice(11, 16) || '—'}</span>
              <span className="worklist-name">{row.name}</span>
              <span className="worklist-id">
                {row.patientId}
                {row.identity.sex ? ` · ${t(codeMessage(row.identity.sex))}` : ''}
                {row.birthDate ? ` · ${formatDate(row.birthDate, locale)}` : ''}
              </span>
              <span className="worklist-procedure">
                {row.requestedProcedure ?? ''}
                {row.accessionNumber ? ` · ${row.accessionNumber}` : ''}
              </span>
              {row.loggedToday && <span className="badge">{t(M.loggedToday)}</span>}
              {row.problems.length > 0 && (
                <span className="worklist-problems">{row.problems.map((problem) => say(problem)).join('; ')}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
