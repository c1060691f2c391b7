import { useEffect } from 'react';
import './backups.css';
import { useRefusalWords, useT } from '../../app/i18n.js';
import { useNavigation } from '../../app/navigation-store.js';
import { backupChipText } from './backup-words.js';
import { useBackups } from './backups-store.js';

const POLL_MS = 60_000;

/** In the top bar, only when something is wrong: no folder set, the last backup overdue, or the last attempt failed. */
export function BackupStatusChip() {
  const status = useBackups((state) => state.status);
  const t = useT();
  const sayRefusal = useRefusalWords();
  useEffect(() => {
    void useBackups.getState().refresh();
    const timer = setInterval(() => void useBackups.getState().refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const text = status ? backupChipText(status, new Date(), t) : null;
  if (!status || !text) return null;
  const problem = status.state === 'failed' || status.state === 'overdue';
  return (
    <button
      type="button"
      className={`link backup-chip${problem ? ' backup-problem' : ''}`}
      title={status.lastFailure ? sayRefusal(status.lastFailure) : undefined}
      onClick={() => useNavigation.getState().go({ name: 'settings' })}
    >
      {text}
    </button>
  );
}
