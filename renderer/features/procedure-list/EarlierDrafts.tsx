import { useNavigation } from '../../app/navigation-store.js';
import { useProcedureList } from './list-store.js';

/** "14.03.2026 09:30" from a stored performed time; the list's own rows show today's clock only. */
const dayAndClock = (performedAt: string | null) =>
  performedAt
    ? `${performedAt.slice(8, 10)}.${performedAt.slice(5, 7)}.${performedAt.slice(0, 4)} ${performedAt.slice(11, 16)}`
    : 'No date';

/**
 * The start screen's reminder of unsigned drafts from earlier days: a draft left open yesterday
 * never reaches the audits, so it stays here, counted, until it is signed or deleted.
 */
export function EarlierDrafts() {
  const drafts = useProcedureList((state) => state.earlierDrafts);
  const more = useProcedureList((state) => state.moreEarlierDrafts);
  const go = useNavigation((state) => state.go);
  if (drafts.length === 0) return null;
  const count = `${drafts.length}${more ? '+' : ''}`;
  return (
    <section className="earlier-drafts warning warning-check" aria-labelledby="earlier-drafts-title">
      <h2 id="earlier-drafts-title">
        {count} unsigned {drafts.length === 1 && !more ? 'draft' : 'drafts'} from earlier days
      </h2>
      <p className="hint">Not in the logbook’s audits until signed: open each to sign it, or delete it.</p>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.id}>
            <button type="button" className="secondary" onClick={() => go({ name: 'procedure', id: draft.id })}>
              {dayAndClock(draft.performedAt)} · {draft.patientId ?? 'No patient ID'}
              {draft.patientName ? `, ${draft.patientName}` : ''}
              {draft.targets ? ` · ${draft.targets}` : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
