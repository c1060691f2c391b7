import type { Translate } from '../../../db/model/index.js';
import { useT } from '../../app/i18n.js';
import { useNavigation } from '../../app/navigation-store.js';
import { EARLIER_DRAFTS_MESSAGES as M } from './list-messages.js';
import { useProcedureList } from './list-store.js';

/** "14.03.2026 09:30" from a stored performed time; the list's own rows show today's clock only. */
const dayAndClock = (t: Translate, performedAt: string | null) =>
  performedAt
    ? `${performedAt.slice(8, 10)}.${performedAt.slice(5, 7)}.${performedAt.slice(0, 4)} ${performedAt.slice(11, 16)}`
    : t(M.noDate);

/**
 * The start screen's reminder of unsigned drafts from earlier days: a draft left open yesterday
 * never reaches the audits, so it stays here, counted, until it is signed or deleted.
 */
export function EarlierDrafts() {
  const drafts = useProcedureList((state) => state.earlierDrafts);
  const more = useProcedureList((state) => state.moreEarlierDrafts);
  const go = useNavigation((state) => state.go);
  const t = useT();
  if (drafts.length === 0) return null;
  return (
    <section className="earlier-drafts warning warning-check" aria-labelledby="earlier-drafts-title">
      <h2 id="earlier-drafts-title">
        {more ? t(M.titleMore, { count: drafts.length }) : t(M.title, { count: drafts.length })}
      </h2>
      <p className="hint">{t(M.hint)}</p>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.id}>
            <button type="button" className="secondary" onClick={() => go({ name: 'procedure', id: draft.id })}>
              {dayAndClock(t, draft.performedAt)} · {draft.patientId ?? t(M.noPatientId)}
              {draft.patientName ? `, ${draft.patientName}` : ''}
              {draft.targets ? ` · ${draft.targets}` : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
