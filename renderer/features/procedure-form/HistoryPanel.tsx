import { fieldLabelWords, formatDateTime, type Message, sentence, warningTitle } from '../../../db/model/index.js';
import { useReader, useSay, useT } from '../../app/i18n.js';
import { FORM_SECTION_MESSAGES, HISTORY_PANEL_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { historyValue } from './history-words.js';

const ACTION_WORDS: Record<string, Message> = {
  create: M.created,
  update: M.edited,
  sign: M.signed,
  amend: M.amended,
  delete: M.deleted,
  import: M.imported,
  follow_up: M.followUp,
};
/** The warning codes the signer (or amender) confirmed, as the audit row keeps them. */
const confirmedIn = (changes: Record<string, { before: unknown; after: unknown }>): string[] => {
  const after = changes.confirmedWarnings?.after;
  return Array.isArray(after) ? after.map(String) : [];
};

/** Who did what and when, from the append-only audit log. */
export function HistoryPanel() {
  const t = useT();
  const say = useSay();
  const reader = useReader();
  // A confirmed warning by its title ("particulate steroid after unsafe contrast spread"); an unknown code as it is.
  const warningWords = (code: string) => {
    const title = warningTitle(code);
    return typeof title === 'string' ? title : t(title);
  };
  const actionWords = (action: string) => {
    const message = ACTION_WORDS[action];
    return message ? t(message) : action;
  };
  const history = useProcedureForm((state) => state.history);
  const record = useProcedureForm((state) => state.record);
  if (!record || record.status === 'draft') return null;
  const entries = history.filter((entry) => entry.action !== 'update' && entry.action !== 'create');
  return (
    <section aria-labelledby="section-history" className="form-section">
      <h2 id="section-history">{t(FORM_SECTION_MESSAGES.history)}</h2>
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.seq}>
            <p>
              <strong>
                {entry.action === 'follow_up' && entry.reason ? t(M.followUpCorrected) : actionWords(entry.action)}
              </strong>{' '}
              {t(M.by, { actor: entry.actor })}{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at, reader.locale)}</time>
              {entry.version ? t(M.version, { version: entry.version }) : ''}
            </p>
            {entry.reason && (
              <p>{t(entry.action === 'follow_up' ? M.correction : M.reason, { reason: entry.reason })}</p>
            )}
            {confirmedIn(entry.changes).length > 0 && (
              <p>{t(M.warningsConfirmed, { warnings: confirmedIn(entry.changes).map(warningWords).join('; ') })}</p>
            )}
            {entry.action === 'amend' && (
              <ul>
                {Object.entries(entry.changes)
                  .filter(([field]) => field !== 'confirmedWarnings')
                  .map(([field, change]) => (
                    <li key={field}>
                      {say(
                        sentence(M.change, {
                          field: fieldLabelWords(field),
                          before: historyValue(change.before, reader),
                          after: historyValue(change.after, reader),
                        }),
                      )}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
