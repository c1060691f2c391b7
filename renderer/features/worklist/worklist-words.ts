import type { Translate } from '../../../db/model/index.js';
import { WORKLIST_MESSAGES as M } from './worklist-messages.js';

/** "List received at 10:42 (3 min ago)": how old the list shown is, in the reader's words and clock. */
export function ageWords(receivedAt: string | null, now: Date, t: Translate, locale: string): string {
  if (!receivedAt) return t(M.notReceived);
  const at = new Date(receivedAt);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return t(M.receivedNow, { time });
  if (minutes < 120) return t(M.receivedMinutes, { time, minutes });
  return t(M.receivedHours, { time, hours: Math.floor(minutes / 60) });
}
