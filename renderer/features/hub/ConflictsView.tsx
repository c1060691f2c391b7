import { useState } from 'react';
import { type ConflictDecision, fieldLabel, formatDateTime, type HubConflictView } from '../../../db/model/index.js';
import { useReaderLocale, useT } from '../../app/i18n.js';
import { words } from '../../app/labels.js';
import { useSettings } from '../settings/settings-store.js';
import { HUB_CONFLICT_MESSAGES as M } from './hub-messages.js';
import { useHub } from './hub-store.js';

const shown = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? words(value) : JSON.stringify(value);

/** One conflict: the record here beside the other console's amendment, and (on the owner) the choice. */
function Conflict({ conflict }: { conflict: HubConflictView }) {
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState<string[]>([]);
  // Taking the amendment amends the record here: a radiologist signs it with their PIN.
  const operators = useSettings((state) => state.settings?.operators ?? []);
  const signers = operators.filter((operator) => operator.active && operator.role === 'radiologist' && operator.pinSet);
  const [operatorId, setOperatorId] = useState('');
  const [pin, setPin] = useState('');
  const headingId = `hub-conflict-${conflict.id}`;
  const t = useT();
  const locale = useReaderLocale();
  const resolve = (decision: ConflictDecision) =>
    void useHub
      .getState()
      .resolve(
        conflict.id,
        { decision, reason, confirmedWarnings: confirmed },
        { operatorId: operatorId || (signers[0]?.id ?? ''), pin },
      );
  return (
    <article className="hub-conflict" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t(M.record, {
          record: conflict.patientId ?? conflict.recordId,
          proposer: conflict.proposer,
          owner: conflict.owner,
        })}
      </h4>
      <p>
        {t(conflict.reason ? M.amendedByBecause : M.amendedBy, {
          who: conflict.proposedBy,
          proposer: conflict.proposer,
          at: formatDateTime(conflict.proposedAt, locale),
          reason: conflict.reason ?? '',
        })}
      </p>
      <table className="drug-table">
        <thead>
          <tr>
            <th scope="col">{t(M.field)}</th>
            <th scope="col">{t(M.here, { owner: conflict.owner })}</th>
            <th scope="col">{t(M.proposed, { proposer: conflict.proposer })}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.field}>
              <th scope="row">{fieldLabel(field.field)}</th>
              <td>{shown(field.here)}</td>
              <td>{shown(field.proposed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict.resolvesHere ? (
        <div>
          {conflict.warnings.length > 0 && (
            <fieldset>
              <legend>{t(M.confirm)}</legend>
              {conflict.warnings.map((warning) => (
                <label key={warning.code} className="switch">
                  <input
                    type="checkbox"
                    checked={confirmed.includes(warning.code)}
                    onChange={(event) =>
                      setConfirmed((now) =>
                        event.target.checked ? [...now, warning.code] : now.filter((code) => code !== warning.code),
                      )
                    }
                  />{' '}
                  {warning.message}
                </label>
              ))}
            </fieldset>
          )}
          <div className="text-field">
            <label htmlFor={`${headingId}-reason`}>{t(M.reason)}</label>
            <input id={`${headingId}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="text-field">
            <label htmlFor={`${headingId}-signer`}>{t(M.signer)}</label>
            <select
              id={`${headingId}-signer`}
              value={operatorId || (signers[0]?.id ?? '')}
              onChange={(event) => setOperatorId(event.target.value)}
            >
              {signers.map((operator) => (
                <option key={operator.id} value={operator.id}>
                  {operator.name}
                </option>
              ))}
            </select>
          </div>
          <div className="text-field">
            <label htmlFor={`${headingId}-pin`}>{t(M.pin)}</label>
            <input
              id={`${headingId}-pin`}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
          </div>
          <div className="row">
            <button type="button" className="primary" onClick={() => resolve('took')}>
              {t(M.take, { proposer: conflict.proposer })}
            </button>
            <button type="button" className="secondary" onClick={() => resolve('kept')}>
              {t(M.keep)}
            </button>
          </div>
        </div>
      ) : (
        <p className="hint">{t(M.elsewhere, { owner: conflict.owner })}</p>
      )}
    </article>
  );
}

/** True conflicts (two consoles changed the same record), kept visible until the owner resolves them. */
export function ConflictsView() {
  const conflicts = useHub((state) => state.conflicts);
  const t = useT();
  if (conflicts.length === 0) return null;
  return (
    <section aria-labelledby="hub-conflicts">
      <h3 id="hub-conflicts">{t(M.title, { count: conflicts.length })}</h3>
      {conflicts.map((conflict) => (
        <Conflict key={conflict.id} conflict={conflict} />
      ))}
    </section>
  );
}
