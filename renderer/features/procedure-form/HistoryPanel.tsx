import { fieldLabel, formatDateTime } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useT } from '../../app/i18n.js';
import { FORM_SECTION_MESSAGES } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { historyValue } from './history-words.js';

const ACTION_WORDS: Record<string, string> = {
  create: 'Created',
  update: 'Edited',
  sign: 'Signed',
  amend: 'Amended',
  delete: 'Deleted',
  import: 'Imported',
  follow_up: 'Follow-up recorded',
};
/** The warning codes the signer (or amender) confirmed, as the audit row keeps them. */
const confirmedIn = (changes: Record<string, { before: unknown; after: unknown }>): string[] => {
  const after = changes.confirmedWarnings?.after;
  return Array.isArray(after) ? after.map(String) : [];
};
/** "particulate_after_unsafe_spread" → "particulate after unsafe spread". */
const warningWords = (code: string) => code.replaceAll('_', ' ');

/** Who did what and when, from the append-only audit log. */
export function HistoryPanel() {
  const tSection = useT();
  const history = useProcedureForm((state) => state.history);
  const record = useProcedureForm((state) => state.record);
  const locale = useDepartmentLocale();
  if (!record || record.status === 'draft') return null;
  const entries = history.filter((entry) => entry.action !== 'update' && entry.action !== 'create');
  return (
    <section aria-labelledby="section-history" className="form-section">
      <h2 id="section-history">{tSection(FORM_SECTION_MESSAGES.history)}</h2>
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.seq}>
            <p>
              <strong>
                {entry.action === 'follow_up' && entry.reason
                  ? 'Follow-up corrected'
                  : (ACTION_WORDS[entry.action] ?? entry.action)}
              </strong>{' '}
              by {entry.actor}, <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              {entry.version ? ` — version ${entry.version}` : ''}
            </p>
            {entry.reason && (
              <p>
                {entry.action === 'follow_up' ? 'Correction' : 'Reason'}: {entry.reason}
              </p>
            )}
            {confirmedIn(entry.changes).length > 0 && (
              <p>Warnings confirmed: {confirmedIn(entry.changes).map(warningWords).join('; ')}</p>
            )}
            {entry.action === 'amend' && (
              <ul>
                {Object.entries(entry.changes)
                  .filter(([field]) => field !== 'confirmedWarnings')
                  .map(([field, change]) => (
                    <li key={field}>
                      {fieldLabel(field)}: {historyValue(change.before)} → {historyValue(change.after)}
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
