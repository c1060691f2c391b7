import { useEffect } from 'react';
import type { Translate } from '../../../db/model/index.js';
import { useSay, useT } from '../../app/i18n.js';
import { HUB_CHIP_MESSAGES as M } from './hub-messages.js';
import { useHub } from './hub-store.js';

const POLL_MS = 15_000;

const ago = (iso: string, t: Translate) => {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  return minutes < 1
    ? t(M.justNow)
    : minutes < 60
      ? t(M.minutesAgo, { minutes })
      : t(M.hoursAgo, { hours: Math.round(minutes / 60) });
};

/** In the top bar: the hub sync in a few words — last sync, what waits, open conflicts, or on whose side it failed. */
export function HubStatusChip() {
  const status = useHub((state) => state.status);
  const t = useT();
  const say = useSay();
  useEffect(() => {
    void useHub.getState().refresh();
    const timer = setInterval(() => void useHub.getState().refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!status?.configured) return null;
  const counts = { pending: status.pending, conflicts: status.openConflicts };
  const text = status.running
    ? t(M.syncing)
    : status.lastError
      ? t(status.lastErrorSide === 'local' ? M.stoppedHere : M.notReached, counts)
      : status.lastSyncAt
        ? t(M.synced, { ...counts, ago: ago(status.lastSyncAt, t) })
        : t(M.notSynced, counts);
  return (
    <span
      className={`hub-chip${status.lastError ? ' hub-error' : ''}`}
      role="status"
      title={status.lastError ? say(status.lastError) : undefined}
    >
      {text}
    </span>
  );
}
