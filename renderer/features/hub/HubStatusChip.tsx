import { useEffect } from 'react';
import { useHub } from './hub-store.js';

const POLL_MS = 15_000;

const ago = (iso: string) => {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  return minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
};

/** In the top bar: the hub sync in a few words — last sync, what waits, open conflicts, or on whose side it failed. */
export function HubStatusChip() {
  const status = useHub((state) => state.status);
  useEffect(() => {
    void useHub.getState().refresh();
    const timer = setInterval(() => void useHub.getState().refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!status?.configured) return null;
  const conflicts = status.openConflicts > 0 ? `, ${status.openConflicts} conflict(s)` : '';
  const text = status.running
    ? 'Hub: syncing…'
    : status.lastError
      ? status.lastErrorSide === 'local'
        ? `Hub: stopped on this console (${status.pending} waiting)`
        : `Hub: not reached (${status.pending} waiting)`
      : status.lastSyncAt
        ? `Hub: synced ${ago(status.lastSyncAt)}, ${status.pending} waiting${conflicts}`
        : `Hub: not synced yet, ${status.pending} waiting${conflicts}`;
  return (
    <span
      className={`hub-chip${status.lastError ? ' hub-error' : ''}`}
      role="status"
      title={status.lastError ?? undefined}
    >
      {text}
    </span>
  );
}
