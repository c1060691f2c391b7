import type { HubRefusal } from '../model/index.js';
import { listRefusals, openConflictCount, pendingCount, refusalCount } from '../sqlite/hub-local.js';
import type { Store } from '../store.js';

/* What this console holds of the hub, as the app's status and the command line read it. */

export interface HubLocalCounts {
  /** Records waiting in the outbox for the hub. */
  pending: number;
  /** Conflicts with another console's version that no one has decided yet. */
  openConflicts: number;
  /** Entries the hub refused or that wait for what they need. */
  refusals: number;
}

export function hubLocalCounts(store: Store): HubLocalCounts {
  const read = store.reader;
  return { pending: pendingCount(read), openConflicts: openConflictCount(read), refusals: refusalCount(read) };
}

/** The latest refusals, newest first, at most `limit`. */
export const hubRefusals = (store: Store, limit: number): HubRefusal[] => listRefusals(store.reader, limit);
