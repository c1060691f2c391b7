import { useEffect } from 'react';
import { MODALITIES, ROOTS, STATUSES } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { useNavigation } from '../../app/navigation-store.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { useSettings } from '../settings/settings-store.js';
import { today, useProcedureList } from './list-store.js';

const time = (performedAt: string | null) => (performedAt ? performedAt.slice(11, 16) : '');
const date = (performedAt: string | null) => (performedAt ? performedAt.slice(0, 10) : '');

/** Today at this console, with search and filters; opens a record with Enter or a click. */
export function ProcedureList() {
  const { filter, items, nextCursor, loading, error, setFilter, reload, loadMore } = useProcedureList();
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void reload();
  }, [reload]);
  const onlyToday = filter.from === today() && filter.to === today();
  const pick = <K extends keyof typeof filter>(key: K, value: string) =>
    setFilter({ ...filter, [key]: value === '' ? undefined : [value] } as typeof filter);
  return (
    <section className="list-screen" aria-labelledby="list-title">
      <header className="list-header">
        <h1 id="list-title">{onlyToday ? "Today's procedures" : 'Procedures'}</h1>
        <button
          type="button"
          className="primary big"
          onClick={() => go({ name: 'procedure', id: null })}
          aria-keyshortcuts="Alt+N"
        >
          New procedure <kbd>Alt+N</kbd>
        </button>
      </header>
      <search className="filters row">
        <div className="text-field">
          <label htmlFor="filter-text">Search patient ID, name, accession</label>
          <input
            id="filter-text"
            type="search"
            value={filter.text ?? ''}
            onChange={(event) => setFilter({ ...filter, text: event.target.value || undefined })}
          />
        </div>
        <div className="text-field">
          <label htmlFor="filter-from">From</label>
          <input
            id="filter-from"
            type="date"
            value={filter.from ?? ''}
            onChange={(event) => setFilter({ ...filter, from: event.target.value || undefined })}
          />
        </div>
        <div className="text-field">
          <label htmlFor="filter-to">To</label>
          <input
            id="filter-to"
            type="date"
            value={filter.to ?? ''}
            onChange={(event) => setFilter({ ...filter, to: event.target.value || undefined })}
          />
        </div>
        <div className="text-field">
          <label htmlFor="filter-operator">Operator</label>
          <select
            id="filter-operator"
            value={filter.operatorIds?.[0] ?? ''}
            onChange={(event) => pick('operatorIds', event.target.value)}
          >
            <option value="">All</option>
            {operators.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {operator.name}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="filter-root">Root</label>
          <select
            id="filter-root"
            value={filter.roots?.[0] ?? ''}
            onChange={(event) => pick('roots', event.target.value)}
          >
            <option value="">All</option>
            {ROOTS.map((root) => (
              <option key={root}>{root}</option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="filter-modality">Modality</label>
          <select
            id="filter-modality"
            value={filter.modalities?.[0] ?? ''}
            onChange={(event) => pick('modalities', event.target.value)}
          >
            <option value="">All</option>
            {MODALITIES.map((modality) => (
              <option key={modality} value={modality}>
                {words(modality)}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filter.statuses?.[0] ?? ''}
            onChange={(event) => pick('statuses', event.target.value)}
          >
            <option value="">All</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {words(status)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={() => setFilter(onlyToday ? {} : { from: today(), to: today() })}
        >
          {onlyToday ? 'All dates' : 'Today only'}
        </button>
      </search>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && !loading ? (
        <p className="empty">{onlyToday ? 'No procedures logged today yet.' : 'No procedures match these filters.'}</p>
      ) : (
        <table className="procedure-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">{onlyToday ? 'Time' : 'Date'}</th>
              <th scope="col">Patient</th>
              <th scope="col">Targets</th>
              <th scope="col">NRS pre → post</th>
              <th scope="col">Operator</th>
              <th scope="col">Warnings</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <span className={`status status-${item.status}`}>{words(item.status)}</span>
                </td>
                <td>{onlyToday ? time(item.performedAt) : `${date(item.performedAt)} ${time(item.performedAt)}`}</td>
                <td>
                  <button type="button" className="link" onClick={() => go({ name: 'procedure', id: item.id })}>
                    {item.patientId ?? '(no patient ID)'}
                    {item.patientName ? ` — ${item.patientName}` : ''}
                  </button>
                </td>
                <td>
                  {item.targets}
                  {item.caudalEpidural ? ' + caudal' : ''}
                </td>
                <td>
                  {item.painPre ?? '—'} → {item.painPost ?? '—'}
                </td>
                <td>{item.operatorName ?? ''}</td>
                <td>
                  {item.warningCodes.length > 0 && <span className="badge-warning">{item.warningCodes.length} ⚠</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" className="secondary" onClick={() => void loadMore()} disabled={loading}>
          Show more
        </button>
      )}
    </section>
  );
}
