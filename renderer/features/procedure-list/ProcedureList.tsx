import { useEffect } from 'react';
import { MODALITIES, ROOTS, STATUSES } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { useNavigation } from '../../app/navigation-store.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { FilterDate } from '../../components/FilterDate.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { DoseInboxSummary } from '../dose-reports/DoseInbox.js';
import { useSettings } from '../settings/settings-store.js';
import { WorklistPanel } from '../worklist/WorklistPanel.js';
import { EarlierDrafts } from './EarlierDrafts.js';
import { today, useProcedureList } from './list-store.js';
import { ProcedureRows } from './ProcedureRows.js';

/** Today at this console, with search and filters; opens a record with Enter or a click. */
export function ProcedureList() {
  const { filter, items, nextCursor, loading, error, setFilter, reload, loadMore } = useProcedureList();
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void reload();
  }, [reload]);
  const onlyToday = filter.from === today() && filter.to === today();
  const thisConsoleOnly = useProcedureList((state) => state.thisConsoleOnly);
  const setThisConsoleOnly = useProcedureList((state) => state.setThisConsoleOnly);
  const consoleName = useSettings((state) => state.settings?.consoleName);
  const pick = <K extends keyof typeof filter>(key: K, value: string) =>
    setFilter({ ...filter, [key]: value === '' ? undefined : [value] } as typeof filter);
  return (
    <div className="list-with-worklist">
      <section className="list-screen" aria-labelledby="list-title">
        <header className="list-header">
          <h1 id="list-title">
            {onlyToday ? "Today's procedures" : 'Procedures'}
            {thisConsoleOnly && consoleName ? ` at ${consoleName}` : ''}
          </h1>
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
          <FilterDate
            id="filter-from"
            label="From"
            value={filter.from}
            onChange={(value) => setFilter({ ...filter, from: value })}
          />
          <FilterDate
            id="filter-to"
            label="To"
            value={filter.to}
            onChange={(value) => setFilter({ ...filter, to: value })}
          />
          <FilterSelect
            id="filter-operator"
            label="Operator"
            value={filter.operatorIds?.[0] ?? ''}
            options={operators.map((operator) => ({ value: operator.id, label: operator.name }))}
            onChange={(value) => pick('operatorIds', value)}
          />
          <FilterSelect
            id="filter-root"
            label="Root"
            value={filter.roots?.[0] ?? ''}
            options={ROOTS.map((root) => ({ value: root, label: root }))}
            onChange={(value) => pick('roots', value)}
          />
          <FilterSelect
            id="filter-modality"
            label="Modality"
            value={filter.modalities?.[0] ?? ''}
            options={MODALITIES.map((modality) => ({ value: modality, label: words(modality) }))}
            onChange={(value) => pick('modalities', value)}
          />
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
          <label className="switch">
            <input
              type="checkbox"
              checked={thisConsoleOnly}
              onChange={(event) => setThisConsoleOnly(event.target.checked)}
            />
            This console only
          </label>
        </search>
        <EarlierDrafts />
        <DoseInboxSummary />
        {error && (
          <p className="problem" role="alert">
            {error}
          </p>
        )}
        {items.length === 0 && !loading ? (
          <p className="empty">
            {onlyToday ? 'No procedures logged today yet.' : 'No procedures match these filters.'}
          </p>
        ) : (
          <ProcedureRows
            items={items}
            onlyToday={onlyToday}
            hasMore={nextCursor !== null}
            loadMore={loadMore}
            open={(id) => go({ name: 'procedure', id })}
          />
        )}
      </section>
      <WorklistPanel />
    </div>
  );
}
