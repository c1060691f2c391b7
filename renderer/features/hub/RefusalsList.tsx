import { formatDateTime, inEnglish } from '../../../db/model/index.js';
import { useReaderLocale, useSay, useT } from '../../app/i18n.js';
import { HUB_PANEL_MESSAGES as M } from './hub-messages.js';
import { useHub } from './hub-store.js';

/** What this console did not take from the hub, and what waits, with the reason: kept for IT. */
export function RefusalsList({ count }: { count: number }) {
  const refusals = useHub((state) => state.refusals);
  const t = useT();
  const say = useSay();
  const locale = useReaderLocale();
  return (
    <details
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) void useHub.getState().loadRefusals();
      }}
    >
      <summary>{t(M.refusals, { count })}</summary>
      <ul>
        {refusals.map((refusal) => (
          <li key={`${refusal.at}-${inEnglish(refusal.subject)}`}>
            {t(
              refusal.console
                ? refusal.waiting
                  ? M.refusalWaitingFrom
                  : M.refusalRefusedFrom
                : refusal.waiting
                  ? M.refusalWaiting
                  : M.refusalRefused,
              {
                at: formatDateTime(refusal.at, locale),
                subject: say(refusal.subject),
                console: refusal.console ?? '',
                reason: say(refusal.reason),
              },
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
