import { useId, useState } from 'react';
import type { SessionOperator } from '../../../db/model/answers.js';
import type { Said, Words } from '../../../db/model/index.js';
import { useRefusalWords, useT } from '../../app/i18n.js';
import { useKeysHeldWhile } from '../../components/held-keys.js';
import { LOCK_SCREEN_MESSAGES } from './session-messages.js';
import { useSession } from './session-store.js';

/**
 * A badge field: a card reader types the badge's number and Enter into the field that has the
 * focus, like a keyboard; its holder is found in the main process (session.badge) and handed
 * on, and their PIN still proves it. Its own field, so a badge scanned is never sent as a PIN
 * (nor counted as a wrong one). `refusal` says why a holder may not act here (null: they may).
 */
export function BadgeScan({
  id,
  refusal,
  onHolder,
  autoFocus = false,
}: {
  id: string;
  refusal: (holder: SessionOperator) => string | null;
  onHolder: (holder: SessionOperator) => void;
  autoFocus?: boolean;
}) {
  const [badge, setBadge] = useState('');
  const t = useT();
  const sayRefusal = useRefusalWords();
  const [problem, setProblem] = useState<Said | Words | string | null>(null);
  // The PIN typed straight after the scan goes where the holder sends the focus (their PIN),
  // not into the badge field, while the holder is looked up.
  const [lookingUp, setLookingUp] = useState(false);
  // Its own reason: a second badge field that shows must not end this one's hold.
  useKeysHeldWhile(`badge-${useId()}`, lookingUp);
  const scanned = async () => {
    const typed = badge;
    setBadge('');
    setLookingUp(true);
    try {
      const found = await useSession.getState().identifyBadge(typed);
      if (!found) return;
      const refused = 'holder' in found ? refusal(found.holder) : found.problem;
      setProblem(refused);
      if (!refused && 'holder' in found) onHolder(found.holder);
    } finally {
      setLookingUp(false);
    }
  };
  return (
    <div className="text-field">
      <label htmlFor={id}>{t(LOCK_SCREEN_MESSAGES.badge)}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={badge}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => setBadge(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          // Enter ends the scan: it finds the holder, it submits nothing.
          event.preventDefault();
          event.stopPropagation();
          if (badge.trim()) void scanned();
        }}
        // biome-ignore lint/a11y/noAutofocus: the card reader types into the field that has the focus
        autoFocus={autoFocus}
      />
      {problem && (
        <p id={`${id}-problem`} className="problem" role="alert">
          {sayRefusal(problem)}
        </p>
      )}
    </div>
  );
}
